package dev.countersign.app.queue;

import dev.countersign.app.cache.ProposalSummary;
import java.time.Instant;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;

/**
 * One proposal in the queue, as its summary (the whole proposal stays in the cache until it is opened). The row
 * object stays the same when the proposal changes, so selection is kept.
 *
 * <p>Its texts (age, expiry, status) are bindings on the summary and the queue's clock, made the first time someone
 * looks and computed only when read: with 50,000 rows, only the few on screen are ever formatted, at start and on
 * every tick of the clock.
 */
public final class QueueRow {
    private final String id;
    private final ReadOnlyObjectWrapper<ProposalSummary> summary = new ReadOnlyObjectWrapper<>();
    private final ObservableValue<Instant> now;
    private final QueueTexts texts;
    private StringBinding age;
    private StringBinding expiry;
    private StringBinding status;
    private BooleanBinding open;
    private BooleanBinding expiringSoon;
    private String searchText;

    QueueRow(ProposalSummary first, ObservableValue<Instant> now, QueueTexts texts) {
        this.id = first.id();
        this.now = now;
        this.texts = texts;
        summary.set(first);
    }

    void update(ProposalSummary latest) {
        summary.set(latest);
        searchText = null;
    }

    /** True if every word of the (lower-case) query is in the id, target, environment, agent, action or tier. */
    boolean matches(String[] words) {
        String text = searchText;
        if (text == null) {
            ProposalSummary s = summary.get();
            text = String.join("\n", s.id(), s.targetName(), s.targetId(), s.environment(), s.agentId(),
                    texts.action(s.actionType()), texts.tier(s.riskTier()), s.actionType().json(),
                    s.riskTier().json()).toLowerCase(Locale.ROOT);
            searchText = text;
        }
        for (String word : words) {
            if (!text.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** Still pending and not expired at the queue's time, without making any binding. */
    boolean openNow() {
        return summary.get().openAt(now.getValue());
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

    /** "5m", "2h 10m": how long ago it was proposed. */
    public StringBinding ageProperty() {
        if (age == null) {
            age = Bindings.createStringBinding(() -> texts.age(summary.get(), now.getValue()), summary, now);
        }
        return age;
    }

    /** "in 3h 20m" or "expired 5m ago". */
    public StringBinding expiryProperty() {
        if (expiry == null) {
            expiry = Bindings.createStringBinding(() -> texts.expiry(summary.get(), now.getValue()), summary, now);
        }
        return expiry;
    }

    /** Pending, "1 of 2 approvals", Approved… */
    public StringBinding statusProperty() {
        if (status == null) {
            status = Bindings.createStringBinding(() -> texts.status(summary.get(), now.getValue()), summary, now);
        }
        return status;
    }

    /** Open and expiring within {@link QueueFilter#EXPIRING_SOON}: the queue makes it stand out. */
    public BooleanBinding expiringSoonProperty() {
        if (expiringSoon == null) {
            expiringSoon = Bindings.createBooleanBinding(
                    () -> QueueFilter.expiringSoon(summary.get(), now.getValue()), summary, now);
        }
        return expiringSoon;
    }

    /** Still pending and not expired: something a reviewer can decide. */
    public BooleanBinding openProperty() {
        if (open == null) {
            open = Bindings.createBooleanBinding(this::openNow, summary, now);
        }
        return open;
    }
}
