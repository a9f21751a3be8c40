-- Usernames are stored as typed, unique and matched ignoring case (only ASCII letters occur in them).
ALTER TABLE app_user ADD COLUMN username_key VARCHAR(64) GENERATED ALWAYS AS (lower(username));
ALTER TABLE app_user ADD CONSTRAINT app_user_username_key_unique UNIQUE (username_key);
ALTER TABLE app_user DROP CONSTRAINT app_user_username_unique;
