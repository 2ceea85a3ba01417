package dev.countersign.app.keys;

/** The token refused the PIN. Nothing was signed; the reviewer may try again (tokens lock after a few tries). */
public final class WrongPinException extends KeyFileException {
    public WrongPinException() {
        super("The token refused that PIN. Check it and try again; most tokens lock after a few wrong tries.");
    }
}
