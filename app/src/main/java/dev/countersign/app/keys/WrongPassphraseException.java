package dev.countersign.app.keys;

import dev.countersign.app.common.UserText;

/** The passphrase does not open the key file. Nothing was changed; the reviewer may try again. */
public final class WrongPassphraseException extends KeyFileException {
    public WrongPassphraseException() {
        super(new UserText("error.key.wrongPassphrase"));
    }

    public WrongPassphraseException(UserText text) {
        super(text);
    }
}
