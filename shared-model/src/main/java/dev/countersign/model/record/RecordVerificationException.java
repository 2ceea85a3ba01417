package dev.countersign.model.record;

/** A decision record that does not verify; the reason says which check failed, in words a reviewer can read. */
public final class RecordVerificationException extends Exception {
    /** Which check failed: stable, for mapping to problem types and report lines. */
    public enum Failure {
        MALFORMED,
        WRONG_PAYLOAD_TYPE,
        WRONG_PREDICATE_TYPE,
        KEY_MISMATCH,
        BAD_SIGNATURE,
        SUBJECT_MISMATCH
    }

    private final Failure failure;

    public RecordVerificationException(Failure failure, String message) {
        super(message);
        this.failure = failure;
    }

    public RecordVerificationException(Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
