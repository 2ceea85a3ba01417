package dev.countersign.gateway.reviewers;

import dev.countersign.model.PolicyBasis;
import dev.countersign.model.Proposal;
import dev.countersign.model.RiskTier;
import dev.countersign.model.api.DecisionRights;
import dev.countersign.model.api.ReviewerView;
import java.util.List;
import java.util.Optional;

/**
 * Whether a reviewer may decide a proposal: they hold a role among the tier's deciders, and the proposal's action
 * type, environment and tier are within their decision rights. The reason for a refusal is in plain words.
 */
public final class DecisionAuthority {
    private DecisionAuthority() {}

    /** Empty if the reviewer may decide; otherwise why not, addressed to the reviewer. */
    public static Optional<String> refusal(ReviewerView reviewer, Proposal proposal, PolicyBasis basis) {
        RiskTier tier = basis.tier();
        List<String> deciders = basis.deciders();
        if (reviewer.roles().stream().noneMatch(deciders::contains)) {
            return Optional.of("Only " + or(deciders) + " may decide " + tier.json() + " proposals; you hold "
                    + (reviewer.roles().isEmpty() ? "no role" : String.join(", ", reviewer.roles())) + ".");
        }
        DecisionRights rights = reviewer.rights();
        if (rights == null) {
            return Optional.of("You hold no decision rights yet; ask an admin to grant them.");
        }
        if (!rights.coversTier(tier)) {
            return Optional.of("Your rights cover tiers up to " + rights.maxTier().json() + "; this proposal is "
                    + tier.json() + ".");
        }
        if (!rights.coversActionType(proposal.actionType())) {
            return Optional.of("Your rights do not cover " + proposal.actionType().json() + "; they cover "
                    + (rights.actionTypes().isEmpty() ? "no action type"
                            : String.join(", ", rights.actionTypes().stream().map(a -> a.json()).toList()))
                    + ".");
        }
        if (!rights.coversEnvironment(proposal.environment())) {
            return Optional.of("Your rights do not cover the " + proposal.environment() + " environment; they cover "
                    + (rights.environments().isEmpty() ? "no environment" : String.join(", ", rights.environments()))
                    + ".");
        }
        return Optional.empty();
    }

    private static String or(List<String> roles) {
        if (roles.size() == 1) {
            return roles.get(0);
        }
        return String.join(", ", roles.subList(0, roles.size() - 1)) + " or " + roles.get(roles.size() - 1);
    }
}
