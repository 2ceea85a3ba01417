package dev.countersign.gateway.store;

/**
 * A database file this program could not have made (or cannot read), refused before it was opened. {@link #reason()}
 * says what was found, short and without any code from the file, e.g. {@code it has a trigger "TR" on "PROPOSAL"}.
 */
public final class ForeignDatabaseException extends Exception {
    private final String reason;

    public ForeignDatabaseException(String fileName, String reason) {
        this(fileName, reason, null);
    }

    public ForeignDatabaseException(String fileName, String reason, Throwable cause) {
        super("The database file " + fileName + " is not one this program created (" + reason + "); it is refused.",
                cause);
        this.reason = reason;
    }

    /** What was found, e.g. {@code it has a view "V"}; fits in a sentence. */
    public String reason() {
        return reason;
    }
}
