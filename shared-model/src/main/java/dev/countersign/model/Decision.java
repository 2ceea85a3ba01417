package dev.countersign.model;

import java.time.Instant;

/**
 * A reviewer's decision about one version of one proposal: the predicate of a signed decision record. It names the
 * digest of the context that was shown (the proposal's digest is the record's subject), the gateway's single-use
 * nonce, and the policy the proposal was judged under.
 */
public record Decision(
        String proposalId,
        int proposalVersion,
        String contextDigest,
        Verdict verdict,
        ReasonCode reasonCode,
        String reasonText,
        Conditions conditions,
        String reviewer,
        String keyId,
        String nonce,
        Instant decidedAt,
        String agentId,
        String policyId,
        String policyVersion,
        String consoleVersion) {

    public static final int MAX_REASON_LENGTH = 4000;

    public Decision {
        Require.text(proposalId, "proposalId");
        Require.atLeast(proposalVersion, 1, "proposalVersion");
        Require.text(contextDigest, "contextDigest");
        Require.present(verdict, "verdict");
        Require.present(reasonCode, "reasonCode");
        Require.text(reasonText, "reasonText");
        if (reasonText.length() > MAX_REASON_LENGTH) {
            throw new InvalidFieldException("reasonText", "must be at most " + MAX_REASON_LENGTH + " characters");
        }
        if (conditions != null && verdict != Verdict.APPROVE) {
            throw new InvalidFieldException("conditions", "only an approval carries conditions");
        }
        Require.text(reviewer, "reviewer");
        Require.text(keyId, "keyId");
        Require.text(nonce, "nonce");
        Require.present(decidedAt, "decidedAt");
        Require.text(agentId, "agentId");
        Require.text(policyId, "policyId");
        Require.text(policyVersion, "policyVersion");
        Require.text(consoleVersion, "consoleVersion");
    }
}
