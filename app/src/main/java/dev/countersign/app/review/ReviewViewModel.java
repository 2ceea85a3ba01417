package dev.countersign.app.review;

import dev.countersign.app.cache.ProposalSummary;
import dev.countersign.app.common.Messages;
import dev.countersign.app.common.TaskRunner;
import dev.countersign.app.common.TimeTexts;
import dev.countersign.app.common.UserErrors;
import dev.countersign.app.queue.QueueRow;
import dev.countersign.app.queue.QueueViewModel;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.json.Digests;
import dev.countersign.model.record.DecisionRecords;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;

/**
 * The proposal being reviewed: follows the selected queue row (and its updates), reading the whole proposal from the
 * cache, checks that the digests the gateway served match the ones the console computes from what it shows, and
 * says how old its context is.
 */
public final class ReviewViewModel {
    private final QueueViewModel queue;
    private final Clock clock;
    private final Duration staleAfter;
    private final ReadOnlyObjectWrapper<ProposalView> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper proposalDigest = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper contextDigest = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper digestsMatch = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper contextStale = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper expiry = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper contextAge = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper refreshMessage = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper refreshing = new ReadOnlyBooleanWrapper(false);
    private final ObjectProperty<String> selectedWorkload = new SimpleObjectProperty<>();
    private final ChangeListener<ProposalSummary> follow = (obs, old, latest) -> load();
    private final ChangeListener<String> tick = (obs, old, age) -> retime();
    private final Messages messages;
    private final TimeTexts time;
    private final TaskRunner runner;
    private final UserErrors errors;
    private ContextRefresher refresher;
    private long loads;
    private QueueRow row;

    /** Asks the gateway to take a proposal's context again; blocking. */
    @FunctionalInterface
    public interface ContextRefresher {
        ProposalView refresh(String proposalId) throws Exception;
    }

    public ReviewViewModel(QueueViewModel queue, Clock clock, Duration staleAfter, Messages messages, TimeTexts time,
            TaskRunner runner) {
        this.messages = messages;
        this.time = time;
        this.runner = runner;
        this.errors = new UserErrors(messages);
        this.queue = queue;
        this.clock = clock;
        this.staleAfter = staleAfter;
        queue.selectedProperty().addListener((obs, old, selected) -> show(selected));
        show(queue.selectedProperty().get());
    }

    private void show(QueueRow selected) {
        if (row != null) {
            row.summaryProperty().removeListener(follow);
            row.ageProperty().removeListener(tick);
        }
        refreshMessage.set(null);
        row = selected;
        status.unbind();
        expiry.unbind();
        if (row != null) {
            row.summaryProperty().addListener(follow);
            row.ageProperty().addListener(tick);
            status.bind(row.statusProperty());
            expiry.bind(row.expiryProperty());
        } else {
            status.set(null);
            expiry.set(null);
        }
        load();
    }

    /** Reads the selected proposal from the cache; shows nothing until it is read, and ignores a late answer. */
    private void load() {
        QueueRow loading = row;
        long ticket = ++loads;
        if (loading == null) {
            setShown(null);
            return;
        }
        queue.view(loading.id(), view -> {
            if (ticket == loads) { // a later load (another row, or a newer state of this one) wins
                setShown(view.orElse(null));
            }
        });
    }

    private void setShown(ProposalView view) {
        if (view == null) {
            proposalDigest.set(null);
            contextDigest.set(null);
            digestsMatch.set(true);
        } else {
            proposalDigest.set(DecisionRecords.proposalDigest(view.proposal()));
            contextDigest.set(Digests.canonicalSha256(view.context()));
            digestsMatch.set(Digests.equal(proposalDigest.get(), view.proposalDigest())
                    && Digests.equal(contextDigest.get(), view.contextDigest()));
        }
        ProposalView before = shown.get();
        boolean sameProposal = before != null && view != null && before.proposal().id().equals(view.proposal().id());
        String selected = selectedWorkload.get();
        if (!sameProposal || view.context().dependentWorkloads().stream().noneMatch(w -> w.id().equals(selected))) {
            selectedWorkload.set(null);
        }
        shown.set(view);
        retime();
    }

    /** Checks again whether the shown context has grown stale (called by the queue's timer through the view). */
    public void retime() {
        ProposalView view = shown.get();
        Instant captured = view == null ? null : view.context().capturedAt();
        Instant now = clock.instant();
        contextStale.set(captured != null && Duration.between(captured, now).compareTo(staleAfter) > 0);
        contextAge.set(captured == null ? null : contextStale.get()
                ? messages.format("review.context.stale", time.age(captured, now), staleAfter.toMinutes())
                : messages.format("review.context.age", time.age(captured, now)));
    }

    /** Enables "Refresh context": the console is connected to a gateway. */
    public void connect(ContextRefresher gateway) {
        this.refresher = gateway;
    }

    /** Asks the gateway to take the shown proposal's context again, and shows the result when it comes. */
    public void refreshContext() {
        ProposalView view = shown.get();
        ContextRefresher gateway = refresher;
        if (view == null || gateway == null || refreshing.get()) {
            return;
        }
        refreshing.set(true);
        refreshMessage.set(messages.get("review.context.refreshing"));
        String id = view.proposal().id();
        runner.run("refresh context", () -> gateway.refresh(id), latest -> {
            refreshing.set(false);
            queue.put(latest);
            if (stillShown(id)) {
                refreshMessage.set(messages.get("review.context.refreshed"));
            }
        }, e -> {
            refreshing.set(false);
            if (stillShown(id)) {
                refreshMessage.set(errors.message(e));
            }
        });
    }

    private boolean stillShown(String proposalId) {
        return row != null && row.id().equals(proposalId);
    }

    /** "Context captured 5 min ago", or that it is stale; null when nothing is shown. */
    public ReadOnlyStringProperty contextAgeProperty() {
        return contextAge.getReadOnlyProperty();
    }

    /** What the last refresh did, in words. */
    public ReadOnlyStringProperty refreshMessageProperty() {
        return refreshMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty refreshingProperty() {
        return refreshing.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ProposalView> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ProposalView shown() {
        return shown.get();
    }

    /**
     * The dependent workload the reviewer is looking at (its id), shared by the blast-radius graph and the workloads
     * list; null for none. Cleared when another proposal is shown, or when the shown one no longer lists it.
     */
    public ObjectProperty<String> selectedWorkloadProperty() {
        return selectedWorkload;
    }

    /** Pending, "1 of 2 approvals", Approved…: kept current by the queue's timer. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** "in 3h 20m" or "expired 5m ago": kept current by the queue's timer. */
    public ReadOnlyStringProperty expiryProperty() {
        return expiry.getReadOnlyProperty();
    }

    /** The sha256 the console computed from the proposal it shows; what a decision will be bound to. */
    public ReadOnlyStringProperty proposalDigestProperty() {
        return proposalDigest.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty contextDigestProperty() {
        return contextDigest.getReadOnlyProperty();
    }

    /** False if the gateway's served digests differ from the console's: a decision would then be refused. */
    public ReadOnlyBooleanProperty digestsMatchProperty() {
        return digestsMatch.getReadOnlyProperty();
    }

    /** The shown context was captured longer ago than the console's stale-context setting. */
    public ReadOnlyBooleanProperty contextStaleProperty() {
        return contextStale.getReadOnlyProperty();
    }

    /** How long a context stays fresh. */
    public Duration staleAfter() {
        return staleAfter;
    }
}
