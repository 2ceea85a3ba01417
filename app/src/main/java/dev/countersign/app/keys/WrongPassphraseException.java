package dev.countersign.app.keys;

/** The passphrase does not open the key file. Nothing was changed; the reviewer may try again. */
public final class WrongPassphraseException extends KeyFileException {
    public WrongPassphraseException() {
        super("That passphrase does not unlock this key. Check it and try again.");
    }

    public WrongPassphraseException(String message) {
        super(message);
    }
}
