package dev.countersign.app.sync;

/** The gateway answered with something this console cannot read: a contract mismatch, not a refusal. */
public final class GatewayResponseException extends GatewayException {
    public GatewayResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
