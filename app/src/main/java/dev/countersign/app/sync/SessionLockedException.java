package dev.countersign.app.sync;

import dev.countersign.app.common.UserText;

/**
 * A console call needs a session, the last one has ended, and opening another needs the reviewer's key, which is
 * locked. Nothing was sent; the call can be repeated once the reviewer has unlocked the key.
 */
public final class SessionLockedException extends GatewayException {
    public SessionLockedException(UserText text) {
        super(text, null);
    }
}
