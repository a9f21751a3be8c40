-- Uploaded rule packs, one row per version. Built-in packs (version 1) live on the classpath; an upload of the
-- same id adds version 2, 3, … and every version stays evaluable for past scorecards.
CREATE TABLE scorecard_rule_pack (
    id           VARCHAR(32)  NOT NULL,
    version      INT          NOT NULL,
    title        VARCHAR(300) NOT NULL,
    yaml         TEXT         NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    uploaded_by  VARCHAR(100) NOT NULL,
    CONSTRAINT scorecard_rule_pack_pk PRIMARY KEY (id, version)
);
