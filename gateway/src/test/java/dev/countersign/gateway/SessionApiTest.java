package dev.countersign.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import dev.countersign.model.json.CanonicalJson;
import dev.countersign.model.json.Json;
import dev.countersign.model.record.DecisionRecords;
import dev.countersign.model.record.Dsse;
import dev.countersign.model.record.DsseEnvelope;
import dev.countersign.model.session.SessionChallenges;
import dev.countersign.model.session.SessionChallenges.Challenge;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reviewer sessions over real HTTP: opening one, using it, and every way one is refused. */
class SessionApiTest {
    private static final String REALM = "Bearer realm=\"countersign\"";

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

    private static DsseEnvelope sign(String payloadType, byte[] payload, TestReviewer by) {
        try {
            return Dsse.sign(payloadType, payload, by.signer());
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertProblem(Reply reply, int status, String type, String detailPart) {
        assertEquals(status, reply.status(), reply::toString);
        assertEquals(type, reply.problem());
        assertTrue(reply.detail().contains(detailPart), reply.detail());
    }

    /** A 401 with the problem type a console renews its session on, and the bearer challenge header. */
    private static void assertLapsed(Reply reply, String type) {
        assertEquals(401, reply.status(), reply::toString);
        assertEquals(type, reply.problem());
        assertTrue(reply.header("WWW-Authenticate").orElse("").startsWith(REALM), reply.headers()::toString);
    }

    @Test
    void aSignedChallengeOpensASessionThatConsoleCallsCarry() {
        Instant now = world.clock.instant();
        SessionChallengeGrant grant = alice.challengeAt(world.http);
        assertEquals(SessionChallenges.PAYLOAD_TYPE, grant.payloadType());
        Challenge challenge = SessionChallenges.read(grant.payloadBytes());
        assertEquals(SessionChallenges.PURPOSE, challenge.purpose());
        assertEquals(grant.challengeId(), challenge.challengeId());
        assertEquals(alice.reviewer(), challenge.reviewer());
        assertEquals(alice.keyId(), challenge.keyId());
        assertEquals(32, Base64.getUrlDecoder().decode(challenge.nonce()).length);
        assertEquals(Duration.ofMinutes(2), Duration.between(challenge.issuedAt(), challenge.expiresAt()));
        assertEquals(grant.expiresAt(), challenge.expiresAt());
        assertTrue(!challenge.issuedAt().isAfter(now));
        // the payload is the challenge's canonical JSON, exactly
        assertEquals(new String(CanonicalJson.bytes(challenge)), new String(grant.payloadBytes()));

        Reply opened = open(alice.answer(grant));
        assertEquals(201, opened.status(), opened::toString);
        assertEquals("no-store", opened.header("Cache-Control").orElse(""));
        SessionGrant session = opened.as(SessionGrant.class);
        assertEquals(alice.reviewer(), session.reviewer());
        assertEquals(alice.keyId(), session.keyId());
        assertEquals(32, Base64.getUrlDecoder().decode(session.token()).length);
        assertTrue(!session.expiresAt().isAfter(now.plus(GatewayConfig.MAX_SESSION_TTL)), session::toString);
        assertTrue(session.expiresAt().isAfter(now.plus(Duration.ofMinutes(14))), session::toString);

        Http console = world.http.withSession(session.token());
        assertEquals(200, console.get("/v1/queue").status());
        assertEquals(200, console.get("/v1/reviewers/" + bob.reviewer()).status());
        assertEquals(200, console.get("/v1/decisions").status());
    }

    @Test
    void everyConsoleRouteNeedsASessionAndAgentRoutesDoNot() {
        ProposalView view = world.submit("nhi-b", "dev");
        String id = view.proposal().id();
        Http garbage = world.http.withSession("bm90LWEtdG9rZW4tdGhpcy1nYXRld2F5LWlzc3VlZA");
        List<String[]> routes = List.of(new String[] {"GET", "/v1/queue"},
                new String[] {"POST", "/v1/proposals/" + id + "/nonces"}, new String[] {"POST", "/v1/nonces"},
                new String[] {"POST", "/v1/proposals/" + id + "/context/refresh"},
                new String[] {"GET", "/v1/decisions?fromIndex=0&limit=10"}, new String[] {"POST", "/v1/decisions"},
                new String[] {"GET", "/v1/decisions"}, new String[] {"GET", "/v1/decisions/rec_missing"},
                new String[] {"GET", "/v1/reviewers/" + alice.reviewer()},
                new String[] {"POST", "/v1/reviewers/" + alice.reviewer() + "/keys/rotations"},
                new String[] {"DELETE", "/v1/sessions/current"}, new String[] {"GET", "/v1/log/checkpoint"},
                new String[] {"GET", "/v1/log/entries"}, new String[] {"GET", "/v1/log/entries?from=0&limit=1"});
        for (String[] route : routes) {
            Reply none = call(world.http, route);
            assertLapsed(none, "session-required");
            assertEquals(REALM, none.header("WWW-Authenticate").orElseThrow());
            assertTrue(none.detail().contains("Authorization: Bearer <token>"), none.detail());
            assertLapsed(call(world.http, route, "Authorization", "Basic YWxpY2U6c2VjcmV0"), "session-required");
            assertLapsed(call(world.http, route, "Authorization", "Bearer "), "session-required");
            assertLapsed(call(world.http, route, "Authorization", "Bearer " + world.gateway.adminToken() + " x"),
                    "session-required");
            Reply unknown = call(garbage, route);
            assertLapsed(unknown, "session-invalid");
            assertTrue(unknown.detail().contains("not one this gateway issued"), unknown.detail());
            // the admin token is not a session token
            assertLapsed(call(world.http, route, "Authorization", "Bearer " + world.gateway.adminToken()),
                    "session-invalid");
        }
        assertEquals(ProposalStatus.PENDING, world.view(id).status());
        assertEquals(200, world.http.get("/v1/proposals/" + id).status());
        assertEquals(200, world.http.get("/v1/proposals/" + id + "/outcome?waitSeconds=0").status());
        assertEquals(200, world.http.get("/v1/health").status());
        assertEquals(200, world.http.get("/v1/log/key").status());
        assertEquals(200, world.console().get("/v1/log/checkpoint").status());
        assertEquals(200, world.console().get("/v1/log/entries").status());
        assertEquals(200, world.http.adminGet("/v1/admin/reviewers").status());
    }

    private static Reply call(Http http, String[] route, String... headers) {
        return switch (route[0]) {
            case "GET" -> http.get(route[1], headers);
            case "DELETE" -> http.delete(route[1], headers);
            default -> http.post(route[1], "{}", headers);
        };
    }

    @Test
    void aSessionExpiresAfterItsLifetime() {
        SessionGrant session = alice.openSession(world.http);
        Http console = world.http.withSession(session.token());
        world.clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        assertEquals(200, console.get("/v1/queue").status());
        world.clock.advance(Duration.ofSeconds(1));
        Reply expired = console.get("/v1/queue");
        assertLapsed(expired, "session-expired");
        assertTrue(expired.detail().contains("expired at " + session.expiresAt()), expired.detail());
        assertTrue(expired.header("WWW-Authenticate").orElseThrow().contains("error=\"invalid_token\""));
    }

    @Test
    void aClosedSessionCannotBeUsedAgain() {
        Http console = alice.sessionAt(world.http);
        assertEquals(200, console.get("/v1/queue").status());
        Reply closed = console.delete("/v1/sessions/current");
        assertEquals(204, closed.status(), closed::toString);
        Reply after = console.get("/v1/queue");
        assertLapsed(after, "session-invalid");
        assertTrue(after.detail().contains("closed"), after.detail());
        assertLapsed(console.delete("/v1/sessions/current"), "session-invalid");
        // another session of the same key is untouched
        assertEquals(200, world.as(alice).get("/v1/queue").status());
    }

    @Test
    void revokingAKeyEndsItsSessionsAndItCannotOpenAnother() {
        TestReviewer dave = TestReviewer.ed25519("dave@example.test").enrollAt(world.http, "sre");
        Http first = dave.sessionAt(world.http);
        Http second = dave.sessionAt(world.http);
        SessionChallengeGrant pending = dave.challengeAt(world.http);
        world.expect(200, world.http.adminPost("/v1/admin/keys/" + dave.keyId() + "/revoke", null));
        for (Http console : List.of(first, second)) {
            Reply ended = console.get("/v1/queue");
            assertLapsed(ended, "session-invalid");
            assertTrue(ended.detail().contains("revoked"), ended.detail());
        }
        // anyone may ask for a challenge, so a revoked key is answered there as an unknown one
        assertProblem(world.http.post("/v1/sessions/challenges", dave.challengeRequestJson()), 403, "unknown-key",
                "is not enrolled for " + dave.reviewer());
        // whoever signed the pending challenge holds the key, and is told what to do
        assertProblem(open(dave.answer(pending)), 403, "key-revoked", "was revoked at");
        assertProblem(open(dave.answer(pending)), 403, "key-revoked", "Ask an admin to enroll a new key");
        assertEquals("revoked by an admin", world.console().get("/v1/reviewers/" + dave.reviewer()).json()
                .get("keys").get(0).get("revokedReason").asText());
    }

    @Test
    void aChallengeOpensOneSessionOnly() {
        DsseEnvelope answer = alice.answer(alice.challengeAt(world.http));
        assertEquals(201, open(answer).status());
        assertProblem(open(answer), 409, "challenge-used", "already opened a session");
    }

    @Test
    void aChallengeExpiresAfterTwoMinutes() {
        DsseEnvelope answer = alice.answer(alice.challengeAt(world.http));
        world.clock.advance(Duration.ofMinutes(2));
        assertProblem(open(answer), 409, "challenge-expired", "within 2 minutes");
    }

    @Test
    void aChallengeForAliceSignedWithBobsKeyIsRefused() {
        SessionChallengeGrant forAlice = alice.challengeAt(world.http);
        assertProblem(open(sign(SessionChallenges.PAYLOAD_TYPE, forAlice.payloadBytes(), bob)), 422, "bad-signature",
                "not signed by key " + alice.keyId());
        // and a console would not even sign it
        assertThrows(IllegalArgumentException.class, () -> bob.answer(forAlice));
        // the refusal did not use the challenge up
        assertEquals(201, open(alice.answer(forAlice)).status());
    }

    @Test
    void anAlteredOrUnknownChallengeIsRefused() {
        SessionChallengeGrant grant = alice.challengeAt(world.http);
        Challenge issued = SessionChallenges.read(grant.payloadBytes());
        Challenge later = Challenge.of(issued.challengeId(), issued.reviewer(), issued.keyId(), issued.nonce(),
                issued.issuedAt(), issued.expiresAt().plus(Duration.ofHours(1)));
        assertProblem(open(sign(SessionChallenges.PAYLOAD_TYPE, SessionChallenges.payload(later), alice)), 422,
                "challenge-altered", "sign the issued bytes unchanged");
        byte[] spaced = (new String(grant.payloadBytes()) + " ").getBytes();
        assertProblem(open(sign(SessionChallenges.PAYLOAD_TYPE, spaced, alice)), 422, "challenge-altered",
                "as the gateway issued it");
        Challenge made = Challenge.of("chl_made_up", issued.reviewer(), issued.keyId(), issued.nonce(),
                issued.issuedAt(), issued.expiresAt());
        assertProblem(open(sign(SessionChallenges.PAYLOAD_TYPE, SessionChallenges.payload(made), alice)), 422,
                "challenge-unknown", "was not issued by this gateway");
        assertProblem(open(sign(SessionChallenges.PAYLOAD_TYPE, "{\"hello\":1}".getBytes(), alice)), 422,
                "invalid-request", "not a session challenge");
        assertEquals(201, open(alice.answer(grant)).status());
    }

    @Test
    void aDecisionTypedSignatureOverTheChallengeBytesIsRefused() {
        SessionChallengeGrant grant = alice.challengeAt(world.http);
        Reply refused = open(sign(DecisionRecords.PAYLOAD_TYPE, grant.payloadBytes(), alice));
        assertProblem(refused, 422, "invalid-request", SessionChallenges.PAYLOAD_TYPE);
        assertEquals("$.payloadType", refused.json().get("path").asText());
        DsseEnvelope signed = alice.answer(grant);
        DsseEnvelope twice = new DsseEnvelope(signed.payloadType(), signed.payload(),
                List.of(signed.signatures().get(0), signed.signatures().get(0)));
        assertProblem(open(twice), 422, "invalid-request", "exactly one signature");
        assertEquals(201, open(signed).status());
    }

    @Test
    void aChallengeIsOnlyForAnEnrolledKeyOfThatReviewer() {
        Reply stranger = world.http.post("/v1/sessions/challenges",
                TestReviewer.ed25519("nobody@example.test").challengeRequestJson());
        Reply notHers = world.http.post("/v1/sessions/challenges",
                new TestReviewer(alice.reviewer(), bob.signer()).challengeRequestJson());
        assertProblem(stranger, 403, "unknown-key", "is not enrolled for nobody@example.test");
        assertProblem(notHers, 403, "unknown-key", "is not enrolled for " + alice.reviewer());
        assertProblem(world.http.post("/v1/sessions/challenges", "{\"reviewer\":\"x\"}"), 422, "invalid-request",
                "keyId");
    }

    @Test
    void aSessionCannotPostAnotherReviewersDecision() {
        ProposalView view = world.submit("nhi-b", "dev");
        String id = view.proposal().id();
        String nonce = world.nonce(id);
        Reply byBob = world.decide(alice, DecisionSigner.about(view).by(bob).nonce(nonce));
        assertProblem(byBob, 403, "session-mismatch", "must be posted in a session opened with that key");
        TestReviewer alicesOtherKey = alice.nextKey().enrollAt(world.http, "platform-security", "sre");
        assertProblem(world.decide(alice, DecisionSigner.about(view).by(alicesOtherKey).nonce(nonce)), 403,
                "session-mismatch", alicesOtherKey.keyId());
        assertEquals(ProposalStatus.PENDING, world.view(id).status());
        assertEquals(0, world.records(id));
        // the nonce was not used up: bob, in his own session, decides with it
        assertEquals(201, world.decide(DecisionSigner.about(view).by(bob).nonce(nonce)).status());
    }

    @Test
    void theSessionLifetimeIsConfigurableUpToFifteenMinutes(@TempDir Path dir) {
        for (Duration bad : List.of(Duration.ofMinutes(16), Duration.ofSeconds(901), Duration.ZERO,
                Duration.ofMinutes(-1))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GatewayConfig(dir,
                    GatewayConfig.LOOPBACK, 0, false, Clock.systemUTC(), bad));
            assertTrue(e.getMessage().contains("at most 15 minutes"), e.getMessage());
        }
        assertEquals(Duration.ofMinutes(15), GatewayConfig.embeddedDemo(dir).sessionTtl());
        MutableClock clock = new MutableClock(TestWorld.START);
        try (Gateway gateway = Gateway.start(new GatewayConfig(dir, GatewayConfig.LOOPBACK, 0, false, clock,
                Duration.ofMinutes(5)))) {
            Http http = new Http(gateway.baseUri(), gateway.adminToken());
            TestReviewer erin = TestReviewer.ed25519("erin@example.test").enrollAt(http, "sre");
            SessionGrant session = erin.openSession(http);
            assertEquals(TestWorld.START.plus(Duration.ofMinutes(5)), session.expiresAt());
            clock.advance(Duration.ofMinutes(5));
            assertLapsed(http.withSession(session.token()).get("/v1/queue"), "session-expired");
        } catch (GatewayStartException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aSessionSurvivesARestart(@TempDir Path dir) {
        MutableClock clock = new MutableClock(TestWorld.START);
        Http console;
        try (Gateway gateway = TestWorld.startGateway(dir, clock, false)) {
            Http http = new Http(gateway.baseUri(), gateway.adminToken());
            console = TestReviewer.ed25519("erin@example.test").enrollAt(http, "sre").sessionAt(http);
            assertEquals(200, console.get("/v1/queue").status());
        }
        clock.advance(Duration.ofMinutes(10));
        try (Gateway again = TestWorld.startGateway(dir, clock, false)) {
            Http after = console.at(again.baseUri());
            assertEquals(200, after.get("/v1/queue").status());
            clock.advance(Duration.ofMinutes(5));
            assertLapsed(after.get("/v1/queue"), "session-expired");
        }
    }
}
