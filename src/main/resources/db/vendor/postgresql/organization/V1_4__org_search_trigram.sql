-- Name search at province scale (300 000 orgs): a trigram index answers LIKE '%…%' without a scan. A keyword of one
-- or two Chinese characters (村, 新华) has no trigram of its own, so the index holds the name with every character
-- made a word of its own ('新华村' → ' 新 华 村 '): each character then has the trigram ' 新 ', and the keyword,
-- written the same way (' 新 华 '), is found through them. OrgStore.search asks the same expression and decides
-- with strpos on the name itself, so the results are those of H2's plain LIKE. pg_trgm is a trusted extension: the
-- database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX org_name_chars_trgm_idx ON org USING gin ((' ' || regexp_replace(name, '(.)', '\1 ', 'g')) gin_trgm_ops);
-- The code half of the search (code LIKE 'X01.T%'): a prefix, indexable only in byte order.
CREATE INDEX org_code_prefix_idx ON org (code varchar_pattern_ops);
