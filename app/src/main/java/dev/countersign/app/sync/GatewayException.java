package dev.countersign.app.sync;

import dev.countersign.app.common.UserFacing;
import dev.countersign.app.common.UserText;

/** A call to the gateway that did not give the answer asked for; the text is written for the reviewer. */
public abstract sealed class GatewayException extends Exception implements UserFacing
        permits GatewayProblemException, GatewayUnavailableException, GatewayResponseException,
        SessionLockedException {
    private final transient UserText text;

    protected GatewayException(UserText text, Throwable cause) {
        super(text.english(), cause);
        this.text = text;
    }

    @Override
    public UserText userText() {
        return text;
    }
}
