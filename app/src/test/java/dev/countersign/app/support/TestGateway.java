package dev.countersign.app.support;

import dev.countersign.app.sync.EmbeddedGatewayConnector;
import dev.countersign.app.sync.GatewayClient;
import dev.countersign.app.sync.GatewayConnection;
import java.net.URI;
import java.nio.file.Path;

/**
 * The real embedded demo gateway in a temporary folder, with a client for the test's own checks: it is signed in as
 * an observer (a reviewer enrolled with no decision rights and a key made for the test), so what a test reads back
 * is what the gateway holds, not what the console under test believes.
 */
public final class TestGateway implements AutoCloseable {
    private final GatewayConnection connection;
    private final GatewayClient client;

    private TestGateway(GatewayConnection connection) throws Exception {
        this.connection = connection;
        this.client = Observer.signIn(connection.baseUri(), adminToken());
    }

    public static TestGateway start(Path dir) throws Exception {
        return new TestGateway(new EmbeddedGatewayConnector(dir.resolve("gateway")).connect());
    }

    public GatewayConnection connection() {
        return connection;
    }

    public URI baseUri() {
        return connection.baseUri();
    }

    /** A client signed in as the observer, for the test's own reading of the gateway. */
    public GatewayClient client() {
        return client;
    }

    public String adminToken() {
        return connection.adminToken().orElseThrow();
    }

    @Override
    public void close() {
        connection.close();
    }
}
