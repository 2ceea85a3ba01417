package dev.countersign.app.keys;

/** A reviewer key file that cannot be created, read or unlocked; the message is written for the reviewer. */
public class KeyFileException extends Exception {
    public KeyFileException(String message) {
        super(message);
    }

    public KeyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
