package dev.countersign.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.gateway.support.Reply;
import dev.countersign.gateway.support.TestReviewer;
import dev.countersign.gateway.support.TestWorld;
import dev.countersign.model.DependentWorkload;
import dev.countersign.model.IncidentSummary;
import dev.countersign.model.MatchedRule;
import dev.countersign.model.PolicyOutcome;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.RiskTier;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.api.QueuePage;
import dev.countersign.model.json.Digests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Submitting and reading proposals, the queue, idempotency and every refusal of a bad request, over real HTTP. */
class ProposalApiTest {
    @TempDir
    static Path dataDir;
    static TestWorld world;

    @BeforeAll
    static void start() {
        world = TestWorld.start(dataDir);
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    private static void assertProblem(Reply reply, int status, String type) {
        assertEquals(status, reply.status(), reply::toString);
        assertEquals(type, reply.problem());
        assertFalse(reply.body().contains("Exception"), reply.body());
        assertFalse(reply.body().contains("\tat "), reply.body());
    }

    @Test
    void submitThenRead() {
        Reply created = world.http.post("/v1/proposals", TestWorld.submission("nhi-b", "dev", TestWorld.OWNER));
        assertEquals(201, created.status());
        ProposalView submitted = created.as(ProposalView.class);
        assertEquals("/v1/proposals/" + submitted.proposal().id(), created.header("Location").orElseThrow());
        assertTrue(submitted.proposal().id().startsWith("prp_"));
        assertEquals(1, submitted.proposal().version());
        assertEquals(ProposalStatus.PENDING, submitted.status());
        assertEquals(RiskTier.LOW, submitted.proposal().riskTier());
        assertEquals("api key b (dev)", submitted.proposal().target().name());
        assertEquals(TestWorld.START.plusSeconds(240 * 60), submitted.proposal().expiresAt());

        ProposalView read = world.view(submitted.proposal().id());
        assertEquals(submitted, read);
        assertEquals(Digests.canonicalSha256(read.proposal()), read.proposalDigest());
        assertEquals(Digests.canonicalSha256(read.context()), read.contextDigest());
    }

    @Test
    void theContextShowsWhatBreaksFirstAndWhyThePolicyTierApplies() {
        ProposalView view = world.submit("nhi-a", "prod");
        List<DependentWorkload> dependents = view.context().dependentWorkloads();
        assertEquals(List.of("wl-1", "wl-2", "wl-3", "wl-4"), dependents.stream().map(DependentWorkload::id).toList());
        assertEquals(List.of(1, 1, 2, 3), dependents.stream().map(DependentWorkload::depth).toList());
        assertEquals(2, view.context().blastRadius().identities());
        assertEquals(List.of("prod", "staging"), view.context().blastRadius().environments());

        JsonNode byCriticality = world.http.get("/v1/proposals/" + view.proposal().id()).json()
                .at("/context/blastRadius/workloadsByCriticality");
        assertEquals(2, byCriticality.get("critical").asInt());
        assertEquals(1, byCriticality.get("high").asInt());
        assertEquals(0, byCriticality.get("medium").asInt());
        assertEquals(1, byCriticality.get("low").asInt());

        assertEquals(List.of("inc-2", "inc-1"), view.context().incidents().stream().map(IncidentSummary::id).toList());
        assertEquals(List.of("prod-high-priv", "wide-no-failover"),
                view.context().policyBasis().matchedRules().stream().map(MatchedRule::id).toList());
        assertEquals(RiskTier.CRITICAL, view.context().policyBasis().tier());
        assertEquals(RiskTier.CRITICAL, view.proposal().riskTier());
        assertEquals(2, view.approvalsRequired());
        assertEquals(List.of("platform-security"), view.context().policyBasis().deciders());
        assertEquals(PolicyOutcome.NEEDS_REVIEW, view.context().policyBasis().outcome());
        assertEquals("test-policy", view.context().policyBasis().policyId());
    }

    @Test
    void aTierWithoutAutoApprovalIsHeldForReview() {
        ProposalView view = world.submit("nhi-c", "prod");
        assertEquals(RiskTier.MEDIUM, view.proposal().riskTier());
        assertEquals(PolicyOutcome.NEEDS_REVIEW, view.context().policyBasis().outcome());
        assertEquals(ProposalStatus.PENDING, view.status());
    }

    @Test
    void theQueueIsIncremental() {
        String cursor = drain(null);
        ProposalView fresh = world.submit("nhi-b", "dev");
        QueuePage page = world.expect(200, world.console().get("/v1/queue?cursor=" + cursor)).as(QueuePage.class);
        assertEquals(List.of(fresh.proposal().id()), page.items().stream().map(v -> v.proposal().id()).toList());
        assertFalse(page.hasMore());
        QueuePage again = world.expect(200, world.console().get("/v1/queue?cursor=" + page.nextCursor()))
                .as(QueuePage.class);
        assertTrue(again.items().isEmpty());
        assertEquals(page.nextCursor(), again.nextCursor());
    }

    @Test
    void theQueuePagesByLimit() {
        world.submit("nhi-b", "dev");
        world.submit("nhi-b", "dev");
        QueuePage first = world.expect(200, world.console().get("/v1/queue?limit=1")).as(QueuePage.class);
        assertEquals(1, first.items().size());
        assertTrue(first.hasMore());
        QueuePage second = world.expect(200, world.console().get("/v1/queue?limit=1&cursor=" + first.nextCursor()))
                .as(QueuePage.class);
        assertNotEquals(first.items().get(0).proposal().id(), second.items().get(0).proposal().id());
        assertProblem(world.console().get("/v1/queue?limit=0"), 422, "invalid-request");
        assertProblem(world.console().get("/v1/queue?limit=501"), 422, "invalid-request");
    }

    private static String drain(String cursor) {
        String next = cursor;
        QueuePage page;
        do {
            page = world.expect(200, world.console().get("/v1/queue?limit=500"
                    + (next == null ? "" : "&cursor=" + next)))
                    .as(QueuePage.class);
            next = page.nextCursor();
        } while (page.hasMore());
        return next;
    }

    @Test
    void aCursorTheGatewayDidNotIssueIsRefused() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        assertProblem(world.console().get("/v1/queue?cursor=garbage!"), 400, "invalid-cursor");
        assertProblem(world.console().get("/v1/queue?cursor="
                + b64.encodeToString("c1:999999999".getBytes(StandardCharsets.US_ASCII))), 400, "invalid-cursor");
        assertProblem(world.console().get("/v1/queue?cursor="
                + b64.encodeToString("c1:-1".getBytes(StandardCharsets.US_ASCII))), 400, "invalid-cursor");
        assertProblem(world.console().get("/v1/queue?cursor="
                + b64.encodeToString("x9:1".getBytes(StandardCharsets.US_ASCII))), 400, "invalid-cursor");
        // a cursor of another database (a reset data folder, another gateway at this address), and of the older form
        String issued = new String(Base64.getUrlDecoder().decode(drain(null)), StandardCharsets.US_ASCII);
        assertTrue(issued.startsWith("c2:"), issued);
        String otherInstance = issued.replaceFirst("^c2:[^:]+:", "c2:" + java.util.UUID.randomUUID() + ":");
        assertProblem(world.console().get("/v1/queue?cursor="
                + b64.encodeToString(otherInstance.getBytes(StandardCharsets.US_ASCII))), 400, "invalid-cursor");
        assertProblem(world.console().get("/v1/queue?cursor="
                + b64.encodeToString("c1:1".getBytes(StandardCharsets.US_ASCII))), 400, "invalid-cursor");
    }

