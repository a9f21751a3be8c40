-- Name search at province scale (300 000 orgs): a trigram index answers LIKE '%…%' without a scan. It holds the
-- name with every character written three times, so that a keyword of one or two Chinese characters (村, 新华),
-- which has no trigram of its own, has one once tripled; OrgStore.search asks the same expression (the
-- tripled name holds the tripled keyword exactly when the name holds the keyword: H2's plain LIKE, same results). pg_trgm is a trusted extension:
-- the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX org_name_tripled_trgm_idx ON org USING gin (regexp_replace(name, '(.)', '\1\1\1', 'g') gin_trgm_ops);
-- The code half of the search (code LIKE 'X01.T%'): a prefix, indexable only in byte order.
CREATE INDEX org_code_prefix_idx ON org (code varchar_pattern_ops);
