-- The console's local cache, version 1: what the console last saw from its gateway, and the decisions it signed.
-- Everything here but the outbox can be thrown away and synced again; the outbox holds signed decisions that may not
-- have reached the gateway yet, so it is never cleared. No identity columns or sequences: the file is checked against
-- what these migrations make before it is opened (H2FileInspector), and fewer moving parts keep that check exact.

CREATE TABLE cache_meta (
    meta_key   VARCHAR(100)  PRIMARY KEY,
    meta_value VARCHAR(4000) NOT NULL
);
INSERT INTO cache_meta (meta_key, meta_value) VALUES ('application', 'countersign-console-cache');

-- Each proposal as the gateway last served it: the columns the queue shows here, the whole view (context included) in
-- proposal_doc, so loading the queue reads 50,000 small rows and no documents.
CREATE TABLE proposal (
    id                  VARCHAR(64)   PRIMARY KEY,
    version             INT           NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    risk_tier           VARCHAR(16)   NOT NULL,
    action_type         VARCHAR(64)   NOT NULL,
    environment         VARCHAR(200)  NOT NULL,
    target_id           VARCHAR(200)  NOT NULL,
    target_name         VARCHAR(400)  NOT NULL,
    target_kind         VARCHAR(64)   NOT NULL,
    agent_id            VARCHAR(1000) NOT NULL,
    approvals_given     INT           NOT NULL,
    approvals_required  INT           NOT NULL,
    created_at          TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    expires_at          TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    context_captured_at TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    synced_at           TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    -- the queue's order as one sortable key (open first, riskiest, soonest to expire, id), so the first screenful
    -- is read from an index at start
    queue_key           VARCHAR(100)  NOT NULL
);
CREATE INDEX proposal_queue_key ON proposal (queue_key);

CREATE TABLE proposal_doc (
    id        VARCHAR(64) PRIMARY KEY,
    view_json CHARACTER VARYING NOT NULL,
    CONSTRAINT proposal_doc_proposal FOREIGN KEY (id) REFERENCES proposal (id) ON DELETE CASCADE
);

-- Decision records as the gateway's log holds them (every reviewer's, the gateway's own automatic approvals too),
-- synced from a log index, so the records can be read and checked offline. The record JSON is the gateway's
-- DecisionRecordView, envelope included, as served.
CREATE TABLE decision_record (
    record_id   VARCHAR(64)  PRIMARY KEY,
    log_index   BIGINT       NOT NULL,
    proposal_id VARCHAR(64)  NOT NULL,
    reviewer    VARCHAR(320) NOT NULL,
    verdict     VARCHAR(16)  NOT NULL,
    recorded_at TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    record_json CHARACTER VARYING NOT NULL
);
CREATE UNIQUE INDEX decision_record_log_index ON decision_record (log_index);
CREATE INDEX decision_record_proposal ON decision_record (proposal_id);

-- A single-use decision nonce per pending proposal, fetched while online so a decision can be signed offline.
CREATE TABLE proposal_nonce (
    proposal_id VARCHAR(64) PRIMARY KEY,
    nonce       VARCHAR(64) NOT NULL,
    expires_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    fetched_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL
);

-- Signed decisions, written (and committed) before the first attempt to send them. The idempotency key and the
-- envelope's bytes never change, so a resend after a crash or a lost answer is the same request and is recorded once.
-- gateway_key_id names the gateway the decision was signed for: it is only ever sent there.
CREATE TABLE outbox (
    idempotency_key  VARCHAR(200) PRIMARY KEY,
    seq              BIGINT       NOT NULL,
    proposal_id      VARCHAR(64)  NOT NULL,
    proposal_version INT          NOT NULL,
    verdict          VARCHAR(16)  NOT NULL,
    reviewer         VARCHAR(320) NOT NULL,
    key_id           VARCHAR(64)  NOT NULL,
    nonce            VARCHAR(64)  NOT NULL,
    envelope_json    CHARACTER VARYING NOT NULL,
    gateway_key_id   VARCHAR(64),
    signed_at        TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    attempts         INT          NOT NULL,
    last_attempt_at  TIMESTAMP(9) WITH TIME ZONE,
    last_error       VARCHAR(2000),
    problem_type     VARCHAR(100),
    problem_detail   VARCHAR(4000),
    record_id        VARCHAR(64),
    log_index        BIGINT,
    resolved_at      TIMESTAMP(9) WITH TIME ZONE,
    acknowledged_at  TIMESTAMP(9) WITH TIME ZONE,
    CONSTRAINT outbox_state CHECK (state IN ('pending', 'recorded', 'refused')),
    CONSTRAINT outbox_verdict CHECK (verdict IN ('approve', 'deny', 'escalate'))
);
CREATE UNIQUE INDEX outbox_seq ON outbox (seq);
CREATE UNIQUE INDEX outbox_nonce ON outbox (nonce);
CREATE INDEX outbox_state_seq ON outbox (state, seq);