    @Test
    void anIdempotentSubmitIsReplayedAndItsKeyCannotBeReused() {
        String cursor = drain(null);
        String body = TestWorld.submission("nhi-b", "dev", TestWorld.OWNER);
        Reply first = world.http.post("/v1/proposals", body, "Idempotency-Key", "submit-1");
        Reply replay = world.http.post("/v1/proposals", body, "Idempotency-Key", "submit-1");
        assertEquals(201, first.status());
        assertEquals(201, replay.status());
        assertEquals(first.body(), replay.body());
        assertEquals(first.header("Location"), replay.header("Location"));
        assertEquals("true", replay.header("Idempotent-Replayed").orElseThrow());
        assertTrue(first.header("Idempotent-Replayed").isEmpty());
        QueuePage changed = world.expect(200, world.console().get("/v1/queue?cursor=" + cursor)).as(QueuePage.class);
        assertEquals(1, changed.items().size());

        Reply reused = world.http.post("/v1/proposals", body.replace("ahead of", "before"),
                "Idempotency-Key", "submit-1");
        assertProblem(reused, 409, "idempotency-key-reused");
        assertProblem(world.http.post("/v1/proposals", body, "Idempotency-Key", "has space"), 422,
                "invalid-request");
    }

    @Test
    void aBodyThatIsNotJsonIsMalformed() {
        assertProblem(world.http.post("/v1/proposals", "{\"agent\": "), 400, "malformed-json");
        assertProblem(world.http.post("/v1/proposals", ""), 400, "malformed-json");
        assertProblem(world.http.post("/v1/proposals", "{\"a\":1,\"a\":2}"), 400, "malformed-json");
    }

