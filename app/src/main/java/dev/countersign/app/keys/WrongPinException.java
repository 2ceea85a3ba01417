package dev.countersign.app.keys;

import dev.countersign.app.common.UserText;

/** The token refused the PIN. Nothing was signed; the reviewer may try again (tokens lock after a few tries). */
public final class WrongPinException extends KeyFileException {
    public WrongPinException() {
        super(new UserText("error.token.wrongPin"));
    }
}
