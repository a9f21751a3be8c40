-- Failed logins are counted per typed username (lower-cased), for names that belong to nobody as well as for real
-- accounts, so that both answer alike, also once "locked". Rows are never created in app_user for unknown names.
-- The counter is raised by one atomic UPDATE (LoginAttempts), never read, incremented and written back.
CREATE TABLE login_failure (
    username_key    VARCHAR(100) PRIMARY KEY,
    failed_attempts INT          NOT NULL,
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX login_failure_last_idx ON login_failure (last_failure_at);

INSERT INTO login_failure (username_key, failed_attempts, last_failure_at, locked_until)
SELECT lower(username), max(failed_attempts), CURRENT_TIMESTAMP, max(locked_until)
FROM app_user
WHERE failed_attempts > 0 OR locked_until IS NOT NULL
GROUP BY lower(username);

ALTER TABLE app_user DROP COLUMN failed_attempts;
ALTER TABLE app_user DROP COLUMN locked_until;

-- Every session remembers the epoch of its user at login; a password change, reset or disable raises it, and the
-- sessions of the older epoch end on their next request, on whichever node they arrive.
ALTER TABLE app_user ADD COLUMN session_epoch INT DEFAULT 0 NOT NULL;

-- Fixed-window counters shared by all nodes: failed logins per client address, audited refusals per user/address.
CREATE TABLE rate_counter (
    name       VARCHAR(200) PRIMARY KEY,
    hits       INT          NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX rate_counter_expiry_idx ON rate_counter (expires_at);
