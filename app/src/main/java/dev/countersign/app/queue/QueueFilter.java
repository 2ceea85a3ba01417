package dev.countersign.app.queue;

import dev.countersign.app.cache.ProposalSummary;
import dev.countersign.app.settings.SavedFilter;
import dev.countersign.model.ActionType;
import dev.countersign.model.RiskTier;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the queue shows: the tiers, actions, environments and agents let through (an empty set lets all through),
 * whether only proposals expiring soon, whether decided and expired ones too, and the search words. A value: the
 * queue's table shows the rows its {@link #predicate} accepts.
 */
public record QueueFilter(
        Set<RiskTier> tiers,
        Set<ActionType> actions,
        Set<String> environments,
        Set<String> agents,
        boolean expiringSoon,
        boolean showClosed,
        String text) {

    /** "Expiring soon": still open and expiring within this long. */
    public static final Duration EXPIRING_SOON = Duration.ofHours(1);

    /** Everything, as the queue opens. */
    public static final QueueFilter ALL = new QueueFilter(Set.of(), Set.of(), Set.of(), Set.of(), false, true, "");

    public QueueFilter {
        tiers = tiers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(tiers));
        actions = actions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(actions));
        environments = Set.copyOf(environments);
        agents = Set.copyOf(agents);
        text = text == null ? "" : text;
    }

    /** True if this filter hides something by more than the search words. */
    public boolean narrows() {
        return !tiers.isEmpty() || !actions.isEmpty() || !environments.isEmpty() || !agents.isEmpty()
                || expiringSoon || !showClosed;
    }

    /** True if this filter hides anything at all. */
    public boolean isActive() {
        return narrows() || !words().isEmpty();
    }

    /** True if what it lets through changes as time passes (expiry), so it must be applied again on the clock. */
    public boolean dependsOnTime() {
        return expiringSoon || !showClosed;
    }

    /** The search words, lower-case. */
    public List<String> words() {
        String query = text.strip().toLowerCase(Locale.ROOT);
        return query.isEmpty() ? List.of() : List.of(query.split("\\s+"));
    }

    /** True if the proposal passes everything but the search words. */
    public boolean accepts(ProposalSummary s, Instant now) {
        return (tiers.isEmpty() || tiers.contains(s.riskTier()))
                && (actions.isEmpty() || actions.contains(s.actionType()))
                && (environments.isEmpty() || environments.contains(s.environment()))
                && (agents.isEmpty() || agents.contains(s.agentId()))
                && (showClosed || s.openAt(now))
                && (!expiringSoon || expiringSoon(s, now));
    }

    /** Open, and expiring within {@link #EXPIRING_SOON}. */
    public static boolean expiringSoon(ProposalSummary s, Instant now) {
        return s.openAt(now) && !s.expiresAt().isAfter(now.plus(EXPIRING_SOON));
    }

    /** The table's predicate at {@code now}; null when nothing is hidden (the list then skips the test). */
    public Predicate<QueueRow> predicate(Instant now) {
        if (!isActive()) {
            return null;
        }
        String[] words = words().toArray(String[]::new);
        boolean narrows = narrows();
        return row -> (!narrows || accepts(row.summary(), now)) && (words.length == 0 || row.matches(words));
    }

    public QueueFilter withTiers(Collection<RiskTier> value) {
        return new QueueFilter(Set.copyOf(value), actions, environments, agents, expiringSoon, showClosed, text);
    }

    public QueueFilter withActions(Collection<ActionType> value) {
        return new QueueFilter(tiers, Set.copyOf(value), environments, agents, expiringSoon, showClosed, text);
    }

    public QueueFilter withEnvironments(Collection<String> value) {
        return new QueueFilter(tiers, actions, Set.copyOf(value), agents, expiringSoon, showClosed, text);
    }

    public QueueFilter withAgents(Collection<String> value) {
        return new QueueFilter(tiers, actions, environments, Set.copyOf(value), expiringSoon, showClosed, text);
    }

    public QueueFilter withExpiringSoon(boolean value) {
        return new QueueFilter(tiers, actions, environments, agents, value, showClosed, text);
    }

    public QueueFilter withShowClosed(boolean value) {
        return new QueueFilter(tiers, actions, environments, agents, expiringSoon, value, text);
    }

    public QueueFilter withText(String value) {
        return new QueueFilter(tiers, actions, environments, agents, expiringSoon, showClosed, value);
    }

    /** This filter, named, as it is saved (choices in a stable order, so the file does not churn). */
    public SavedFilter saved(String name) {
        return new SavedFilter(name, tiers.stream().sorted().toList(), actions.stream().sorted().toList(),
                environments.stream().sorted().toList(), agents.stream().sorted().toList(), expiringSoon, showClosed,
                text);
    }

    public static QueueFilter of(SavedFilter saved) {
        return new QueueFilter(new LinkedHashSet<>(saved.tiers()), new LinkedHashSet<>(saved.actions()),
                new LinkedHashSet<>(saved.environments()), new LinkedHashSet<>(saved.agents()), saved.expiringSoon(),
                saved.showClosed(), saved.text());
    }
}
