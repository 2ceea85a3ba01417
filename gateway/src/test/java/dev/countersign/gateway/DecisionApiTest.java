package dev.countersign.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.gateway.support.DecisionSigner;
import dev.countersign.gateway.support.Http;
import dev.countersign.gateway.support.Reply;
import dev.countersign.gateway.support.TestReviewer;
import dev.countersign.gateway.support.TestWorld;
import dev.countersign.model.Conditions;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.ReasonCode;
import dev.countersign.model.Verdict;
import dev.countersign.model.api.DecisionReceipt;
import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.api.Outcome;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.api.ReviewerView;
import dev.countersign.model.json.Json;
import dev.countersign.model.record.DecisionRecords;
import dev.countersign.model.record.DsseEnvelope;
import dev.countersign.model.record.DsseSignature;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed decisions over real HTTP: what is accepted, and every refusal, each of which must change nothing. */
class DecisionApiTest {
    @TempDir
    static Path dataDir;
    static TestWorld world;
    static TestReviewer alice;
    static TestReviewer bob;
    static TestReviewer carol;

    @BeforeAll
    static void start() {
        world = TestWorld.start(dataDir);
        alice = TestReviewer.ed25519("alice@example.test").enrollAt(world.http, "platform-security", "sre");
        bob = TestReviewer.p256("bob@example.test").enrollAt(world.http, "platform-security", "sre");
        carol = TestReviewer.ed25519("carol@example.test").enrollAt(world.http, "sre", "platform-security");
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    private static ProposalView lowTier() {
        return world.submit("nhi-b", "dev");
    }

    private static ProposalView twoApprovals() {
        ProposalView view = world.submit("nhi-a", "prod");
        assertEquals(2, view.approvalsRequired());
        return view;
    }

    /** The refusal has its own type, and the proposal, its records and the nonce are as they were. */
    private static void assertRefused(Reply reply, int status, String type, ProposalView before) {
        assertEquals(status, reply.status(), reply::toString);
        assertEquals(type, reply.problem());
        assertTrue(reply.contentType().startsWith("application/problem+json"));
        ProposalView now = world.view(before.proposal().id());
        assertEquals(ProposalStatus.PENDING, now.status());
        assertEquals(before.proposal().version(), now.proposal().version());
        assertEquals(before.proposalDigest(), now.proposalDigest());
        assertEquals(before.approvals().size(), now.approvals().size());
        assertEquals(before.approvals().size(), world.records(before.proposal().id()));
    }

    private static DecisionReceipt accepted(Reply reply) {
        assertEquals(201, reply.status(), reply::toString);
        return reply.as(DecisionReceipt.class);
    }

    @Test
    void ed25519ApprovalIsAcceptedAndRecorded() {
        ProposalView view = lowTier();
        DecisionReceipt receipt = accepted(world.decide(
                DecisionSigner.about(view).by(alice).nonce(world.nonce(view.proposal().id()))));
        assertEquals(ProposalStatus.APPROVED, receipt.status());
        assertEquals(1, receipt.approvalsGiven());
        assertEquals(1, receipt.approvalsRequired());

        ProposalView after = world.view(view.proposal().id());
        assertEquals(ProposalStatus.APPROVED, after.status());
        assertEquals(List.of(alice.reviewer()), after.approvals().stream().map(a -> a.reviewer()).toList());
        assertEquals(receipt.recordId(), after.approvals().get(0).recordId());

        DecisionRecordView record = world.expect(200, world.console().get("/v1/decisions/" + receipt.recordId()))
                .as(DecisionRecordView.class);
        assertEquals(alice.keyId(), record.keyId());
        assertEquals(Verdict.APPROVE, record.verdict());
        assertEquals(receipt.logIndex(), record.logIndex());
        assertDoesVerify(record.envelope(), alice);

        Outcome outcome = world.expect(200, world.http.get("/v1/proposals/" + view.proposal().id()
                + "/outcome?waitSeconds=0")).as(Outcome.class);
        assertEquals(ProposalStatus.APPROVED, outcome.status());
        assertNotNull(outcome.decidedAt());
        assertEquals(List.of(receipt.recordId()), outcome.recordIds());
    }

    private static void assertDoesVerify(DsseEnvelope envelope, TestReviewer signer) {
        try {
            DecisionRecords.verify(envelope, signer.signer().publicKey());
        } catch (Exception e) {
            throw new AssertionError("the stored record does not verify", e);
        }
    }

    @Test
    void p256ApprovalIsAccepted() {
        ProposalView view = lowTier();
        DecisionReceipt receipt = accepted(world.decide(
                DecisionSigner.about(view).by(bob).nonce(world.nonce(view.proposal().id()))));
        assertEquals(ProposalStatus.APPROVED, receipt.status());
        assertEquals("ECDSA-P256", world.console().get("/v1/reviewers/" + bob.reviewer()).json()
                .get("keys").get(0).get("algorithm").asText());
    }

    @Test
    void twoApprovalsByDistinctReviewersAreNeeded() {
        ProposalView view = twoApprovals();
        String id = view.proposal().id();
        DecisionReceipt first = accepted(world.decide(DecisionSigner.about(view).by(alice).nonce(world.nonce(id))));
        assertEquals(ProposalStatus.PENDING, first.status());
        assertEquals(1, first.approvalsGiven());
        assertEquals(2, first.approvalsRequired());
        assertEquals(1, world.view(id).approvals().size());

        ProposalView between = world.view(id);
        assertRefused(world.decide(DecisionSigner.about(view).by(alice).nonce(world.nonce(id))), 409,
                "already-decided", between);

        DecisionReceipt second = accepted(world.decide(DecisionSigner.about(view).by(bob).nonce(world.nonce(id))));
        assertEquals(ProposalStatus.APPROVED, second.status());
        assertEquals(2, second.approvalsGiven());
        assertEquals(second.logIndex(), first.logIndex() + 1);
    }

    @Test
    void oneDenialClosesTheProposal() {
        ProposalView view = twoApprovals();
        String id = view.proposal().id();
        accepted(world.decide(DecisionSigner.about(view).by(alice).nonce(world.nonce(id))));
        DecisionReceipt denial = accepted(world.decide(
                DecisionSigner.about(view).by(carol).verdict(Verdict.DENY).nonce(world.nonce(id))));
        assertEquals(ProposalStatus.DENIED, denial.status());
        assertEquals(ProposalStatus.DENIED, world.view(id).status());

        Reply late = world.decide(DecisionSigner.about(view).by(bob).nonce("whatever"));
        assertEquals(409, late.status());
        assertEquals("proposal-closed", late.problem());
        assertEquals(2, world.records(id));
        assertEquals(409, world.console().post("/v1/proposals/" + id + "/nonces", null).status());
    }

    @Test
    void escalationIsRecordedAndLeavesItPending() {
        ProposalView view = lowTier();
        String id = view.proposal().id();
        DecisionReceipt receipt = accepted(world.decide(
                DecisionSigner.about(view).by(carol).verdict(Verdict.ESCALATE).nonce(world.nonce(id))));
        assertEquals(ProposalStatus.PENDING, receipt.status());
        assertEquals(0, receipt.approvalsGiven());
        assertEquals(1, world.records(id));
        assertEquals(ProposalStatus.PENDING, world.view(id).status());
    }

    @Test
    void aFlippedSignatureByteIsABadSignature() {
        ProposalView view = lowTier();
        String nonce = world.nonce(view.proposal().id());
        DsseEnvelope good = DecisionSigner.about(view).by(alice).nonce(nonce).envelope();
        byte[] sig = Base64.getDecoder().decode(good.signatures().get(0).sig());
        sig[sig.length / 2] ^= 0x01;
        DsseEnvelope bad = new DsseEnvelope(good.payloadType(), good.payload(),
                List.of(new DsseSignature(good.signatures().get(0).keyid(), Base64.getEncoder().encodeToString(sig))));
        assertRefused(world.as(alice).post("/v1/decisions", Json.string(bad)), 422, "bad-signature", view);
        // the nonce was not used up by the refusal
        accepted(world.as(alice).post("/v1/decisions", Json.string(good)));
    }

    @Test
    void aKeyThatIsNotEnrolledIsUnknown() {
        ProposalView view = lowTier();
        TestReviewer stranger = TestReviewer.ed25519(alice.reviewer());
        // posted in alice's session: a key that is not enrolled is refused as such before the session is compared
        assertRefused(world.decide(alice, DecisionSigner.about(view).by(stranger)
                .nonce(world.nonce(view.proposal().id()))), 403, "unknown-key", view);
    }

    @Test
    void aRevokedKeyIsRefused() {
        TestReviewer dave = TestReviewer.ed25519("dave@example.test").enrollAt(world.http, "sre");
        TestReviewer daveSecondKey = dave.nextKey().enrollAt(world.http, "sre");
        Http daveConsole = world.as(dave);
        ProposalView view = lowTier();
        String nonce = world.nonce(view.proposal().id());
        world.expect(200, world.http.adminPost("/v1/admin/keys/" + dave.keyId() + "/revoke", null));
        ReviewerView revoked = world.console().get("/v1/reviewers/dave@example.test").as(ReviewerView.class);
        assertNotNull(revoked.keys().stream().filter(k -> k.keyId().equals(dave.keyId())).findFirst().orElseThrow()
                .revokedAt());
        // the revoked key's session ended with it
        assertEquals("session-invalid", daveConsole.post("/v1/decisions", DecisionSigner.about(view).by(dave)
                .nonce(nonce).json()).problem());
        // and a record it signs is refused even in a session of the reviewer's other key
        assertRefused(world.decide(daveSecondKey, DecisionSigner.about(view).by(dave).nonce(nonce)), 403,
                "key-revoked", view);
    }

    @Test
    void aDecisionNamingAnotherReviewerIsRefused() {
        ProposalView view = lowTier();
        assertRefused(world.decide(DecisionSigner.about(view).by(alice).naming(bob.reviewer())
                .nonce(world.nonce(view.proposal().id()))), 403, "reviewer-mismatch", view);
    }

    @Test
    void theDigestOfAnotherProposalIsStale() {
        ProposalView view = lowTier();
        ProposalView other = lowTier();
        assertRefused(world.decide(DecisionSigner.about(view).by(alice).proposalDigest(other.proposalDigest())
                .nonce(world.nonce(view.proposal().id()))), 409, "stale-proposal", view);
    }

    @Test
    void theDigestOfAnOlderVersionIsStale() {
        ProposalView v1 = lowTier();
        String id = v1.proposal().id();
        String nonce = world.nonce(id);
        ProposalView v2 = world.expect(200, world.http.adminPost("/v1/admin/proposals/" + id + "/amend",
                "{\"parameters\":{\"before\":{\"keyVersion\":7},\"after\":{\"keyVersion\":9}}}")).as(ProposalView.class);
        assertEquals(2, v2.proposal().version());
        assertEquals(2, v2.context().proposalVersion());
        assertTrue(!v1.proposalDigest().equals(v2.proposalDigest()));
        assertEquals(v1.proposal().intent(), v2.proposal().intent());

        Reply stale = world.decide(DecisionSigner.about(v1).by(alice).nonce(nonce));
        assertRefused(stale, 409, "stale-proposal", v2);
        assertEquals(id, stale.json().get("proposalId").asText());
        assertEquals("pending", stale.json().get("proposalStatus").asText());

        DecisionReceipt receipt = accepted(world.decide(DecisionSigner.about(v2).by(alice).nonce(nonce)));
        assertEquals(ProposalStatus.APPROVED, receipt.status());
    }

    @Test
    void aDifferentContextDigestIsAChangedContext() {
        ProposalView view = lowTier();
        assertRefused(world.decide(DecisionSigner.about(view).by(alice).contextDigest("0".repeat(64))
                .nonce(world.nonce(view.proposal().id()))), 409, "context-changed", view);
    }

    @Test
    void aNonceIsUsedOnce() {
        ProposalView view = twoApprovals();
        ProposalView other = twoApprovals();
        String nonce = world.nonce(view.proposal().id());
        accepted(world.decide(DecisionSigner.about(view).by(alice).nonce(nonce)));
        ProposalView afterFirst = world.view(view.proposal().id());
        assertRefused(world.decide(DecisionSigner.about(afterFirst).by(bob).nonce(nonce)), 409, "nonce-replayed",
                afterFirst);
        assertRefused(world.decide(DecisionSigner.about(other).by(bob).nonce(nonce)), 409, "nonce-replayed", other);
    }

    @Test
    void aNonceOfAnotherProposalOrNoneIssuedIsInvalid() {
        ProposalView view = lowTier();
        ProposalView other = lowTier();
        String othersNonce = world.nonce(other.proposal().id());
        assertRefused(world.decide(DecisionSigner.about(view).by(alice).nonce(othersNonce)), 409, "nonce-invalid",
                view);
        assertRefused(world.decide(DecisionSigner.about(view).by(alice).nonce("never-issued")), 409, "nonce-invalid",
                view);
    }

    @Test
    void theAgentsOwnerCannotApprove() {
        TestReviewer owner = TestReviewer.ed25519("Owner@Example.test").enrollAt(world.http, "sre");
        ProposalView view = lowTier();
        assertRefused(world.decide(DecisionSigner.about(view).by(owner).nonce(world.nonce(view.proposal().id()))),
                403, "self-approval", view);
        // the owner may still deny it
        DecisionReceipt denial = accepted(world.decide(DecisionSigner.about(view).by(owner).verdict(Verdict.DENY)
                .nonce(world.nonce(view.proposal().id()))));
        assertEquals(ProposalStatus.DENIED, denial.status());
    }

    @Test
    void aReviewerCannotPoseAsThePolicysAutomaticApproval() {
        ProposalView view = lowTier();
        assertRefused(world.decide(DecisionSigner.about(view).by(alice).reasonCode(ReasonCode.POLICY_AUTO_APPROVED)
                .nonce(world.nonce(view.proposal().id()))), 422, "invalid-record", view);
    }

    @Test
    void anExecutionWindowMustFitBetweenTheProposalsMakingAndItsExpiryAndEndAfterNow() {
        ProposalView view = lowTier();
        Instant now = world.clock.instant();
        Instant expires = view.proposal().expiresAt();
        Instant made = view.proposal().createdAt();
        for (Conditions window : List.of(new Conditions(now.minusSeconds(7200), now.minusSeconds(60)),
                new Conditions(now, expires.plusSeconds(60)), new Conditions(made.minusSeconds(61), expires))) {
            assertRefused(world.decide(DecisionSigner.about(view).by(alice).conditions(window)
                    .nonce(world.nonce(view.proposal().id()))), 422, "invalid-record", view);
        }
        Conditions inTheMinuteItWasMade = new Conditions(made.minusSeconds(59), expires);
        accepted(world.decide(DecisionSigner.about(view).by(alice).conditions(inTheMinuteItWasMade)
                .nonce(world.nonce(view.proposal().id()))));
    }

    @Test
    void anExpiredProposalCannotBeApproved() {
        ProposalView view = world.submit(TestWorld.submission("nhi-b", "dev", TestWorld.OWNER)
                .replace("\"expiresInMinutes\":240", "\"expiresInMinutes\":1"));
        String id = view.proposal().id();
        String nonce = world.nonce(id);
        world.clock.advance(Duration.ofMinutes(2));
        Reply reply = world.decide(DecisionSigner.about(view).by(alice).nonce(nonce));
        assertEquals(409, reply.status());
        assertEquals("proposal-expired", reply.problem());
        assertEquals(0, world.records(id));
        ProposalView after = world.view(id);
        assertEquals(ProposalStatus.EXPIRED, after.status());
        assertEquals(1, after.proposal().version());
        assertEquals(409, world.console().post("/v1/proposals/" + id + "/nonces", null).status());
    }

    @Test
    void malformedRecordsAreInvalid() {
        ProposalView view = lowTier();
        String nonce = world.nonce(view.proposal().id());
        DsseEnvelope good = DecisionSigner.about(view).by(alice).nonce(nonce).envelope();
        DsseEnvelope wrongType = new DsseEnvelope("text/plain", good.payload(), good.signatures());
        assertRefused(world.as(alice).post("/v1/decisions", Json.string(wrongType)), 422, "invalid-record", view);
        DsseEnvelope notAStatement = new DsseEnvelope(good.payloadType(),
                Base64.getEncoder().encodeToString("{\"hello\":1}".getBytes()), good.signatures());
        assertRefused(world.as(alice).post("/v1/decisions", Json.string(notAStatement)), 422, "invalid-record", view);
        assertRefused(world.as(alice).post("/v1/decisions", "{\"payloadType\":\"x\"}"), 422, "invalid-record", view);
        assertRefused(world.decide(DecisionSigner.about(view).by(alice).nonce(nonce)
                .subjectName("proposal:prp_other@v1")), 422, "invalid-record", view);
        Reply notJson = world.as(alice).post("/v1/decisions", "{not json");
        assertEquals(400, notJson.status());
        assertEquals("malformed-json", notJson.problem());
        accepted(world.as(alice).post("/v1/decisions", Json.string(good)));
    }

    @Test
    void theLongPollAnswersWhenTheProposalIsDecided() throws Exception {
        ProposalView view = lowTier();
        String id = view.proposal().id();
        String nonce = world.nonce(id);
        long started = System.nanoTime();
        CompletableFuture<Reply> poll = CompletableFuture.supplyAsync(
                () -> world.http.get("/v1/proposals/" + id + "/outcome?waitSeconds=20"));
        Thread.sleep(300);
        assertTrue(!poll.isDone(), "the long poll should wait while the proposal is pending");
        accepted(world.decide(DecisionSigner.about(view).by(alice).nonce(nonce)));
        Reply reply = poll.get(10, TimeUnit.SECONDS);
        assertEquals(200, reply.status());
        assertEquals(ProposalStatus.APPROVED, reply.as(Outcome.class).status());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 10);
    }

