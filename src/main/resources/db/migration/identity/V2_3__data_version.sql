-- The data version: bumped with every audited write of records (not with logins, exports or user administration),
-- so that caches of derived figures (the scorecard) survive the traffic that changes no record.
ALTER TABLE audit_head ADD COLUMN data_version BIGINT DEFAULT 0 NOT NULL;
