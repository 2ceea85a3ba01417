package dev.countersign.app.sync;

import dev.countersign.app.common.UserText;

/** The gateway answered with something this console cannot read: a contract mismatch, not a refusal. */
public final class GatewayResponseException extends GatewayException {
    public GatewayResponseException(UserText text, Throwable cause) {
        super(text, cause);
    }
}
