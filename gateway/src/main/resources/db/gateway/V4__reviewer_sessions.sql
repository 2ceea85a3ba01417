-- Countersign gateway schema, version 4: short-lived reviewer sessions (issue 3) and key rotation.

-- Challenges a console signs with a reviewer's key to open a session. Single use: used_at is set, in the same
-- transaction that opens the session. payload_sha256 is sha256 of the exact payload bytes handed out.
CREATE TABLE session_challenge (
    challenge_id   VARCHAR(64)  PRIMARY KEY,
    reviewer       VARCHAR(320) NOT NULL,
    key_id         CHAR(64)     NOT NULL,
    payload_sha256 CHAR(64)     NOT NULL,
    issued_at      TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    used_at        TIMESTAMP(9) WITH TIME ZONE
);
CREATE INDEX session_challenge_expires_at ON session_challenge (expires_at);

-- Open and closed sessions. Only sha256 of the bearer token (of its base64url text) is kept, never the token.
CREATE TABLE reviewer_session (
    token_sha256 CHAR(64)     PRIMARY KEY,
    reviewer     VARCHAR(320) NOT NULL,
    key_id       CHAR(64)     NOT NULL,
    challenge_id VARCHAR(64)  NOT NULL,
    opened_at    TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    closed_at    TIMESTAMP(9) WITH TIME ZONE,
    closed_why   VARCHAR(400)
);
CREATE INDEX reviewer_session_key ON reviewer_session (key_id);
CREATE INDEX reviewer_session_expires_at ON reviewer_session (expires_at);

-- Why a key was revoked (an admin's revocation, or "rotated to <new key id>").
ALTER TABLE reviewer_key ADD COLUMN revoked_reason VARCHAR(400);
-- for a key that replaced another by self-service rotation: the rotation statement signed by the old and the new key
-- (DSSE envelope JSON), the reviewer's own proof that the new key is theirs
ALTER TABLE reviewer_key ADD COLUMN rotation_proof CLOB;
