package dev.countersign.app.sync;

/** The gateway could not be reached or did not answer in time. Retrying later may help. */
public final class GatewayUnavailableException extends GatewayException {
    public GatewayUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
