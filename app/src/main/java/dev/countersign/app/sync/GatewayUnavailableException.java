package dev.countersign.app.sync;

import dev.countersign.app.common.UserText;

/** The gateway could not be reached or did not answer in time. Retrying later may help. */
public final class GatewayUnavailableException extends GatewayException {
    public GatewayUnavailableException(UserText text, Throwable cause) {
        super(text, cause);
    }
}