    @Test
    void aBodyOfTheWrongShapeNamesThePath() {
        String good = TestWorld.submission("nhi-b", "dev", TestWorld.OWNER);
        Reply unknown = world.http.post("/v1/proposals", good.replace("\"intent\":", "\"colour\":\"red\",\"intent\":"));
        assertProblem(unknown, 422, "invalid-request");
        assertEquals("$.colour", unknown.json().get("path").asText());

        Reply missing = world.http.post("/v1/proposals", good.replace(",\"owner\":\"" + TestWorld.OWNER + "\"", ""));
        assertProblem(missing, 422, "invalid-request");
        assertEquals("$.agent.owner", missing.json().get("path").asText());
        assertEquals("$.agent.owner is required", missing.json().get("detail").asText());

        Reply wrongType = world.http.post("/v1/proposals", good.replace("240", "\"soon\""));
        assertProblem(wrongType, 422, "invalid-request");
        assertEquals("$.expiresInMinutes", wrongType.json().get("path").asText());

        Reply fraction = world.http.post("/v1/proposals", good.replace("\"keyVersion\":8", "\"keyVersion\":8.5"));
        assertProblem(fraction, 422, "invalid-request");
        assertEquals("$.parameters.after.keyVersion", fraction.json().get("path").asText());

        // Numbers a double would silently round, or overflow to Infinity, are refused the same way, never a 500.
        for (String number : List.of("8.00000000000000001", "1e400", "1e999999999")) {
            Reply odd = world.http.post("/v1/proposals", good.replace("\"keyVersion\":8", "\"keyVersion\":" + number));
            assertProblem(odd, 422, "invalid-request");
            assertEquals("$.parameters.after.keyVersion", odd.json().get("path").asText());
        }

        assertProblem(world.http.post("/v1/proposals", "[1,2]"), 422, "invalid-request");
    }

    @Test
    void anUnknownTargetOrAnotherEnvironmentIsRefused() {
        Reply unknown = world.http.post("/v1/proposals", TestWorld.submission("nhi-nope", "dev", TestWorld.OWNER));
        assertProblem(unknown, 422, "unknown-target");
        assertEquals("$.targetId", unknown.json().get("path").asText());
        assertProblem(world.http.post("/v1/proposals", TestWorld.submission("nhi-b", "prod", TestWorld.OWNER)), 422,
                "environment-mismatch");
    }

    @Test
    void missingThingsAreNotFound() {
        Reply proposal = world.http.get("/v1/proposals/prp_missing");
        assertProblem(proposal, 404, "not-found");
        assertEquals("prp_missing", proposal.json().get("proposalId").asText());
        assertEquals("/v1/proposals/prp_missing", proposal.json().get("instance").asText());
        assertProblem(world.http.get("/v1/nothing-here"), 404, "not-found");
        assertProblem(world.console().get("/v1/decisions/rec_missing"), 404, "not-found");
        assertProblem(world.console().get("/v1/reviewers/nobody@example.test"), 404, "not-found");
        assertProblem(world.console().post("/v1/proposals/prp_missing/nonces", null), 404, "not-found");
        assertProblem(world.http.get("/v1/proposals/prp_missing/outcome?waitSeconds=0"), 404, "not-found");
    }

