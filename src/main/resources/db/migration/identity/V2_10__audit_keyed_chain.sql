-- The audit chain is keyed (HMAC-SHA256, with a key that never enters the database) from the row after the last one
-- written so far: rows below keyed_from keep their SHA-256 hashes, sealed by the first keyed row. The application
-- signs the switch point (keyed_from_mac) with the key on its first start after this migration, before any keyed row
-- exists (docs/security.md "Audit log").
ALTER TABLE audit_head ADD COLUMN keyed_from BIGINT;
UPDATE audit_head SET keyed_from = last_id + 1;
ALTER TABLE audit_head ALTER COLUMN keyed_from SET NOT NULL;
ALTER TABLE audit_head ADD COLUMN keyed_from_mac VARCHAR(64);
