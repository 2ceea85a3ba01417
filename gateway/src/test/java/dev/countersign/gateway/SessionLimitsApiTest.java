package dev.countersign.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.gateway.support.DecisionSigner;
import dev.countersign.gateway.support.Http;
import dev.countersign.gateway.support.MutableClock;
import dev.countersign.gateway.support.Reply;
import dev.countersign.gateway.support.TestReviewer;
import dev.countersign.gateway.support.TestWorld;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.api.SessionChallengeGrant;
import dev.countersign.model.api.SessionGrant;
import dev.countersign.model.json.Json;
import dev.countersign.model.record.DsseEnvelope;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the unauthenticated challenge route may store and tell, and the session checked again inside the write that
 * acts in it. Over real HTTP.
 */
class SessionLimitsApiTest {
    @TempDir
    static Path dataDir;
    static TestWorld world;
    static TestReviewer alice;
    static TestReviewer bob;

    @BeforeAll
    static void start() {
        world = TestWorld.start(dataDir);
        alice = TestReviewer.ed25519("alice@example.test").enrollAt(world.http, "platform-security", "sre");
        bob = TestReviewer.p256("bob@example.test").enrollAt(world.http, "platform-security", "sre");
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    private static Reply open(DsseEnvelope signed) {
        return world.http.post("/v1/sessions", Json.string(signed));
    }

    private static void assertProblem(Reply reply, int status, String type, String detailPart) {
        assertEquals(status, reply.status(), reply::toString);
        assertEquals(type, reply.problem());
        assertTrue(reply.detail().contains(detailPart), reply.detail());
    }

    @Test
    void aKeyHasOneOpenChallengeAtMostHoweverManyAreAskedFor(@TempDir Path dir) throws SQLException {
        TestReviewer erin = TestReviewer.ed25519("erin@example.test");
        try (TestWorld own = TestWorld.start(dir)) {
            erin.enrollAt(own.http, "sre");
            SessionChallengeGrant first = erin.challengeAt(own.http);
            SessionChallengeGrant last = first;
            for (int i = 0; i < 50; i++) {
                last = erin.challengeAt(own.http);
            }
            // the newest challenge replaced the ones before it
            assertProblem(own.http.post("/v1/sessions", Json.string(erin.answer(first))), 422, "challenge-unknown",
                    "replaced by a newer challenge for the same key");
            assertEquals(201, own.http.post("/v1/sessions", Json.string(erin.answer(last))).status());
            for (int i = 0; i < 50; i++) {
                erin.challengeAt(own.http);
            }
        }
        // one used challenge (it opened a session) and one open one; nothing else was stored for the key
        assertEquals(1, challenges(dir, erin.keyId(), "used_at IS NULL"));
        assertEquals(2, challenges(dir, erin.keyId(), "TRUE"));
    }

    private static long challenges(Path dir, String keyId, String where) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("gateway"), "gateway", "");
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM session_challenge WHERE key_id = ?"
                        + " AND " + where)) {
            s.setString(1, keyId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aRevokedKeysChallengeIsAnsweredAsAnUnknownKeys() {
        TestReviewer dave = TestReviewer.ed25519("dave@example.test").enrollAt(world.http, "sre");
        TestReviewer never = dave.nextKey();
        world.expect(200, world.http.adminPost("/v1/admin/keys/" + dave.keyId() + "/revoke", null));
        Reply revoked = world.http.post("/v1/sessions/challenges", dave.challengeRequestJson());
        Reply unknown = world.http.post("/v1/sessions/challenges", never.challengeRequestJson());
        assertProblem(revoked, 403, "unknown-key", "is not enrolled for " + dave.reviewer());
        assertFalse(revoked.body().contains("revoked"), revoked.body());
        // byte for byte the same reply but for the key id the caller sent
        assertEquals(unknown.status(), revoked.status());
        assertEquals(unknown.contentType(), revoked.contentType());
        assertEquals(unknown.body().replace(never.keyId(), "KEY"), revoked.body().replace(dave.keyId(), "KEY"));
    }

    @Test
    void anEnrolledKeyInForceGetsItsChallengeAndAnotherIsRefused() {
        // the console learns whether a rotation took effect from exactly this: 201 for a key in force, 4xx otherwise
        assertEquals(201, world.http.post("/v1/sessions/challenges", bob.challengeRequestJson()).status());
        Reply other = world.http.post("/v1/sessions/challenges", bob.nextKey().challengeRequestJson());
        assertEquals(403, other.status(), other::toString);
    }

    @Test
    void aUsedChallengeSaysWhenItWasUsedNotWhenItWasSentAgain() {
        DsseEnvelope answer = alice.answer(alice.challengeAt(world.http));
        Instant usedAt = world.clock.instant().truncatedTo(ChronoUnit.SECONDS);
        assertEquals(201, open(answer).status());
        world.clock.advance(Duration.ofSeconds(61));
        Reply again = open(answer);
        assertProblem(again, 409, "challenge-used", "already opened a session at " + usedAt + ";");
    }

    @Test
    void aDecisionWhoseSessionExpiresBeforeItsWriteChangesNothing() {
        ProposalView view = world.submit("nhi-b", "dev");
        String id = view.proposal().id();
        String nonce = world.nonce(id);
        SessionGrant session = bob.openSession(world.http);
        Http console = world.http.withSession(session.token());
        DecisionSigner decision = DecisionSigner.about(view).by(bob).nonce(nonce);
        MutableClock clock = world.clock;
        // the request is authenticated in time, but its write runs when the session has just expired
        clock.writerAhead(Duration.between(clock.instant(), session.expiresAt()));
        Reply refused;
        try {
            refused = console.post("/v1/decisions", decision.json());
        } finally {
            clock.writerAhead(Duration.ZERO);
        }
        assertEquals(401, refused.status(), refused::toString);
        assertEquals("session-expired", refused.problem());
        assertTrue(refused.detail().contains("expired at " + session.expiresAt()), refused.detail());
        assertTrue(refused.header("WWW-Authenticate").orElse("").contains("invalid_token"), refused::toString);
        assertEquals(ProposalStatus.PENDING, world.view(id).status());
        assertEquals(0, world.records(id));
        // nothing was used up: the same decision in a session still open is recorded
        assertEquals(201, console.post("/v1/decisions", decision.json()).status());
        assertEquals(ProposalStatus.APPROVED, world.view(id).status());
    }
}
