package dev.countersign.model;

import java.time.Instant;
import java.util.List;

/**
 * Platform facts about a proposal, snapshotted by the gateway when the proposal arrived (or was refreshed). Unlike
 * the proposal's intent, everything here comes from the gateway's inventory and policy, not from the agent.
 */
public record ProposalContext(
        String proposalId,
        int proposalVersion,
        Instant capturedAt,
        BlastRadius blastRadius,
        List<DependentWorkload> dependentWorkloads,
        List<IncidentSummary> incidents,
        PolicyBasis policyBasis) {

    public ProposalContext {
        Require.text(proposalId, "proposalId");
        Require.atLeast(proposalVersion, 1, "proposalVersion");
        Require.present(capturedAt, "capturedAt");
        Require.present(blastRadius, "blastRadius");
        dependentWorkloads = Require.list(dependentWorkloads, "dependentWorkloads");
        incidents = Require.list(incidents, "incidents");
        Require.present(policyBasis, "policyBasis");
    }
}
