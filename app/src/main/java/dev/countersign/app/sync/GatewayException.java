package dev.countersign.app.sync;

import dev.countersign.app.common.UserFacing;

/** A call to the gateway that did not give the answer asked for; the message is written for the reviewer. */
public abstract sealed class GatewayException extends Exception implements UserFacing
        permits GatewayProblemException, GatewayUnavailableException, GatewayResponseException,
        SessionLockedException {

    protected GatewayException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String userMessage() {
        return getMessage();
    }
}
