package dev.countersign.app.support;

import dev.countersign.app.sync.EmbeddedGatewayConnector;
import dev.countersign.app.sync.GatewayClient;
import dev.countersign.app.sync.GatewayConnection;
import java.nio.file.Path;

/** The real embedded demo gateway in a temporary folder, with a client for it. */
public final class TestGateway implements AutoCloseable {
    private final GatewayConnection connection;
    private final GatewayClient client;

    private TestGateway(GatewayConnection connection) {
        this.connection = connection;
        this.client = new GatewayClient(connection.baseUri());
    }

    public static TestGateway start(Path dir) throws Exception {
        return new TestGateway(new EmbeddedGatewayConnector(dir.resolve("gateway")).connect());
    }

    public GatewayConnection connection() {
        return connection;
    }

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
