-- Countersign gateway schema, version 1.
-- JSON documents are stored as their exact canonical (RFC 8785) text so that digests stay stable.

CREATE TABLE gateway_meta (
    meta_key   VARCHAR(100)  PRIMARY KEY,
    meta_value VARCHAR(4000) NOT NULL
);
INSERT INTO gateway_meta (meta_key, meta_value) VALUES ('application', 'countersign-gateway');

-- Inventory: NHIs, workloads and incidents, one row each with its JSON document.
CREATE TABLE inventory_item (
    kind VARCHAR(16)  NOT NULL,
    id   VARCHAR(200) NOT NULL,
    doc  CHARACTER VARYING NOT NULL,
    PRIMARY KEY (kind, id),
    CONSTRAINT inventory_item_kind CHECK (kind IN ('nhi', 'workload', 'incident'))
);

-- Policies as loaded; the newest row is in force.
CREATE TABLE policy (
    seq            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    policy_id      VARCHAR(200) NOT NULL,
    policy_version VARCHAR(200) NOT NULL,
    doc            CHARACTER VARYING NOT NULL,
    loaded_at      TIMESTAMP(9) WITH TIME ZONE NOT NULL
);

-- Every change to a proposal's view takes the next value; queue cursors point into it.
CREATE SEQUENCE change_seq START WITH 1 NO CACHE;

-- A proposal's current state. The proposal itself, per version, is in proposal_version.
CREATE TABLE proposal (
    id                 VARCHAR(64)  PRIMARY KEY,
    version            INT          NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    agent_owner        VARCHAR(1000) NOT NULL,
    approvals_required INT          NOT NULL,
    created_at         TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    expires_at         TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    decided_at         TIMESTAMP(9) WITH TIME ZONE,
    change_seq         BIGINT       NOT NULL,
    CONSTRAINT proposal_status CHECK (status IN ('pending', 'approved', 'denied', 'expired'))
);
CREATE UNIQUE INDEX proposal_change_seq ON proposal (change_seq);
CREATE INDEX proposal_pending_expiry ON proposal (status, expires_at);

CREATE TABLE proposal_version (
    proposal_id     VARCHAR(64) NOT NULL REFERENCES proposal (id),
    version         INT         NOT NULL,
    proposal_json   CHARACTER VARYING NOT NULL,
    proposal_digest CHAR(64)    NOT NULL,
    created_at      TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (proposal_id, version)
);

CREATE TABLE context (
    proposal_id      VARCHAR(64) NOT NULL,
    proposal_version INT         NOT NULL,
    context_json     CHARACTER VARYING NOT NULL,
    context_digest   CHAR(64)    NOT NULL,
    captured_at      TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (proposal_id, proposal_version),
    FOREIGN KEY (proposal_id, proposal_version) REFERENCES proposal_version (proposal_id, version)
);

CREATE TABLE reviewer (
    reviewer     VARCHAR(320)  PRIMARY KEY,
    display_name VARCHAR(400)  NOT NULL,
    roles        VARCHAR(4000) NOT NULL,
    created_at   TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP(9) WITH TIME ZONE NOT NULL
);

CREATE TABLE reviewer_key (
    key_id      CHAR(64)     PRIMARY KEY,
    reviewer    VARCHAR(320) NOT NULL REFERENCES reviewer (reviewer),
    algorithm   VARCHAR(32)  NOT NULL,
    public_key  VARCHAR(1000) NOT NULL,
    enrolled_at TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP(9) WITH TIME ZONE
);
CREATE INDEX reviewer_key_reviewer ON reviewer_key (reviewer);

CREATE TABLE nonce (
    nonce          VARCHAR(64) PRIMARY KEY,
    proposal_id    VARCHAR(64) NOT NULL REFERENCES proposal (id),
    issued_at      TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    used_by_record VARCHAR(64)
);

-- The append-only decision log: entry_hash = sha256(prev_hash || sha256(canonical envelope JSON)).
CREATE TABLE decision_record (
    record_id        VARCHAR(64)  PRIMARY KEY,
    proposal_id      VARCHAR(64)  NOT NULL REFERENCES proposal (id),
    proposal_version INT          NOT NULL,
    reviewer         VARCHAR(320) NOT NULL,
    key_id           CHAR(64)     NOT NULL,
    verdict          VARCHAR(16)  NOT NULL,
    envelope_json    CHARACTER VARYING NOT NULL,
    recorded_at      TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    log_index        BIGINT       NOT NULL,
    prev_hash        CHAR(64)     NOT NULL,
    entry_hash       CHAR(64)     NOT NULL,
    CONSTRAINT decision_record_verdict CHECK (verdict IN ('approve', 'deny', 'escalate'))
);
CREATE UNIQUE INDEX decision_record_log_index ON decision_record (log_index);
CREATE INDEX decision_record_proposal ON decision_record (proposal_id, proposal_version);

CREATE TABLE idempotency (
    idem_key          VARCHAR(200) PRIMARY KEY,
    endpoint          VARCHAR(400) NOT NULL,
    request_sha256    CHAR(64)     NOT NULL,
    response_status   INT          NOT NULL,
    response_body     CHARACTER VARYING NOT NULL,
    response_location VARCHAR(400),
    created_at        TIMESTAMP(9) WITH TIME ZONE NOT NULL
);
CREATE INDEX idempotency_created_at ON idempotency (created_at);
