package dev.countersign.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.gateway.demo.DemoSeeder;
import dev.countersign.gateway.support.DecisionSigner;
import dev.countersign.gateway.support.Http;
import dev.countersign.gateway.support.Reply;
import dev.countersign.gateway.support.TestReviewer;
import dev.countersign.gateway.support.TestWorld;
import dev.countersign.model.ActionType;
import dev.countersign.model.PolicyOutcome;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.RiskTier;
import dev.countersign.model.api.NonceGrant;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.api.QueuePage;
import dev.countersign.model.api.RecordList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo world on first start, and what a restart on the same data folder keeps. */
class DemoAndRestartTest {
    @TempDir
    Path dataDir;

    private static List<ProposalView> all(Http http) {
        List<ProposalView> views = new ArrayList<>();
        String cursor = null;
        QueuePage page;
        do {
            Reply reply = http.get("/v1/queue?limit=500" + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, reply.status(), reply::toString);
            page = reply.as(QueuePage.class);
            views.addAll(page.items());
            cursor = page.nextCursor();
        } while (page.hasMore());
        return views;
    }

    @Test
    void theDemoWorldIsSeededOnceAndARestartKeepsEverything() throws Exception {
        List<ProposalView> seeded;
        String recordId;
        String firstToken;
        String approvedId;
        Http console;
        try (Gateway gateway = TestWorld.startGateway(dataDir, Clock.systemUTC(), true)) {
            assertTrue(gateway.demo());
            Http http = new Http(gateway.baseUri(), gateway.adminToken());
            firstToken = gateway.adminToken();
            assertEquals(firstToken, Files.readString(dataDir.resolve("admin.token")).strip());
            if (dataDir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                assertEquals("rw-------", PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(dataDir.resolve("admin.token"))));
            }
            assertTrue(Files.exists(dataDir.resolve("gateway.mv.db")));
            assertTrue(http.get("/v1/health").json().get("demo").asBoolean());
            TestReviewer reviewer = TestReviewer.ed25519("tester@example.test").enrollAt(http, "sre");
            console = reviewer.sessionAt(http);

            seeded = all(console);
            assertTrue(seeded.size() >= 12, "demo proposals: " + seeded.size());
            assertEquals(EnumSet.allOf(ActionType.class),
                    seeded.stream().map(v -> v.proposal().actionType()).collect(Collectors.toCollection(
                            () -> EnumSet.noneOf(ActionType.class))));
            assertEquals(EnumSet.allOf(RiskTier.class),
                    seeded.stream().map(v -> v.proposal().riskTier()).collect(Collectors.toCollection(
                            () -> EnumSet.noneOf(RiskTier.class))));
            List<ProposalView> automatic = seeded.stream().filter(v -> v.status() == ProposalStatus.APPROVED).toList();
            assertTrue(automatic.size() >= 1 && automatic.size() <= 2, "auto-approved: " + automatic.size());
            assertTrue(automatic.stream().allMatch(v -> v.proposal().riskTier() == RiskTier.LOW
                    && v.context().policyBasis().outcome() == PolicyOutcome.AUTO_APPROVE));
            assertEquals(seeded.size() - automatic.size(),
                    seeded.stream().filter(v -> v.status() == ProposalStatus.PENDING).count());
            for (DemoSeeder.DemoReviewer r : DemoSeeder.REVIEWERS) {
                assertEquals(200, console.get("/v1/reviewers/" + r.reviewer()).status());
            }

            ProposalView lowTier = seeded.stream().filter(v -> v.approvalsRequired() == 1
                    && v.status() == ProposalStatus.PENDING).findFirst().orElseThrow();
            approvedId = lowTier.proposal().id();
            String nonce = console.post("/v1/proposals/" + approvedId + "/nonces", null).as(NonceGrant.class).nonce();
            Reply decided = console.post("/v1/decisions",
                    DecisionSigner.about(lowTier).by(reviewer).nonce(nonce).json());
            assertEquals(201, decided.status(), decided::toString);
            recordId = decided.json().get("recordId").asText();

            GatewayStartException locked = assertThrows(GatewayStartException.class,
                    () -> Gateway.start(GatewayConfig.embeddedDemo(dataDir)));
            assertTrue(locked.getMessage().contains("in use"), locked.getMessage());

            GatewayStartException portTaken = assertThrows(GatewayStartException.class, () -> Gateway.start(
                    new GatewayConfig(dataDir.resolve("other"), "127.0.0.1", gateway.port(), false,
                            Clock.systemUTC())));
            assertTrue(portTaken.getMessage().contains("already in use"), portTaken.getMessage());
        }

        try (Gateway again = TestWorld.startGateway(dataDir, Clock.systemUTC(), true)) {
            assertTrue(again.demo());
            assertNotEquals(firstToken, again.adminToken());
            // the session opened before the restart still works
            Http http = new Http(again.baseUri(), again.adminToken());
            console = console.at(again.baseUri());
            List<ProposalView> after = all(console);
            assertEquals(seeded.size(), after.size(), "a restart must not seed again");
            Set<String> before = seeded.stream().map(v -> v.proposal().id()).collect(Collectors.toSet());
            assertEquals(before, after.stream().map(v -> v.proposal().id()).collect(Collectors.toSet()));
            ProposalView approved = after.stream().filter(v -> v.proposal().id().equals(approvedId)).findFirst()
                    .orElseThrow();
            assertEquals(ProposalStatus.APPROVED, approved.status());
            RecordList records = console.get("/v1/decisions?proposalId=" + approvedId).as(RecordList.class);
            assertEquals(List.of(recordId), records.records().stream().map(r -> r.recordId()).toList());
            assertEquals(200, console.get("/v1/reviewers/tester@example.test").status());
        }
    }

    @Test
    void aGatewayWithoutTheDemoStartsEmptyWithTheDefaultPolicy() {
        try (Gateway gateway = TestWorld.startGateway(dataDir, Clock.systemUTC(), false)) {
            assertFalse(gateway.demo());
            Http http = new Http(gateway.baseUri(), gateway.adminToken());
            assertTrue(all(TestReviewer.ed25519(TestWorld.READER).enrollWithRights(http, null, "auditor")
                    .sessionAt(http)).isEmpty());
            assertEquals("countersign-default", http.get("/v1/health").json().get("policyId").asText());
            assertEquals("unknown-target", http.post("/v1/proposals",
                    TestWorld.submission("nhi-b", "dev", TestWorld.OWNER)).problem());
        }
    }

    @Test
    void aFileThatIsNotAGatewayDatabaseIsRefused() throws Exception {
        Files.createDirectories(dataDir);
        try (var c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("gateway"), "gateway", "");
                var s = c.createStatement()) {
            s.execute("CREATE TABLE stranger (id INT)");
        }
        GatewayStartException refused = assertThrows(GatewayStartException.class,
                () -> Gateway.start(GatewayConfig.embeddedDemo(dataDir)));
        assertEquals("The database file is not one this gateway created (it has a table \"STRANGER\"); it is refused."
                + " Point --data-dir at an empty folder or at a gateway's own data folder.", refused.getMessage());
    }
}
