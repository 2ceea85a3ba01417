package dev.countersign.model;

/**
 * What an agent sends to the gateway. The agent names the target and says what it wants; the gateway resolves the
 * target from its inventory and computes the risk tier itself, so nothing here is trusted beyond being a claim.
 */
public record ProposalSubmission(
        AgentIdentity agent,
        ActionType actionType,
        String targetId,
        String environment,
        ParameterChange parameters,
        String intent,
        int expiresInMinutes) {

    public static final int MAX_EXPIRY_MINUTES = 7 * 24 * 60;

    public ProposalSubmission {
        Require.present(agent, "agent");
        // separation of duties compares the owner with the deciding reviewer: both must read as what they are
        Identities.require(agent.id(), "agent.id");
        Identities.require(agent.owner(), "agent.owner");
        Require.present(actionType, "actionType");
        Require.text(targetId, "targetId");
        Require.text(environment, "environment");
        Require.present(parameters, "parameters");
        Require.text(intent, "intent");
        Require.atLeast(expiresInMinutes, 1, "expiresInMinutes");
        if (expiresInMinutes > MAX_EXPIRY_MINUTES) {
            throw new InvalidFieldException("expiresInMinutes", "must be at most " + MAX_EXPIRY_MINUTES);
        }
    }
}
