package dev.countersign.app.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.UserErrors;
import dev.countersign.app.common.UserText;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.api.EnrollmentRequest;
import dev.countersign.model.api.Problem;
import dev.countersign.model.api.QueuePage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP client alone, against a scripted server: request shapes and how failures become typed exceptions. */
class GatewayClientTest {
    private static final Messages MESSAGES = Messages.load(Locale.ENGLISH);
    private final MockWebServer server = new MockWebServer();
    private GatewayClient client;

    @BeforeEach
    void start() throws Exception {
        server.start();
        client = new GatewayClient(server.url("/").uri());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readsAQueuePageAndSendsTheCursor() throws Exception {
        server.enqueue(json(200, "{\"items\":[],\"nextCursor\":\"c2\",\"hasMore\":false}"));
        QueuePage page = client.queue("c1", 50);
        assertEquals("c2", page.nextCursor());
        RecordedRequest request = server.takeRequest();
        assertEquals("GET", request.getMethod());
        assertEquals("/v1/queue?limit=50&cursor=c1", request.getTarget());
    }

    @Test
    void consoleCallsCarryTheSessionTokenAndALapsedSessionIsRenewedOnceThenTheCallRepeated() throws Exception {
        List<String> tokens = new java.util.ArrayList<>(List.of("t1", "t2"));
        List<String> forgotten = new java.util.ArrayList<>();
        client.useSessions(new SessionAuth() {
            @Override
            public String token() {
                return tokens.get(0);
            }

            @Override
            public void lapsed(String token) {
                forgotten.add(token);
                tokens.remove(token);
            }
        });
        server.enqueue(sessionProblem("session-expired"));
        server.enqueue(json(200, "{\"items\":[],\"nextCursor\":\"c2\",\"hasMore\":false}"));
        assertEquals("c2", client.queue(null, 10).nextCursor());
        assertEquals("Bearer t1", server.takeRequest().getHeaders().get("Authorization"));
        assertEquals("Bearer t2", server.takeRequest().getHeaders().get("Authorization"));
        assertEquals(List.of("t1"), forgotten);
    }

    @Test
    void aSecondRefusalOfTheSessionIsNotRetriedAgain() throws Exception {
        client.useSessions(new SessionAuth() {
            @Override
            public String token() {
                return "t";
            }

            @Override
            public void lapsed(String token) {
                // forgotten, but the source hands out the same token again
            }
        });
        server.enqueue(sessionProblem("session-invalid"));
        server.enqueue(sessionProblem("session-invalid"));
        GatewayProblemException e = assertThrows(GatewayProblemException.class, () -> client.queue(null, 10));
        assertEquals("session-invalid", e.code());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void aLockedKeyStopsTheCallBeforeAnythingIsSent() {
        client.useSessions(new SessionAuth() {
            @Override
            public String token() throws GatewayException {
                throw new SessionLockedException(new UserText("session.locked"));
            }

            @Override
            public void lapsed(String token) {
            }
        });
        assertThrows(SessionLockedException.class, () -> client.queue(null, 10));
        assertEquals(0, server.getRequestCount());
    }

    private static MockResponse sessionProblem(String code) {
        return new MockResponse.Builder().code(401).setHeader("Content-Type", "application/problem+json")
                .body("{\"type\":\"https://countersign.dev/problems/" + code + "\",\"title\":\"Session over\","
                        + "\"status\":401}").build();
    }

    @Test
    void aProblemBecomesATypedRefusalAndUnknownMembersAreIgnored() {
        server.enqueue(new MockResponse.Builder().code(409)
                .setHeader("Content-Type", "application/problem+json")
                .body("{\"type\":\"https://countersign.dev/problems/stale-proposal\","
                        + "\"title\":\"The proposal changed since it was shown\",\"status\":409,"
                        + "\"detail\":\"The current version is v2.\",\"proposalId\":\"prp_1\","
                        + "\"proposalStatus\":\"pending\",\"traceId\":\"abc\",\"extra\":{\"nested\":[1,2]}}")
                .build());
        GatewayProblemException e = assertThrows(GatewayProblemException.class, () -> client.proposal("prp_1"));
        Problem problem = e.problem();
        assertEquals("stale-proposal", e.code());
        assertEquals(409, problem.status());
        assertEquals("prp_1", problem.proposalId());
        assertEquals(ProposalStatus.PENDING, problem.proposalStatus());
        assertEquals("The proposal changed since it was shown. The current version is v2.",
                MESSAGES.text(e.gatewayWords()), "the gateway's own words");
        assertEquals("The gateway refused: The proposal changed since it was shown. The current version is v2.",
                new UserErrors(MESSAGES).message(e), "framed by the console's words");
    }

    @Test
    void anErrorThatIsNotAProblemStillGetsWords() {
        server.enqueue(new MockResponse.Builder().code(502).body("<html>bad gateway</html>").build());
        GatewayProblemException e = assertThrows(GatewayProblemException.class, () -> client.health());
        assertEquals("about:blank", e.problem().type());
        assertEquals(502, e.problem().status());
        String shown = new UserErrors(MESSAGES).message(e);
        assertTrue(shown.contains("HTTP 502"), shown);
        assertNull(e.problem().detail());
    }

    @Test
    void anUnreachableGatewayIsUnavailableWithAUserReadableMessage() throws Exception {
        int port = server.getPort();
        server.close();
        GatewayClient offline = new GatewayClient(URI.create("http://127.0.0.1:" + port + "/"));
        GatewayUnavailableException e = assertThrows(GatewayUnavailableException.class, offline::health);
        assertEquals("The gateway at 127.0.0.1:" + port
                + " cannot be reached. Check that it is running and that this computer can reach it.",
                new UserErrors(MESSAGES).message(e));
    }

    @Test
    void anAnswerOfTheWrongShapeIsAResponseErrorNamingThePath() {
        server.enqueue(json(200, "{\"items\":[],\"nextCursor\":\"c2\",\"hasMore\":false,\"surprise\":1}"));
        GatewayResponseException e = assertThrows(GatewayResponseException.class, () -> client.queue(null, 10));
        String shown = new UserErrors(MESSAGES).message(e);
        assertTrue(shown.contains("$.surprise"), shown);
    }

    @Test
    void postsCarryTheIdempotencyKeyAndEnrollmentTheAdminToken() throws Exception {
        server.enqueue(json(201, "{\"nonce\":\"n1\",\"proposalId\":\"prp_1\",\"expiresAt\":\"2026-11-22T06:00:00Z\"}"));
        server.enqueue(json(201,
                "{\"reviewer\":\"a@b.example\",\"keyId\":\"k1\",\"enrolledAt\":\"2026-11-22T05:00:00Z\"}"));
        assertEquals("n1", client.issueNonce("prp_1", "key-1").nonce());
        client.enroll(new EnrollmentRequest("a@b.example", "A B", List.of("sre"), "AAAA"), "s3cret", "key-2");

        RecordedRequest nonce = server.takeRequest();
        assertEquals("POST", nonce.getMethod());
        assertEquals("/v1/proposals/prp_1/nonces", nonce.getTarget());
        assertEquals("key-1", nonce.getHeaders().get("Idempotency-Key"));
        RecordedRequest enroll = server.takeRequest();
        assertEquals("/v1/admin/reviewers", enroll.getTarget());
        assertEquals("Bearer s3cret", enroll.getHeaders().get("Authorization"));
        assertEquals("key-2", enroll.getHeaders().get("Idempotency-Key"));
        String body = enroll.getBody().string(StandardCharsets.UTF_8);
        assertTrue(body.contains("\"roles\":[\"sre\"]"), body);
    }

    @Test
    void pathSegmentsAreEncoded() throws Exception {
        server.enqueue(json(200, "{\"reviewer\":\"a b@x\",\"displayName\":\"A\",\"roles\":[],\"keys\":[]}"));
        client.reviewer("a b@x");
        assertEquals("/v1/reviewers/a%20b@x", server.takeRequest().getTarget());
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }
}
