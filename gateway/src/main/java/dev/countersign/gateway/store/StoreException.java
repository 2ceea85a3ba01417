package dev.countersign.gateway.store;

/** The database failed in a way the request cannot fix (disk, corruption, a bug); the message says what was done. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
