package dev.countersign.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.gateway.support.DecisionSigner;
import dev.countersign.gateway.support.Reply;
import dev.countersign.gateway.support.TestReviewer;
import dev.countersign.gateway.support.TestWorld;
import dev.countersign.model.PolicyOutcome;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.RiskTier;
import dev.countersign.model.api.DecisionReceipt;
import dev.countersign.model.api.Outcome;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.api.QueuePage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * POST /v1/proposals/{id}/context/refresh over real HTTP: a new snapshot of the current version's context, in the
 * same version when that is safe and in a new version when the policy would now route it otherwise or a decision is
 * already bound to it; refusals change nothing.
 */
class ContextRefreshApiTest {
    private static final String POLICY = TestWorld.resource("/test-world/policy.json");
    private static final String INVENTORY = TestWorld.resource("/test-world/inventory.json");

    @TempDir
    static Path dataDir;
    static TestWorld world;
    static TestReviewer alice;
    static TestReviewer bob;

    @BeforeAll
    static void start() {
        world = TestWorld.start(dataDir);
        alice = TestReviewer.ed25519("alice@example.test").enrollAt(world.http, "platform-security", "sre");
        bob = TestReviewer.ed25519("bob@example.test").enrollAt(world.http, "platform-security", "sre");
    }

    @AfterEach
    void restoreTheWorld() {
        world.expect(200, world.http.adminPut("/v1/admin/policy", POLICY));
        world.expect(200, world.http.adminPut("/v1/admin/inventory", INVENTORY));
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    private static Reply refresh(String id, String... headers) {
        return world.as(alice).post("/v1/proposals/" + id + "/context/refresh", null, headers);
    }

    private static ProposalView refreshed(String id) {
        return world.expect(200, refresh(id)).as(ProposalView.class);
    }

    private static String cursor() {
        return world.expect(200, world.console().get("/v1/queue")).as(QueuePage.class).nextCursor();
    }

    private static List<ProposalView> changedSince(String cursor) {
        return world.expect(200, world.console().get("/v1/queue?cursor=" + cursor)).as(QueuePage.class).items();
    }

    private static void usePolicy(String from, String to) {
        assertTrue(POLICY.contains(from), from);
        world.expect(200, world.http.adminPut("/v1/admin/policy", POLICY.replace("\"version\": \"7\"",
                "\"version\": \"7.1\"").replace(from, to)));
    }

    @Test
    void aRefreshKeepsTheVersionAndADecisionOverTheOldContextIsContextChanged() {
        ProposalView before = world.submit("nhi-b", "dev");
        String id = before.proposal().id();
        String nonce = world.nonce(id);
        world.clock.advance(Duration.ofMinutes(3));
        String cursor = cursor();

        ProposalView after = refreshed(id);
        assertEquals(1, after.proposal().version());
        assertEquals(before.proposalDigest(), after.proposalDigest());
        assertNotEquals(before.contextDigest(), after.contextDigest());
        assertEquals(world.clock.instant().truncatedTo(ChronoUnit.SECONDS), after.context().capturedAt());
        assertEquals(world.clock.instant().truncatedTo(ChronoUnit.SECONDS), after.updatedAt());
        assertEquals(before.context().policyBasis(), after.context().policyBasis());
        assertEquals(ProposalStatus.PENDING, after.status());
        assertEquals(after, world.view(id));
        // every console's queue shows it again
        assertEquals(List.of(after), changedSince(cursor));

        String later = cursor();
        Reply stale = world.decide(DecisionSigner.about(before).by(alice).nonce(nonce));
        assertEquals(409, stale.status(), stale::toString);
        assertEquals("context-changed", stale.problem());
        assertEquals(after, world.view(id));
        assertEquals(0, world.records(id));
        assertEquals(List.of(), changedSince(later));

        // the nonce was not used up by the refusal; a decision over the new context is recorded
        DecisionReceipt receipt = world.expect(201, world.decide(DecisionSigner.about(after).by(alice).nonce(nonce)))
                .as(DecisionReceipt.class);
        assertEquals(ProposalStatus.APPROVED, receipt.status());
    }

    @Test
    void aRefreshSeesWhatChangedInTheInventory() {
        ProposalView before = world.submit("nhi-b", "dev");
        assertEquals(1, before.context().incidents().size());
        world.expect(200, world.http.adminPut("/v1/admin/inventory", INVENTORY.replace("\"workloadIds\": [\"wl-5\"]",
                "\"workloadIds\": []")));
        ProposalView after = refreshed(before.proposal().id());
        assertEquals(1, after.proposal().version());
        assertEquals(List.of(), after.context().incidents());
    }

    @Test
    void aRefreshThatChangesTheTierMakesANewVersionAndTheOldOneIsStale() {
        ProposalView v1 = world.submit("nhi-b", "dev");
        String id = v1.proposal().id();
        assertEquals(RiskTier.LOW, v1.proposal().riskTier());
        String nonce = world.nonce(id);
        usePolicy("\"defaultTier\": \"low\"", "\"defaultTier\": \"medium\"");
        String cursor = cursor();

        ProposalView v2 = refreshed(id);
        assertEquals(2, v2.proposal().version());
        assertEquals(2, v2.context().proposalVersion());
        assertEquals(RiskTier.MEDIUM, v2.proposal().riskTier());
        assertEquals(RiskTier.MEDIUM, v2.context().policyBasis().tier());
        assertEquals(List.of("platform-security"), v2.context().policyBasis().deciders());
        assertEquals(v1.proposal().parameters(), v2.proposal().parameters());
        assertEquals(v1.proposal().intent(), v2.proposal().intent());
        assertEquals(v1.proposal().createdAt(), v2.proposal().createdAt());
        assertEquals(v1.proposal().expiresAt(), v2.proposal().expiresAt());
        assertEquals(List.of(v2), changedSince(cursor));

        Reply stale = world.decide(DecisionSigner.about(v1).by(alice).nonce(nonce));
        assertEquals("stale-proposal", stale.problem());
        assertEquals(v2, world.view(id));
        world.expect(201, world.decide(DecisionSigner.about(v2).by(alice).nonce(nonce)));
    }

    @Test
    void aRefreshThatChangesTheApprovalsRequiredMakesANewVersion() {
        ProposalView v1 = world.submit("nhi-b", "dev");
        usePolicy("\"low\": {\"approvalsRequired\": 1", "\"low\": {\"approvalsRequired\": 2");
        ProposalView v2 = refreshed(v1.proposal().id());
        assertEquals(2, v2.proposal().version());
        assertEquals(RiskTier.LOW, v2.proposal().riskTier());
        assertEquals(2, v2.approvalsRequired());
    }

    @Test
    void aNewPolicyVersionThatRoutesTheSameKeepsTheVersion() {
        ProposalView v1 = world.submit("nhi-b", "dev");
        usePolicy("\"id\": \"test-policy\"", "\"id\": \"test-policy\"");
        ProposalView after = refreshed(v1.proposal().id());
        assertEquals(1, after.proposal().version());
        assertEquals("7.1", after.context().policyBasis().policyVersion());
        assertEquals("context-changed", world.decide(DecisionSigner.about(v1).by(alice)
                .nonce(world.nonce(v1.proposal().id()))).problem());
    }

    @Test
    void aRefreshAfterAnApprovalMakesANewVersionSoThatApprovalNoLongerCounts() {
        ProposalView v1 = world.submit("nhi-a", "prod");
        String id = v1.proposal().id();
        assertEquals(2, v1.approvalsRequired());
        DecisionReceipt first = world.expect(201, world.decide(DecisionSigner.about(v1).by(alice)
                .nonce(world.nonce(id)))).as(DecisionReceipt.class);
        assertEquals(1, world.view(id).approvals().size());

        ProposalView v2 = refreshed(id);
        assertEquals(2, v2.proposal().version());
        assertEquals(List.of(), v2.approvals());
        assertEquals(ProposalStatus.PENDING, v2.status());
        // the record stays, bound to version 1, whose context is still stored as it was signed over
        assertEquals(1, world.records(id));
        assertEquals("stale-proposal", world.decide(DecisionSigner.about(v1).by(bob).nonce(world.nonce(id)))
                .problem());
        DecisionReceipt second = world.expect(201, world.decide(DecisionSigner.about(v2).by(bob)
                .nonce(world.nonce(id)))).as(DecisionReceipt.class);
        assertEquals(ProposalStatus.PENDING, second.status());
        assertEquals(1, second.approvalsGiven());
        assertNotEquals(first.recordId(), second.recordId());
    }

    @Test
    void aRefreshWhosePolicyNowApprovesAutomaticallyIsApproved() {
        ProposalView v1 = world.submit("nhi-b", "dev");
        String id = v1.proposal().id();
        usePolicy("\"low\": {\"approvalsRequired\": 1, \"deciders\": [\"sre\"], \"autoApprove\": false}",
                "\"low\": {\"approvalsRequired\": 1, \"deciders\": [\"sre\"], \"autoApprove\":"
                        + " {\"environments\": [\"dev\"], \"maxWorkloads\": 10, \"maxCriticalWorkloads\": 3}}");
        ProposalView v2 = refreshed(id);
        assertEquals(2, v2.proposal().version());
        assertEquals(PolicyOutcome.AUTO_APPROVE, v2.context().policyBasis().outcome());
        assertEquals(ProposalStatus.APPROVED, v2.status());
        Outcome outcome = world.expect(200, world.http.get("/v1/proposals/" + id + "/outcome?waitSeconds=0"))
                .as(Outcome.class);
        assertEquals(ProposalStatus.APPROVED, outcome.status());
        assertEquals(1, outcome.recordIds().size());
    }

    @Test
    void aRefreshDoesNotWakeTheAgentsLongPoll() throws Exception {
        ProposalView view = world.submit("nhi-b", "dev");
        String id = view.proposal().id();
        CompletableFuture<Reply> poll = CompletableFuture.supplyAsync(
                () -> world.http.get("/v1/proposals/" + id + "/outcome?waitSeconds=20"));
        Thread.sleep(300);
        world.clock.advance(Duration.ofSeconds(5));
        ProposalView after = refreshed(id);
        Thread.sleep(700);
        assertFalse(poll.isDone(), "a refresh is not a decision: the long poll keeps waiting");
        world.expect(201, world.decide(DecisionSigner.about(after).by(alice).nonce(world.nonce(id))));
        Outcome outcome = poll.get(10, TimeUnit.SECONDS).as(Outcome.class);
        assertEquals(ProposalStatus.APPROVED, outcome.status());
        assertEquals(1, outcome.recordIds().size());
    }

    @Test
    void onlyAReviewerWhoMayDecideTheProposalMayRefreshItsContext() {
        ProposalView proposal = world.submit("nhi-c", "prod");
        String id = proposal.proposal().id();
        String cursor = cursor();
        Reply refused = world.console().post("/v1/proposals/" + id + "/context/refresh", null);
        assertEquals(403, refused.status(), refused::toString);
        assertEquals("not-permitted", refused.problem());
        assertTrue(refused.detail().endsWith("Only a reviewer who may decide a proposal may refresh its context."),
                refused.detail());
        assertEquals(proposal, world.view(id), "nothing changed");
        assertTrue(world.expect(200, world.console().get("/v1/queue?cursor=" + cursor)).as(QueuePage.class)
                .items().isEmpty(), "no change in the feed");
    }

    @Test
    void refusalsChangeNothing() {
        String cursor = cursor();
        Reply unknown = refresh("prp_missing");
        assertEquals(404, unknown.status());
        assertEquals("not-found", unknown.problem());

        ProposalView approved = world.submit("nhi-b", "dev");
        String approvedId = approved.proposal().id();
        world.expect(201, world.decide(DecisionSigner.about(approved).by(alice).nonce(world.nonce(approvedId))));
        ProposalView closedBefore = world.view(approvedId);
        ProposalView expiring = world.submit(TestWorld.submission("nhi-b", "dev", TestWorld.OWNER)
                .replace("\"expiresInMinutes\":240", "\"expiresInMinutes\":1"));
        String expiringId = expiring.proposal().id();
        world.clock.advance(Duration.ofMinutes(2));
        ProposalView expiredBefore = world.view(expiringId);
        ProposalView target = world.submit("nhi-c", "prod");
        String targetId = target.proposal().id();
        cursor = cursor();

        Reply closed = refresh(approvedId);
        assertEquals(409, closed.status());
        assertEquals("proposal-closed", closed.problem());
        assertEquals("approved", closed.json().get("proposalStatus").asText());
        assertEquals(closedBefore, world.view(approvedId));

        Reply expired = refresh(expiringId);
        assertEquals(409, expired.status());
        assertEquals("proposal-expired", expired.problem());
        assertEquals(expiredBefore, world.view(expiringId));

        // a target that left the inventory cannot be snapshotted; the proposal keeps its context
        world.expect(200, world.http.adminPut("/v1/admin/inventory", INVENTORY
                .replaceAll(",\\s*\\{\"id\": \"nhi-c\"[^}]*}", "").replace("\"uses\": [\"nhi-c\"]", "\"uses\": []")));
        Reply gone = refresh(targetId);
        assertEquals(422, gone.status(), gone::toString);
        assertEquals("unknown-target", gone.problem());
        assertEquals(targetId, gone.json().get("proposalId").asText());
        assertTrue(gone.detail().contains("unchanged"), gone.detail());
        assertEquals(target, world.view(targetId));

        Reply noSession = world.http.post("/v1/proposals/" + targetId + "/context/refresh", null);
        assertEquals(401, noSession.status());
        assertEquals("session-required", noSession.problem());
        assertEquals(target, world.view(targetId));
        assertEquals(List.of(), changedSince(cursor));
    }

    @Test
    void anIdempotentRefreshIsReplayedAndChangesOnce() {
        ProposalView before = world.submit("nhi-b", "dev");
        String id = before.proposal().id();
        world.clock.advance(Duration.ofSeconds(30));
        Reply first = refresh(id, "Idempotency-Key", "refresh-" + id);
        String cursor = cursor();
        world.clock.advance(Duration.ofSeconds(30));
        Reply again = refresh(id, "Idempotency-Key", "refresh-" + id);
        assertEquals(200, first.status(), first::toString);
        assertEquals(first.body(), again.body());
        assertEquals("true", again.header("Idempotent-Replayed").orElse(""));
        assertEquals(List.of(), changedSince(cursor));
    }
}