    @Test
    void aBodyOverOneMebibyteIsRefused() {
        String big = TestWorld.submission("nhi-b", "dev", TestWorld.OWNER)
                .replace("Rotate ahead of the deadline.", "x".repeat(1_100_000));
        assertProblem(world.http.post("/v1/proposals", big), 413, "payload-too-large");
    }

    @Test
    void theOutcomeOfAPendingProposalCanBeAskedWithoutWaiting() {
        ProposalView view = world.submit("nhi-b", "dev");
        Reply outcome = world.http.get("/v1/proposals/" + view.proposal().id() + "/outcome?waitSeconds=0");
        assertEquals(200, outcome.status());
        assertEquals("pending", outcome.json().get("status").asText());
        assertFalse(outcome.json().has("decidedAt"));
        assertProblem(world.http.get("/v1/proposals/" + view.proposal().id() + "/outcome?waitSeconds=61"), 422,
                "invalid-request");
    }

    @Test
    void adminCallsNeedTheToken() {
        String enrollment = TestReviewer.ed25519("erin@example.test").enrollmentJson(List.of("sre"));
        Reply none = world.http.post("/v1/admin/reviewers", enrollment);
        assertProblem(none, 401, "unauthorized");
        assertEquals("Bearer", none.header("WWW-Authenticate").orElseThrow());
        assertProblem(world.http.post("/v1/admin/reviewers", enrollment, "Authorization", "Bearer wrong"), 401,
                "unauthorized");
        assertProblem(world.console().get("/v1/reviewers/erin@example.test"), 404, "not-found");
        assertProblem(world.http.post("/v1/admin/proposals/prp_x/amend", "{}"), 401, "unauthorized");
        assertProblem(world.http.post("/v1/admin/keys/abc/revoke", null), 401, "unauthorized");
        assertProblem(world.http.post("/v1/admin/nothing-here", null), 401, "unauthorized");
    }

    @Test
    void anOwnerOrReviewerNameWithHiddenOrLookAlikeCharactersIsRefusedAndNothingIsStored() {
        // an agent naming its owner "priya\u200b…" would otherwise let priya approve her own agent's proposal
        String hidden = TestWorld.OWNER.replace("@", "\u200b@");
        String queueBefore = world.expect(200, world.console().get("/v1/queue?limit=500")).body();
        Reply zeroWidth = world.http.post("/v1/proposals", TestWorld.submission("nhi-b", "dev", hidden));
        assertProblem(zeroWidth, 422, "invalid-request");
        assertEquals("$.agent.owner", zeroWidth.json().get("path").asText());
        assertTrue(zeroWidth.json().get("detail").asText().contains("U+200B ZERO WIDTH SPACE"),
                zeroWidth.json().toString());
        assertEquals(queueBefore, world.expect(200, world.console().get("/v1/queue?limit=500")).body(),
                "nothing was stored");

        TestReviewer lookAlike = TestReviewer.ed25519("fr\u0430nk@example.test"); // Cyrillic а
        Reply enrolled = world.http.adminPost("/v1/admin/reviewers", lookAlike.enrollmentJson(List.of("sre")));
        assertProblem(enrolled, 422, "invalid-request");
        assertEquals("$.reviewer", enrolled.json().get("path").asText());
        assertTrue(enrolled.json().get("detail").asText().contains("mixes Latin and Cyrillic"),
                enrolled.json().toString());
    }

