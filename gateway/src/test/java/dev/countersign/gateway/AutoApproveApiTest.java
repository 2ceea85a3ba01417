package dev.countersign.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.gateway.support.TestWorld;
import dev.countersign.model.Decision;
import dev.countersign.model.PolicyOutcome;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.ReasonCode;
import dev.countersign.model.Verdict;
import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.api.LogSegment;
import dev.countersign.model.api.Outcome;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.api.RecordList;
import dev.countersign.model.api.SignedCheckpoint;
import dev.countersign.model.crypto.PublicKeys;
import dev.countersign.model.log.Checkpoints;
import dev.countersign.model.log.LogVerifier;
import dev.countersign.model.record.DecisionRecords;
import dev.countersign.model.record.VerifiedDecision;
import java.nio.file.Path;
import java.security.PublicKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policy's automatic approval: a record signed by the gateway key, logged like any other. */
class AutoApproveApiTest {
    @TempDir
    static Path dataDir;
    static TestWorld world;

    @BeforeAll
    static void start() {
        world = TestWorld.start(dataDir);
        String policy = TestWorld.resource("/test-world/policy.json")
                .replace("\"version\": \"7\"", "\"version\": \"8\"")
                .replace("\"low\": {\"approvalsRequired\": 1, \"deciders\": [\"sre\"], \"autoApprove\": false}",
                        "\"low\": {\"approvalsRequired\": 1, \"deciders\": [\"sre\"], \"autoApprove\":"
                                + " {\"environments\": [\"dev\"], \"maxWorkloads\": 10, \"maxCriticalWorkloads\": 3}}");
        world.expect(200, world.http.adminPut("/v1/admin/policy", policy));
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    void aLowTierProposalInsideTheThresholdsIsApprovedAtOnceByTheGatewayKey() throws Exception {
        ProposalView view = world.submit("nhi-b", "dev");
        assertEquals(PolicyOutcome.AUTO_APPROVE, view.context().policyBasis().outcome());
        assertEquals(ProposalStatus.APPROVED, view.status());
        assertEquals(1, view.approvals().size());

        Outcome outcome = world.expect(200, world.http.get("/v1/proposals/" + view.proposal().id() + "/outcome"))
                .as(Outcome.class);
        assertEquals(ProposalStatus.APPROVED, outcome.status());
        assertEquals(1, outcome.recordIds().size());

        SignedCheckpoint signed = world.expect(200, world.console().get("/v1/log/checkpoint"))
                .as(SignedCheckpoint.class);
        PublicKey gatewayKey = PublicKeys.fromBase64(signed.gatewayPublicKey());
        DecisionRecordView record = world.expect(200, world.console().get("/v1/decisions?proposalId="
                + view.proposal().id())).as(RecordList.class).records().get(0);
        VerifiedDecision verified = DecisionRecords.verify(record.envelope(), gatewayKey);
        Decision d = verified.decision();
        assertEquals(Verdict.APPROVE, d.verdict());
        assertEquals("gateway:policy", d.reviewer());
        assertEquals(signed.gatewayKeyId(), d.keyId());
        assertEquals(ReasonCode.POLICY_AUTO_APPROVED, d.reasonCode());
        assertTrue(d.reasonText().contains("test-policy") && d.reasonText().contains("environment one of [dev]"),
                d.reasonText());
        assertEquals("8", d.policyVersion());
        assertEquals(view.proposalDigest(), verified.proposalDigest());
        assertEquals(view.contextDigest(), d.contextDigest());
        assertNull(d.conditions());

        LogSegment log = world.expect(200, world.console().get("/v1/log/entries")).as(LogSegment.class);
        LogVerifier.verify(log.entries(), Checkpoints.verify(signed.checkpoint(), gatewayKey));
        assertTrue(log.entries().stream().anyMatch(e -> e.recordId().equals(record.recordId())));
    }

    @Test
    void outsideTheThresholdsOrAboveTheLowTierTheProposalWaitsForAReviewer() {
        ProposalView prod = world.submit("nhi-c", "prod");
        assertEquals(PolicyOutcome.NEEDS_REVIEW, prod.context().policyBasis().outcome());
        assertEquals(ProposalStatus.PENDING, prod.status());
        assertEquals(0, world.records(prod.proposal().id()));
    }

    @Test
    void aPolicyThatAutoApprovesAboveTheLowTierIsRefused() {
        String policy = TestWorld.resource("/test-world/policy.json").replace(
                "\"high\": {\"approvalsRequired\": 2, \"deciders\": [\"platform-security\", \"sre\"], \"autoApprove\": false}",
                "\"high\": {\"approvalsRequired\": 2, \"deciders\": [\"platform-security\", \"sre\"], \"autoApprove\":"
                        + " {\"maxWorkloads\": 1}}");
        assertEquals(422, world.http.adminPut("/v1/admin/policy", policy).status());
    }
}
