package dev.countersign.model.log;

/** A log segment or checkpoint that does not verify; {@link #index()} names the first entry that does not fit, or -1. */
public final class LogVerificationException extends Exception {
    private final long index;

    public LogVerificationException(long index, String message) {
        super(message);
        this.index = index;
    }

    public long index() {
        return index;
    }
}
