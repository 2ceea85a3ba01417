package dev.countersign.model;

import java.time.Instant;

/**
 * A proposed action held by the gateway. Each change to a proposal makes a new version; a decision is bound to the
 * digest of exactly one version.
 */
public record Proposal(
        String id,
        int version,
        AgentIdentity agent,
        ActionType actionType,
        TargetRef target,
        String environment,
        ParameterChange parameters,
        String intent,
        RiskTier riskTier,
        Instant createdAt,
        Instant expiresAt) {

    public Proposal {
        Require.text(id, "id");
        Require.atLeast(version, 1, "version");
        Require.present(agent, "agent");
        Require.present(actionType, "actionType");
        Require.present(target, "target");
        Require.text(environment, "environment");
        Require.present(parameters, "parameters");
        Require.present(intent, "intent");
        Require.present(riskTier, "riskTier");
        Require.present(createdAt, "createdAt");
        Require.present(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new InvalidFieldException("expiresAt", "must be after createdAt");
        }
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** A name for this exact version, used as the in-toto subject name. */
    public String subjectName() {
        return "proposal:" + id + "@v" + version;
    }
}
