package dev.countersign.app.settings;

import dev.countersign.app.common.UserFacing;

/** The settings file cannot be read or written; the message says which file and why. */
public final class SettingsException extends Exception implements UserFacing {
    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String userMessage() {
        return getMessage();
    }
}
