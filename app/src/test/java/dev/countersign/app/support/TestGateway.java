package dev.countersign.app.support;

import dev.countersign.app.sync.EmbeddedGatewayConnector;
import dev.countersign.app.sync.GatewayClient;
import dev.countersign.app.sync.GatewayConnection;
import dev.countersign.app.sync.ReviewerSessions;
import dev.countersign.model.api.EnrollmentRequest;
import dev.countersign.model.crypto.PublicKeys;
import dev.countersign.model.crypto.Signer;
import dev.countersign.model.crypto.SoftwareSigner;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The real embedded demo gateway in a temporary folder, with a client for the test's own checks: it is signed in as
 * an observer (a reviewer enrolled with no decision rights and a key made for the test), so what a test reads back
 * is what the gateway holds, not what the console under test believes.
 */
public final class TestGateway implements AutoCloseable {
    public static final String OBSERVER = "observer@northwind.example";

    private final GatewayConnection connection;
    private final GatewayClient client;

    private TestGateway(GatewayConnection connection) throws Exception {
        this.connection = connection;
        this.client = new GatewayClient(connection.baseUri());
        Signer observer = new SoftwareSigner(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        client.enroll(new EnrollmentRequest(OBSERVER, "Test observer", List.of("audit"),
                PublicKeys.toBase64(observer.publicKey()), null), adminToken(), "enroll-observer");
        ReviewerSessions sessions = new ReviewerSessions(client, () -> Optional.of(observer), Clock.systemUTC(),
                grant -> { }, "the observer's key is always at hand");
        client.useSessions(sessions);
        sessions.open(OBSERVER, observer);
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
