package dev.countersign.gateway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.gateway.GatewayMain;
import dev.countersign.gateway.support.Http;
import dev.countersign.gateway.support.TestReviewer;
import dev.countersign.gateway.support.TestWorld;
import dev.countersign.model.ActionType;
import dev.countersign.model.RiskTier;
import dev.countersign.model.api.ReviewerView;
import dev.countersign.model.crypto.PublicKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The gateway's admin commands against a real started gateway, through picocli in process. */
class AdminCommandTest {
    @TempDir
    static Path dataDir;
    @TempDir
    static Path work;
    static TestWorld world;

    @BeforeAll
    static void start() {
        world = TestWorld.start(dataDir);
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    record Run(int status, String out, String err) {}

    private static Run admin(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new GatewayMain());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("admin"));
        all.addAll(List.of(args));
        int status = cli.execute(all.toArray(String[]::new));
        return new Run(status, out.toString(), err.toString());
    }

    private static Path pem(TestReviewer reviewer) throws IOException {
        Path file = work.resolve(reviewer.reviewer() + ".pem");
        Files.writeString(file, PublicKeys.toPem(reviewer.signer().publicKey()));
        return file;
    }

    private static ReviewerView reviewer(String name) {
        return world.expect(200, world.console().get("/v1/reviewers/" + name)).as(ReviewerView.class);
    }

    @Test
    void helpNamesTheAdminCommands() {
        Run help = admin("--help");
        assertEquals(0, help.status());
        for (String word : new String[] {"enroll", "revoke", "grant", "list"}) {
            assertTrue(help.out().contains(word), help.out());
        }
        Run enroll = admin("enroll", "--help");
        for (String option : new String[] {"--reviewer", "--display-name", "--roles", "--public-key", "--action-types",
                "--environments", "--max-tier", "--url", "--token-file", "--data-dir"}) {
            assertTrue(enroll.out().contains(option), enroll.out());
        }
    }

    @Test
    void theGatewayWritesItsAddressForTheAdminCommands() throws IOException {
        assertEquals(world.gateway.baseUri().toString(), Files.readString(dataDir.resolve("gateway.url")).strip());
    }

    @Test
    void enrollGrantListAndRevokeThroughTheDataFolder() throws IOException {
        TestReviewer amara = TestReviewer.ed25519("amara@example.test");
        Run enrolled = admin("enroll", "--data-dir", dataDir.toString(), "--reviewer", amara.reviewer(),
                "--display-name", "Amara Okafor", "--roles", "platform-security,sre", "--public-key",
                pem(amara).toString(), "--action-types", "rotate_credential,revoke_key", "--environments", "prod",
                "--max-tier", "high");
        assertEquals(0, enrolled.status(), enrolled::toString);
        assertTrue(enrolled.out().contains("Enrolled key " + amara.keyId() + " for amara@example.test."),
                enrolled.out());
        ReviewerView view = reviewer(amara.reviewer());
        assertEquals(List.of("platform-security", "sre"), view.roles());
        assertEquals(List.of(ActionType.ROTATE_CREDENTIAL, ActionType.REVOKE_KEY), view.rights().actionTypes());
        assertEquals(List.of("prod"), view.rights().environments());
        assertEquals(RiskTier.HIGH, view.rights().maxTier());

        Run granted = admin("grant", "--data-dir", dataDir.toString(), "--reviewer", amara.reviewer(),
                "--max-tier", "critical");
        assertEquals(0, granted.status(), granted::toString);
        assertTrue(granted.out().contains("tiers up to critical; action types all; environments all"),
                granted.out());
        assertTrue(reviewer(amara.reviewer()).rights().allEnvironments());

        Http amarasConsole = amara.sessionAt(world.http);
        assertEquals(200, amarasConsole.get("/v1/queue").status());
        Run revoked = admin("revoke", "--data-dir", dataDir.toString(), "--key-id", amara.keyId());
        assertEquals(0, revoked.status(), revoked::toString);
        assertTrue(revoked.out().contains("its sessions have ended"), revoked.out());
        assertNotNull(reviewer(amara.reviewer()).keys().get(0).revokedAt());
        assertEquals("session-invalid", amarasConsole.get("/v1/queue").problem());

        Run listed = admin("list", "--data-dir", dataDir.toString());
        assertEquals(0, listed.status(), listed::toString);
        assertTrue(listed.out().contains("amara@example.test (Amara Okafor)"), listed.out());
        assertTrue(listed.out().contains("roles:  platform-security, sre"), listed.out());
        assertTrue(listed.out().contains("rights: tiers up to critical"), listed.out());
        assertTrue(listed.out().contains("key " + amara.keyId() + " Ed25519 enrolled"), listed.out());
        assertTrue(listed.out().contains("REVOKED"), listed.out());
    }

    @Test
    void explicitUrlAndTokenFileWorkWithoutADataFolder() throws IOException {
        Path token = work.resolve("token");
        Files.writeString(token, world.gateway.adminToken());
        TestReviewer kenji = TestReviewer.p256("kenji@example.test");
        Run enrolled = admin("enroll", "--url", world.gateway.baseUri().toString(), "--token-file", token.toString(),
                "--data-dir", work.resolve("nowhere").toString(), "--reviewer", kenji.reviewer(),
                "--display-name", "Kenji", "--roles", "identity", "--public-key", pem(kenji).toString());
        assertEquals(0, enrolled.status(), enrolled::toString);
        ReviewerView view = reviewer(kenji.reviewer());
        assertEquals("ECDSA-P256", view.keys().get(0).algorithm());
        assertNull(view.rights(), "without rights options a new reviewer holds none");
    }

    @Test
    void failuresSayWhyAndExitNonZero() throws IOException {
        Run noGateway = admin("list", "--data-dir", work.resolve("empty").toString());
        assertEquals(1, noGateway.status());
        assertTrue(noGateway.err().contains("Cannot read the gateway's address"), noGateway.err());

        Path badToken = work.resolve("bad-token");
        Files.writeString(badToken, "not-the-token");
        Run unauthorized = admin("list", "--url", world.gateway.baseUri().toString(), "--token-file",
                badToken.toString());
        assertEquals(1, unauthorized.status());
        assertTrue(unauthorized.err().contains("401 unauthorized"), unauthorized.err());

        Run unknown = admin("grant", "--data-dir", dataDir.toString(), "--reviewer", "nobody@example.test",
                "--max-tier", "low");
        assertEquals(1, unknown.status());
        assertTrue(unknown.err().contains("not-found"), unknown.err());

        Run badTier = admin("grant", "--data-dir", dataDir.toString(), "--reviewer", "x@example.test",
                "--max-tier", "extreme");
        assertEquals(1, badTier.status());
        assertTrue(badTier.err().contains("--max-tier must be low, medium, high or critical"), badTier.err());

        Run missing = admin("enroll", "--data-dir", dataDir.toString(), "--reviewer", "x@example.test");
        assertEquals(2, missing.status(), missing::toString);
    }
}
