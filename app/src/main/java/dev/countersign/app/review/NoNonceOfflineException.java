package dev.countersign.app.review;

import dev.countersign.app.common.UserFacing;
import dev.countersign.app.sync.GatewayUnavailableException;

/**
 * The gateway cannot be reached and this console holds no decision nonce for the proposal (it was never synced while
 * online, or its nonce was used): nothing was signed.
 */
public final class NoNonceOfflineException extends Exception implements UserFacing {
    public NoNonceOfflineException(GatewayUnavailableException cause) {
        super("The gateway cannot be reached, and this console has no decision nonce for this proposal yet, so it"
                + " cannot be decided offline. Nothing was signed. It can be decided once the gateway is back.",
                cause);
    }

    @Override
    public String userMessage() {
        return getMessage();
    }
}
