package dev.countersign.app.sync;

/** Finds or starts the gateway the console works against. Blocking: call it from a background task. */
@FunctionalInterface
public interface GatewayConnector {
    GatewayConnection connect() throws GatewayException;
}
