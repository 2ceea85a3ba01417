package dev.countersign.gateway.support;

import dev.countersign.model.Conditions;
import dev.countersign.model.Decision;
import dev.countersign.model.ReasonCode;
import dev.countersign.model.Verdict;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.json.Digests;
import dev.countersign.model.json.Json;
import dev.countersign.model.record.DecisionRecords;
import dev.countersign.model.record.DsseEnvelope;
import dev.countersign.model.record.Statement;
import java.security.GeneralSecurityException;
import java.time.Instant;

/**
 * Builds and signs a decision about a proposal as a console would: it computes the digests itself from the
 * proposal and context it was shown. Each part can be overridden to make a bad decision on purpose.
 */
public final class DecisionSigner {
    private final ProposalView view;
    private TestReviewer reviewer;
    private String reviewerName;
    private Verdict verdict = Verdict.APPROVE;
    private String nonce = "unset";
    private String proposalDigest;
    private String contextDigest;
    private String subjectName;
    private Instant decidedAt = Instant.parse("2026-11-22T05:00:00Z");
    private ReasonCode reasonCode;
    private Conditions conditions;

    private DecisionSigner(ProposalView view) {
        this.view = view;
        this.proposalDigest = DecisionRecords.proposalDigest(view.proposal());
        this.contextDigest = Digests.canonicalSha256(view.context());
        this.subjectName = view.proposal().subjectName();
    }

    public static DecisionSigner about(ProposalView view) {
        return new DecisionSigner(view);
    }

    /** Who signs: a decision is posted in their session. */
    public TestReviewer signer() {
        return reviewer;
    }

    public DecisionSigner by(TestReviewer r) {
        this.reviewer = r;
        this.reviewerName = r.reviewer();
        return this;
    }

    /** Names another reviewer in the decision than the one who signs. */
    public DecisionSigner naming(String name) {
        this.reviewerName = name;
        return this;
    }

    public DecisionSigner verdict(Verdict v) {
        this.verdict = v;
        return this;
    }

    public DecisionSigner nonce(String n) {
        this.nonce = n;
        return this;
    }

    public DecisionSigner proposalDigest(String digest) {
        this.proposalDigest = digest;
        return this;
    }

    public DecisionSigner contextDigest(String digest) {
        this.contextDigest = digest;
        return this;
    }

    public DecisionSigner subjectName(String name) {
        this.subjectName = name;
        return this;
    }

    public DecisionSigner decidedAt(Instant at) {
        this.decidedAt = at;
        return this;
    }

    public DecisionSigner reasonCode(ReasonCode code) {
        this.reasonCode = code;
        return this;
    }

    public DecisionSigner conditions(Conditions window) {
        this.conditions = window;
        return this;
    }

    public Decision decision() {
        return new Decision(view.proposal().id(), view.proposal().version(), contextDigest, verdict,
                reasonCode != null ? reasonCode
                        : verdict == Verdict.APPROVE ? ReasonCode.MATCHES_INTENT : ReasonCode.BLAST_RADIUS_TOO_LARGE,
                "Checked against the change ticket.", conditions, reviewerName, reviewer.keyId(), nonce, decidedAt,
                view.proposal().agent().id(), view.context().policyBasis().policyId(),
                view.context().policyBasis().policyVersion(), "gateway-tests/1");
    }

    public DsseEnvelope envelope() {
        Statement statement = DecisionRecords.statement(subjectName, proposalDigest, decision());
        try {
            return DecisionRecords.sign(statement, reviewer.signer());
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** The envelope as the JSON body of POST /v1/decisions. */
    public String json() {
        return Json.string(envelope());
    }
}
