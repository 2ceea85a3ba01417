package dev.countersign.gateway.store;

/** The gateway's database could not be opened; the message tells the operator what to do about it. */
public final class DatabaseOpenException extends Exception {
    public DatabaseOpenException(String message) {
        super(message);
    }

    public DatabaseOpenException(String message, Throwable cause) {
        super(message, cause);
    }
}
