package dev.countersign.app.keys;

import dev.countersign.app.common.UserFacing;
import dev.countersign.app.common.UserText;

/** A reviewer key file that cannot be created, read or unlocked; the text is written for the reviewer. */
public class KeyFileException extends Exception implements UserFacing {
    private final transient UserText text;

    public KeyFileException(UserText text) {
        this(text, null);
    }

    public KeyFileException(UserText text, Throwable cause) {
        super(text.english(), cause);
        this.text = text;
    }

    @Override
    public UserText userText() {
        return text;
    }
}
