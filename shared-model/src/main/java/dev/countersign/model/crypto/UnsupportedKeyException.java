package dev.countersign.model.crypto;

/** A key of a type or curve that Countersign does not sign or verify with. */
public final class UnsupportedKeyException extends IllegalArgumentException {
    public UnsupportedKeyException(String message) {
        super(message);
    }

    public UnsupportedKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
