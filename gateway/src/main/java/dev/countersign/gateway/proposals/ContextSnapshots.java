package dev.countersign.gateway.proposals;

import dev.countersign.gateway.inventory.Inventory;
import dev.countersign.gateway.inventory.InventoryService;
import dev.countersign.gateway.inventory.Nhi;
import dev.countersign.gateway.policy.PolicyFacts;
import dev.countersign.gateway.policy.PolicyService;
import dev.countersign.gateway.problem.ProblemException;
import dev.countersign.gateway.problem.ProblemType;
import dev.countersign.model.ActionType;
import dev.countersign.model.DependentWorkload;
import dev.countersign.model.PolicyBasis;
import dev.countersign.model.ProposalContext;
import java.time.Instant;
import java.util.List;

/** Takes a context snapshot for a proposal from the inventory and policy in force. */
public final class ContextSnapshots {
    /** The resolved target and the context taken for it. */
    public record Snapshot(Nhi target, ProposalContext context) {
        public PolicyBasis basis() {
            return context.policyBasis();
        }
    }

    private final InventoryService inventory;
    private final PolicyService policy;

    public ContextSnapshots(InventoryService inventory, PolicyService policy) {
        this.inventory = inventory;
        this.policy = policy;
    }

    /**
     * Resolves the target and snapshots its context.
     *
     * @throws ProblemException {@code unknown-target} or {@code environment-mismatch}
     */
    public Snapshot take(String proposalId, int version, ActionType actionType, String targetId, String environment,
            Instant now) {
        Inventory facts = inventory.current();
        Nhi target = facts.nhi(targetId).orElseThrow(() -> ProblemException.atPath(ProblemType.UNKNOWN_TARGET,
                "$.targetId", "No NHI '" + targetId + "' is in the gateway's inventory."));
        if (!target.environment().equals(environment)) {
            throw ProblemException.atPath(ProblemType.ENVIRONMENT_MISMATCH, "$.environment",
                    "The proposal names environment '" + environment + "' but " + targetId + " is in '"
                            + target.environment() + "'.");
        }
        List<DependentWorkload> affected = facts.affectedBy(targetId);
        PolicyBasis basis = policy.current().evaluate(
                new PolicyFacts(actionType, environment, target.kind(), target.privilege(), affected));
        ProposalContext context = new ProposalContext(proposalId, version, now, facts.blastRadius(target, affected),
                affected, facts.incidents(targetId, affected), basis);
        return new Snapshot(target, context);
    }
}
