package dev.countersign.app.review;

import dev.countersign.app.common.UserFacing;
import dev.countersign.app.common.UserText;
import dev.countersign.app.sync.GatewayUnavailableException;

/**
 * The gateway cannot be reached and this console holds no decision nonce for the proposal (it was never synced while
 * online, or its nonce was used): nothing was signed.
 */
public final class NoNonceOfflineException extends Exception implements UserFacing {
    private static final UserText TEXT = new UserText("error.decision.noNonceOffline");

    public NoNonceOfflineException(GatewayUnavailableException cause) {
        super(TEXT.english(), cause);
    }

    @Override
    public UserText userText() {
        return TEXT;
    }
}
