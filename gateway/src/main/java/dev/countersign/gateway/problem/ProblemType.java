package dev.countersign.gateway.problem;

import dev.countersign.model.api.Problem;

/**
 * The stable problem types of the API (docs/api.md): one per cause, each with its HTTP status and fixed title. The
 * type URI is {@link Problem#TYPE_PREFIX} followed by the slug.
 */
public enum ProblemType {
    MALFORMED_JSON("malformed-json", 400, "The body is not JSON"),
    INVALID_REQUEST("invalid-request", 422, "The request is not of the expected shape"),
    INVALID_CURSOR("invalid-cursor", 400, "The cursor was not issued by this gateway"),
    UNKNOWN_TARGET("unknown-target", 422, "The target is not in the inventory"),
    ENVIRONMENT_MISMATCH("environment-mismatch", 422, "The environment is not the target's"),
    NOT_FOUND("not-found", 404, "Not found"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 409, "The Idempotency-Key was used with a different request"),
    UNAUTHORIZED("unauthorized", 401, "The admin token is missing or wrong"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "The request body is too large"),
    KEY_IN_USE("key-in-use", 409, "The key is enrolled for another reviewer"),
    INVALID_RECORD("invalid-record", 422, "The decision record is malformed"),
    UNKNOWN_KEY("unknown-key", 403, "The signing key is not enrolled"),
    KEY_REVOKED("key-revoked", 403, "The signing key was revoked"),
    BAD_SIGNATURE("bad-signature", 422, "The signature does not verify"),
    REVIEWER_MISMATCH("reviewer-mismatch", 403, "The decision names a reviewer other than the key's owner"),
    STALE_PROPOSAL("stale-proposal", 409, "The proposal changed since it was shown"),
    CONTEXT_CHANGED("context-changed", 409, "The context changed since it was shown"),
    NONCE_INVALID("nonce-invalid", 409, "The nonce is not valid for this proposal"),
    NONCE_REPLAYED("nonce-replayed", 409, "The nonce was already used"),
    PROPOSAL_EXPIRED("proposal-expired", 409, "The proposal expired"),
    PROPOSAL_CLOSED("proposal-closed", 409, "The proposal is already decided"),
    SELF_APPROVAL("self-approval", 403, "The agent's owner cannot approve its proposal"),
    NOT_PERMITTED("not-permitted", 403, "The reviewer may not decide this proposal"),
    ALREADY_DECIDED("already-decided", 409, "This reviewer already approved this proposal"),
    SESSION_REQUIRED("session-required", 401, "A reviewer session is required"),
    SESSION_INVALID("session-invalid", 401, "The session is not valid"),
    SESSION_EXPIRED("session-expired", 401, "The session expired"),
    SESSION_MISMATCH("session-mismatch", 403, "The session is another reviewer's or another key's"),
    CHALLENGE_UNKNOWN("challenge-unknown", 422, "The challenge was not issued by this gateway"),
    CHALLENGE_EXPIRED("challenge-expired", 409, "The challenge expired"),
    CHALLENGE_USED("challenge-used", 409, "The challenge was already used"),
    CHALLENGE_ALTERED("challenge-altered", 422, "The signed payload is not the challenge as issued"),
    ROTATION_STALE("rotation-stale", 422, "The rotation was not requested within five minutes of now"),
    INTERNAL_ERROR("internal-error", 500, "The gateway failed to answer");

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** True for the three types after which a console opens a new session and tries once more. */
    public boolean sessionLapsed() {
        return this == SESSION_REQUIRED || this == SESSION_INVALID || this == SESSION_EXPIRED;
    }

    public String uri() {
        return Problem.TYPE_PREFIX + slug;
    }
}
