-- Spring Modulith's event publication registry (schema v2 of Modulith 2.0): one row per event and transactional
-- listener, written in the transaction that publishes the event, completed (and, with completion-mode delete,
-- removed) when the listener has run. The same statement on H2 and PostgreSQL: no TEXT (a CLOB on H2), no hash
-- index (PostgreSQL only); unbounded VARCHAR is TEXT-like on PostgreSQL and up to 1 000 000 characters on H2.
CREATE TABLE event_publication (
    id                     UUID NOT NULL,
    listener_id            VARCHAR(512) NOT NULL,
    event_type             VARCHAR(512) NOT NULL,
    serialized_event       VARCHAR NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 VARCHAR(20),
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (id)
);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
CREATE INDEX event_publication_by_listener_idx ON event_publication (listener_id, publication_date);
