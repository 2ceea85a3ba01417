package dev.countersign.app.queue;

import dev.countersign.app.cache.ProposalSummary;
import java.time.Instant;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One proposal in the queue, as its summary (the whole proposal stays in the cache until it is opened). The row
 * object stays the same when the proposal changes, so selection is kept.
 */
public final class QueueRow {
    private final String id;
    private final ReadOnlyObjectWrapper<ProposalSummary> summary = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper age = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper expiry = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper();
    private String searchText;

    QueueRow(ProposalSummary first, Instant now, QueueTexts texts) {
        this.id = first.id();
        update(first, now, texts);
    }

    void update(ProposalSummary latest, Instant now, QueueTexts texts) {
        summary.set(latest);
        searchText = String.join("\n", latest.id(), latest.targetName(), latest.targetId(), latest.environment(),
                latest.agentId(), texts.action(latest.actionType()), texts.tier(latest.riskTier()),
                latest.actionType().json(), latest.riskTier().json()).toLowerCase(Locale.ROOT);
        retime(now, texts);
    }

    void retime(Instant now, QueueTexts texts) {
        ProposalSummary current = summary.get();
        age.set(texts.age(current, now));
        expiry.set(texts.expiry(current, now));
        status.set(texts.status(current, now));
        open.set(current.openAt(now));
    }

    /** True if every word of the (lower-case) query is in the proposal's id, target, environment, agent, action or tier. */
    boolean matches(String[] words) {
        for (String word : words) {
            if (!searchText.contains(word)) {
                return false;
            }
        }
        return true;
    }

    public String id() {
        return id;
    }

    public ProposalSummary summary() {
        return summary.get();
    }

    public ReadOnlyObjectProperty<ProposalSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ageProperty() {
        return age.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty expiryProperty() {
        return expiry.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Still pending and not expired: something a reviewer can decide. */
    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }
}
