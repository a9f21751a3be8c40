-- Subtree queries are range scans on path ('/1/17/' <= path < '/1/170'). That needs byte order, which the
-- database's default (linguistic) collation does not give; "C" does, on PostgreSQL as on H2.
DROP INDEX org_path_idx;
ALTER TABLE org ALTER COLUMN path TYPE VARCHAR(1000) COLLATE "C";
CREATE INDEX org_path_idx ON org (path);
