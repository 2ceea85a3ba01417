-- The console's local cache, version 2: what proves the decisions the console can see, held so they can be checked,
-- and exported as evidence, offline. Like the records, all of it can be thrown away and synced again. No identity
-- columns or sequences (see V1).

-- The proposal version and context each cached decision record is bound to, as canonical JSON, with the sha256 of
-- each (the record's subject digest and its decision's contextDigest, when the gateway kept its word). Taken from
-- the proposal as the queue served it when that is the bound version, else from GET /v1/proposals/{id}/versions/{v}.
CREATE TABLE proposal_version (
    proposal_id     VARCHAR(64) NOT NULL,
    version         INT         NOT NULL,
    proposal_json   CHARACTER VARYING NOT NULL,
    context_json    CHARACTER VARYING NOT NULL,
    proposal_digest VARCHAR(64) NOT NULL,
    context_digest  VARCHAR(64) NOT NULL,
    CONSTRAINT proposal_version_pk PRIMARY KEY (proposal_id, version)
);

-- The reviewers the cached records name, as GET /v1/reviewers/{reviewer} served them (ReviewerView: keys with their
-- enrollment and revocation times), refreshed when new records arrive.
CREATE TABLE reviewer_view (
    reviewer   VARCHAR(320) PRIMARY KEY,
    view_json  CHARACTER VARYING NOT NULL,
    fetched_at TIMESTAMP(9) WITH TIME ZONE NOT NULL
);

-- The decision log's entries (LogEntry JSON), from index 0 up to the held checkpoint's last entry: stored with that
-- checkpoint, in one transaction, once they verified against it.
CREATE TABLE log_entry (
    log_index  BIGINT      PRIMARY KEY,
    record_id  VARCHAR(64) NOT NULL,
    entry_json CHARACTER VARYING NOT NULL
);

-- The newest checkpoint that verified, with the entries held, against the gateway key the cache is bound to: one row.
CREATE TABLE log_checkpoint (
    singleton          INT          PRIMARY KEY,
    envelope_json      CHARACTER VARYING NOT NULL,
    log_size           BIGINT       NOT NULL,
    head_hash          VARCHAR(64)  NOT NULL,
    gateway_public_key VARCHAR(200) NOT NULL,
    fetched_at         TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT log_checkpoint_one CHECK (singleton = 1)
);

-- The proposal version each record is bound to (its decision's proposalVersion), read from the record when it is
-- cached, so the versions still to fetch are found without reading every record again. Null for a record cached
-- before this version (the next sync reads it), 0 for a record whose statement cannot be read.
ALTER TABLE decision_record ADD COLUMN proposal_version INT;
