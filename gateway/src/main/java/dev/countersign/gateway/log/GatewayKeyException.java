package dev.countersign.gateway.log;

/** The gateway key cannot be created or unlocked; the message says why without naming the passphrase. */
public final class GatewayKeyException extends Exception {
    public GatewayKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
