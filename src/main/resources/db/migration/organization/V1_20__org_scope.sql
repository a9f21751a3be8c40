-- The organization module's public SQL face (docs/architecture.md "The scope contract"). Other modules keep an
-- org_id on their records and join this view to stay inside the caller's subtree:
--   SELECT … FROM member m JOIN org_scope s ON s.org_id = m.org_id WHERE s.path >= :scope_lower AND s.path < :scope_upper
-- (the condition and its parameters come from identity's Scope). They never name the org table itself, so the
-- organization module may change it as long as this view keeps its columns. The view is a plain projection:
-- both databases push the path range down to the org table's path index. A later migration that changes the type
-- of a column shown here drops the view and creates it again.
CREATE VIEW org_scope AS
SELECT id AS org_id, parent_id, code, name, path, depth, kind, sector, established_on, dissolved_on
FROM org;
