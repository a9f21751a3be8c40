-- As on PostgreSQL (V2_2), the embedded database refuses any change to the audit log: a Java trigger refuses UPDATE
-- and DELETE. H2 fires no trigger on TRUNCATE, but refuses to truncate a table that a foreign key references: the
-- empty guard table below holds such a reference (it also makes DROP TABLE audit_event fail without CASCADE).
CREATE TRIGGER audit_event_no_change BEFORE UPDATE, DELETE ON audit_event
    FOR EACH ROW CALL "org.tuanwu.identity.internal.AuditAppendOnlyTrigger";
CREATE TABLE audit_event_truncate_guard (
    event_id BIGINT REFERENCES audit_event (id)
);
