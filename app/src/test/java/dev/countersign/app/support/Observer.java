package dev.countersign.app.support;

import dev.countersign.app.sync.GatewayClient;
import dev.countersign.app.sync.ReviewerSessions;
import dev.countersign.model.api.EnrollmentRequest;
import dev.countersign.model.crypto.PublicKeys;
import dev.countersign.model.crypto.Signer;
import dev.countersign.model.crypto.SoftwareSigner;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A test's own view of a gateway: a client signed in as an observer, a reviewer enrolled with the admin token, with
 * no decision rights and a key made for the test. What a test reads through it is what the gateway holds, not what
 * the console under test believes.
 */
public final class Observer {
    private Observer() {}

    public static GatewayClient signIn(URI gateway, String adminToken) throws Exception {
        String name = "observer-" + UUID.randomUUID().toString().substring(0, 8) + "@northwind.example";
        Signer key = new SoftwareSigner(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        GatewayClient client = new GatewayClient(gateway);
        client.enroll(new EnrollmentRequest(name, "Test observer", List.of("audit"),
                PublicKeys.toBase64(key.publicKey()), null), adminToken, "enroll-" + name);
        ReviewerSessions sessions = new ReviewerSessions(client, () -> Optional.of(key), Clock.systemUTC(),
                grant -> { });
        client.useSessions(sessions);
        sessions.open(name, key);
        return client;
    }

    /** Signs in to the gateway the console embedded in its data folder (it keeps its admin token there). */
    public static GatewayClient signInToEmbedded(URI gateway, Path consoleDataDir) throws Exception {
        String token = Files.readString(consoleDataDir.resolve("gateway").resolve("admin.token")).strip();
        return signIn(gateway, token);
    }
}