    @Test
    void anIdempotentDecisionIsRecordedOnce() {
        ProposalView view = lowTier();
        String body = DecisionSigner.about(view).by(alice).nonce(world.nonce(view.proposal().id())).json();
        String key = "decision-" + view.proposal().id();
        Reply first = world.as(alice).post("/v1/decisions", body, "Idempotency-Key", key);
        Reply again = world.as(alice).post("/v1/decisions", body, "Idempotency-Key", key);
        assertEquals(201, first.status());
        assertEquals(201, again.status());
        assertEquals(first.body(), again.body());
        assertEquals("true", again.header("Idempotent-Replayed").orElse(""));
        assertEquals(1, world.records(view.proposal().id()));
    }

    @Test
    void racingDecisionsWithOneNonceRecordOnlyOne() throws Exception {
        ProposalView view = twoApprovals();
        String nonce = world.nonce(view.proposal().id());
        String byAlice = DecisionSigner.about(view).by(alice).nonce(nonce).json();
        String byBob = DecisionSigner.about(view).by(bob).nonce(nonce).json();
        Http aliceConsole = world.as(alice);
        Http bobConsole = world.as(bob);
        CompletableFuture<Reply> a = CompletableFuture.supplyAsync(() -> aliceConsole.post("/v1/decisions", byAlice));
        CompletableFuture<Reply> b = CompletableFuture.supplyAsync(() -> bobConsole.post("/v1/decisions", byBob));
        List<Integer> statuses = List.of(a.get(10, TimeUnit.SECONDS).status(), b.get(10, TimeUnit.SECONDS).status());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses::toString);
        assertEquals(1, statuses.stream().filter(s -> s == 409).count(), statuses::toString);
        assertEquals(1, world.records(view.proposal().id()));
    }
}
