package dev.countersign.app.records;

import dev.countersign.model.ActionType;
import dev.countersign.model.RiskTier;
import dev.countersign.model.Verdict;
import java.util.Collection;
import java.util.Set;

/**
 * The choices that narrow the records view: reviewers, agents, actions, environments, tiers, verdicts and policy
 * versions let through (an empty set lets all through) and whether only records whose verification failed. The search
 * words and the period are kept apart (the period is shared with the oversight figures).
 */
public record RecordsFilter(
        Set<String> reviewers,
        Set<String> agents,
        Set<ActionType> actions,
        Set<String> environments,
        Set<RiskTier> tiers,
        Set<Verdict> verdicts,
        Set<PolicyVersion> policies,
        boolean failedOnly) {

    public static final RecordsFilter ALL =
            new RecordsFilter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), false);

    public RecordsFilter {
        reviewers = Set.copyOf(reviewers);
        agents = Set.copyOf(agents);
        actions = Set.copyOf(actions);
        environments = Set.copyOf(environments);
        tiers = Set.copyOf(tiers);
        verdicts = Set.copyOf(verdicts);
        policies = Set.copyOf(policies);
    }

    /** True if it hides anything. */
    public boolean narrows() {
        return !reviewers.isEmpty() || !agents.isEmpty() || !actions.isEmpty() || !environments.isEmpty()
                || !tiers.isEmpty() || !verdicts.isEmpty() || !policies.isEmpty() || failedOnly;
    }

    /**
     * True if the row passes every choice. A row that cannot say a value (its proposal is not held) passes only
     * while that choice is open.
     */
    public boolean accepts(RecordRow row) {
        return passes(reviewers, row.reviewer())
                && passes(agents, row.agentId())
                && passes(actions, row.actionType())
                && passes(environments, row.environment())
                && passes(tiers, row.tier())
                && passes(verdicts, row.verdict())
                && passes(policies, row.policy())
                && (!failedOnly || row.failed());
    }

    /** An open choice lets all through; a narrowed one only the values chosen (never an unknown, null, value). */
    private static <T> boolean passes(Set<T> chosen, T value) {
        return chosen.isEmpty() || (value != null && chosen.contains(value));
    }

    public RecordsFilter withReviewers(Collection<String> value) {
        return new RecordsFilter(Set.copyOf(value), agents, actions, environments, tiers, verdicts, policies,
                failedOnly);
    }

    public RecordsFilter withAgents(Collection<String> value) {
        return new RecordsFilter(reviewers, Set.copyOf(value), actions, environments, tiers, verdicts, policies,
                failedOnly);
    }

    public RecordsFilter withActions(Collection<ActionType> value) {
        return new RecordsFilter(reviewers, agents, Set.copyOf(value), environments, tiers, verdicts, policies,
                failedOnly);
    }

    public RecordsFilter withEnvironments(Collection<String> value) {
        return new RecordsFilter(reviewers, agents, actions, Set.copyOf(value), tiers, verdicts, policies,
                failedOnly);
    }

    public RecordsFilter withTiers(Collection<RiskTier> value) {
        return new RecordsFilter(reviewers, agents, actions, environments, Set.copyOf(value), verdicts, policies,
                failedOnly);
    }

    public RecordsFilter withVerdicts(Collection<Verdict> value) {
        return new RecordsFilter(reviewers, agents, actions, environments, tiers, Set.copyOf(value), policies,
                failedOnly);
    }

    public RecordsFilter withPolicies(Collection<PolicyVersion> value) {
        return new RecordsFilter(reviewers, agents, actions, environments, tiers, verdicts, Set.copyOf(value),
                failedOnly);
    }

    public RecordsFilter withFailedOnly(boolean value) {
        return new RecordsFilter(reviewers, agents, actions, environments, tiers, verdicts, policies, value);
    }
}
