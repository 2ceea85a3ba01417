-- Countersign gateway schema, version 2: the decision log in the shared-model format (docs/formats.md).
-- Each decision_record row is one log entry: LogEntry(log_index, record_id, proposal_id, record_digest,
-- recorded_at, prev_hash), whose entry_hash is sha256 of the entry's canonical JSON. record_digest is
-- sha256 of the canonical JSON of the record's DSSE envelope.
ALTER TABLE decision_record ADD COLUMN record_digest CHAR(64);

-- Every checkpoint the gateway signed, one per log size; the newest is what GET /v1/log/checkpoint serves and what
-- the gateway checks its log against when it starts.
CREATE TABLE log_checkpoint (
    log_size       BIGINT      PRIMARY KEY,
    head_hash      CHAR(64)    NOT NULL,
    gateway_key_id CHAR(64)    NOT NULL,
    signed_at      TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    envelope_json  CHARACTER VARYING NOT NULL
);