    @Test
    void enrollmentIsIdempotentPerReviewerAndAKeyBelongsToOne() {
        TestReviewer frank = TestReviewer.ed25519("frank@example.test");
        Reply first = world.http.adminPost("/v1/admin/reviewers", frank.enrollmentJson(List.of("sre")));
        assertEquals(201, first.status(), first::toString);
        assertEquals(frank.keyId(), first.json().get("keyId").asText());
        Reply again = world.http.adminPost("/v1/admin/reviewers", frank.enrollmentJson(List.of("sre")));
        assertEquals(200, again.status());
        assertEquals(first.body(), again.body());
        TestReviewer impostor = new TestReviewer("grace@example.test", frank.signer());
        assertProblem(world.http.adminPost("/v1/admin/reviewers", impostor.enrollmentJson(List.of("sre"))), 409,
                "key-in-use");

        JsonNode reviewer = world.expect(200, world.console().get("/v1/reviewers/frank@example.test")).json();
        assertEquals("Ed25519", reviewer.at("/keys/0/algorithm").asText());
        assertEquals(List.of("sre"), List.of(reviewer.at("/roles/0").asText()));
        assertFalse(reviewer.at("/keys/0").has("revokedAt"));

        Reply badKey = world.http.adminPost("/v1/admin/reviewers", frank.enrollmentJson(List.of("sre"))
                .replaceAll("\"publicKey\":\"[^\"]+\"", "\"publicKey\":\"bm90IGEga2V5\""));
        assertProblem(badKey, 422, "invalid-request");
        assertEquals("$.publicKey", badKey.json().get("path").asText());
    }

    @Test
    void anAmendmentMakesANewVersionWithAFreshContext() {
        ProposalView v1 = world.submit("nhi-b", "dev");
        String id = v1.proposal().id();
        Reply amended = world.http.adminPost("/v1/admin/proposals/" + id + "/amend",
                "{\"parameters\":{\"before\":{\"keyVersion\":7},\"after\":{\"keyVersion\":10}},\"intent\":\"Again.\"}");
        assertEquals(200, amended.status(), amended::toString);
        ProposalView v2 = world.view(id);
        assertEquals(2, v2.proposal().version());
        assertEquals("Again.", v2.proposal().intent());
        assertEquals(10, v2.proposal().parameters().after().get("keyVersion").asInt());
        assertEquals(v1.proposal().createdAt(), v2.proposal().createdAt());
        assertEquals(v1.proposal().expiresAt(), v2.proposal().expiresAt());
        assertNotEquals(v1.proposalDigest(), v2.proposalDigest());
        assertNotEquals(v1.contextDigest(), v2.contextDigest());
        assertProblem(world.http.adminPost("/v1/admin/proposals/prp_missing/amend",
                "{\"parameters\":{\"before\":{},\"after\":{}}}"), 404, "not-found");
        assertProblem(world.http.adminPost("/v1/admin/proposals/" + id + "/amend", "{\"intent\":\"x\"}"), 422,
                "invalid-request");
    }

    @Test
    void aPolicyOrInventoryWithAnErrorIsRefusedWithItsPath() {
        String policy = TestWorld.resource("/test-world/policy.json");
        Reply unknownKey = world.http.adminPut("/v1/admin/policy",
                policy.replace("\"minWorkloads\": 4", "\"minWorkloads\": 4, \"colour\": \"red\""));
        assertProblem(unknownKey, 422, "invalid-request");
        assertEquals("$.rules[1].match.colour", unknownKey.json().get("path").asText());

        String inventory = TestWorld.resource("/test-world/inventory.json");
        Reply dangling = world.http.adminPut("/v1/admin/inventory",
                inventory.replace("\"uses\": [\"nhi-b\"]", "\"uses\": [\"nhi-zzz\"]"));
        assertProblem(dangling, 422, "invalid-request");
        assertEquals("$.workloads[4].uses[0]", dangling.json().get("path").asText());

        assertEquals("test-policy", world.http.get("/v1/health").json().get("policyId").asText());
    }

    @Test
    void healthSaysWhatRuns() {
        JsonNode health = world.expect(200, world.http.get("/v1/health")).json();
        assertEquals("ok", health.get("status").asText());
        assertFalse(health.get("demo").asBoolean());
        assertEquals("7", health.get("policyVersion").asText());
        assertFalse(health.get("version").asText().isBlank());
    }
}
