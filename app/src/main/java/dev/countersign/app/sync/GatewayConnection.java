package dev.countersign.app.sync;

import java.net.URI;
import java.util.Optional;

/**
 * A gateway the console talks to: where it is, whether it runs inside this process as the demo, and the admin token
 * if the console may enroll keys (only the embedded gateway hands one over). Closing stops an embedded gateway.
 */
public final class GatewayConnection implements AutoCloseable {
    private final URI baseUri;
    private final String adminToken;
    private final boolean embedded;
    private final boolean demo;
    private final Runnable onClose;

    public GatewayConnection(URI baseUri, String adminToken, boolean embedded, boolean demo, Runnable onClose) {
        this.baseUri = baseUri;
        this.adminToken = adminToken;
        this.embedded = embedded;
        this.demo = demo;
        this.onClose = onClose;
    }

    public static GatewayConnection remote(URI baseUri) {
        return new GatewayConnection(baseUri, null, false, false, () -> { });
    }

    public URI baseUri() {
        return baseUri;
    }

    /** The admin token, present only for a gateway this console started. Never log it. */
    public Optional<String> adminToken() {
        return Optional.ofNullable(adminToken);
    }

    public boolean embedded() {
        return embedded;
    }

    public boolean demo() {
        return demo;
    }

    @Override
    public void close() {
        onClose.run();
    }

    @Override
    public String toString() {
        return "GatewayConnection[" + baseUri + (embedded ? ", embedded" : "") + (demo ? ", demo" : "") + "]";
    }
}
