package dev.countersign.app.settings;

import dev.countersign.app.common.UserFacing;
import dev.countersign.app.common.UserText;

/** The settings file cannot be read or written; the text says which file and why. */
public final class SettingsException extends Exception implements UserFacing {
    private final transient UserText text;

    public SettingsException(UserText text, Throwable cause) {
        super(text.english(), cause);
        this.text = text;
    }

    @Override
    public UserText userText() {
        return text;
    }
}
