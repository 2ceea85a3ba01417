package dev.countersign.app.queue;

import dev.countersign.app.cache.Outbox;
import dev.countersign.app.cache.OutboxEntry;
import dev.countersign.app.cache.ProposalCache;
import dev.countersign.app.cache.ProposalSummary;
import dev.countersign.app.common.TaskRunner;
import dev.countersign.app.common.UserErrors;
import dev.countersign.app.sync.ConsoleSync;
import dev.countersign.app.sync.GatewayUnavailableException;
import dev.countersign.app.sync.SessionLockedException;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.api.ProposalView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import dev.countersign.model.RiskTier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.transformation.FilteredList;

/**
 * The approval queue: rows from the local cache, kept in step with the gateway by background sync rounds, the search
 * filter, the selected row, how the last round went, and the outbox's state (decisions waiting to be sent, refusals
 * the reviewer has not seen). Works from the cache alone when the gateway cannot be reached.
 */
public final class QueueViewModel {
    /** Open work first, then the riskiest, then the soonest to expire. */
    static final Comparator<QueueRow> ORDER = Comparator
            .comparing((QueueRow r) -> r.summary().status() != ProposalStatus.PENDING)
            .thenComparing(r -> r.summary().riskTier(), Comparator.reverseOrder())
            .thenComparing(r -> r.summary().expiresAt())
            .thenComparing(QueueRow::id);

    /**
     * Where syncing with the gateway stands. OFFLINE: the gateway cannot be reached, the queue is the cache's;
     * SIGNED_OUT: the session ended and the key is locked; FAILED: the gateway answered with an error.
     */
    public enum SyncState { NOT_CONNECTED, SYNCING, SYNCED, OFFLINE, FAILED, SIGNED_OUT }

    /** How many rows are read first at start, before the rest of the cache. */
    static final int FIRST_ROWS = 200;
    private final TaskRunner runner;
    private final Clock clock;
    private final QueueTexts texts;
    private final UserErrors errors;
    private final IntConsumer progressToUi;
    private final ObservableList<QueueRow> rows = FXCollections.observableArrayList();
    private final FilteredList<QueueRow> visible = new FilteredList<>(rows);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<QueueFilter> criteria = new SimpleObjectProperty<>(QueueFilter.ALL);
    private final QueueChoices choices = new QueueChoices();
    private final BulkSelection bulk = new BulkSelection();
    private final NewCriticalWatch newCritical = new NewCriticalWatch();
    private final Map<String, QueueRow> byId = new HashMap<>();
    private final ObjectProperty<QueueRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Instant> lastSync = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SyncState> state = new ReadOnlyObjectWrapper<>(SyncState.NOT_CONNECTED);
    private final ReadOnlyStringWrapper syncError = new ReadOnlyStringWrapper();
    private final ReadOnlyIntegerWrapper openCount = new ReadOnlyIntegerWrapper();
    /** The queue's time, moved on by its timer; the rows' texts follow it. */
    private final ObjectProperty<Instant> now = new SimpleObjectProperty<>();
    private final ReadOnlyIntegerWrapper received = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyIntegerWrapper waiting = new ReadOnlyIntegerWrapper();
    private final ObservableSet<String> waitingIds = FXCollections.observableSet();
    private final ObservableList<OutboxEntry> notRecorded = FXCollections.observableArrayList();
    private ProposalCache cache;
    private Outbox outbox;
    private ConsoleSync sync;
    private boolean fetching;
    private boolean again;
    private TaskRunner.Cancellable poll;

    /**
     * @param uiThread runs work on the UI thread: a sync round's running count of received proposals goes through it
     *     (the FX application thread's executor in the console, a direct call in tests)
     */
    public QueueViewModel(TaskRunner runner, Clock clock, QueueTexts texts, UserErrors errors,
            java.util.concurrent.Executor uiThread) {
        this.runner = runner;
        this.clock = clock;
        this.texts = texts;
        this.errors = errors;
        this.now.set(clock.instant());
        this.progressToUi = count -> uiThread.execute(() -> {
            if (fetching) {
                received.set(count);
            }
        });
        filter.addListener((obs, old, text) -> criteria.set(criteria.get().withText(text)));
        criteria.addListener((obs, old, value) -> {
            if (value == null) {
                criteria.set(QueueFilter.ALL);
                return;
            }
            if (!value.text().equals(filter.get())) {
                filter.set(value.text());
            }
            applyFilter();
        });
    }

    /** What the cache held at start. */
    private record Loaded(List<ProposalSummary> summaries, Optional<Instant> lastSync, Outbox.Snapshot outbox) {}

    /**
     * Shows what the cache holds (read in the background), before any gateway answers: first a screenful in queue
     * order, so the reviewer can start at once, then the rest. {@code then} runs on the UI thread once the first rows
     * are in.
     */
    public void open(ProposalCache proposals, Outbox decisions, Runnable then) {
        this.cache = proposals;
        this.outbox = decisions;
        newCritical.disarm();
        runner.run("read the cache", () -> new Loaded(proposals.firstSummaries(FIRST_ROWS), proposals.lastSync(),
                decisions.snapshot()), loaded -> {
                    merge(loaded.summaries());
                    lastSync.set(loaded.lastSync().orElse(null));
                    outboxChanged(loaded.outbox());
                    then.run();
                    if (loaded.summaries().size() == FIRST_ROWS) {
                        runner.run("read the rest of the cache", proposals::summaries, this::merge,
                                e -> syncError.set(errors.message(e)));
                    }
                }, e -> {
                    syncError.set(errors.message(e));
                    state.set(SyncState.FAILED);
                    then.run();
                });
    }

    /** Starts syncing with the gateway: a round now, then one every {@code period}. */
    public void connect(ConsoleSync rounds, Duration period) {
        this.sync = rounds;
        refresh();
        if (poll != null) {
            poll.cancel();
        }
        poll = runner.every(period, this::tick);
    }

    /** Runs a sync round now; if one is running, another follows it. */
    public void refresh() {
        if (sync == null) {
            return;
        }
        if (fetching) {
            again = true;
            return;
        }
        fetching = true;
        received.set(0);
        if (state.get() != SyncState.OFFLINE) {
            state.set(SyncState.SYNCING);
        }
        ConsoleSync round = sync;
        Outbox decisions = outbox;
        runner.run("sync with the gateway", () -> new RoundDone(round.run(progressToUi), decisions.snapshot()),
                this::roundDone, e -> {
                    syncError.set(errors.message(e));
                    state.set(SyncState.FAILED);
                    finished();
                });
    }

    private record RoundDone(ConsoleSync.Report report, Outbox.Snapshot outbox) {}

    private void roundDone(RoundDone done) {
        ConsoleSync.Report report = done.report();
        if (report.dropped()) {
            clearRows();
        }
        Exception failure = report.failure();
        newCritical.roundMerged(merge(report.changed()), report.dropped(), failure == null);
        outboxChanged(done.outbox());
        if (failure == null) {
            lastSync.set(report.syncedAt());
            syncError.set(null);
            state.set(SyncState.SYNCED);
        } else {
            syncError.set(errors.message(failure));
            state.set(failure instanceof SessionLockedException ? SyncState.SIGNED_OUT
                    : failure instanceof GatewayUnavailableException ? SyncState.OFFLINE : SyncState.FAILED);
        }
        finished();
    }

    /**
     * The outbox changed (a decision was signed, sent, or refused): the count waiting, which proposals have one
     * waiting, and the refusals the reviewer has not seen.
     */
    private void outboxChanged(Outbox.Snapshot outbox) {
        waiting.set(outbox.counts().pending());
        waitingIds.retainAll(outbox.waitingProposals());
        waitingIds.addAll(outbox.waitingProposals());
        notRecorded.setAll(outbox.refusedUnseen());
    }

    /** Reads the outbox again in the background (after a decision was signed or sent). */
    public void reloadOutbox() {
        Outbox decisions = outbox;
        if (decisions == null) {
            return;
        }
        runner.run("read the outbox", decisions::snapshot, this::outboxChanged, e -> syncError.set(errors.message(e)));
    }

    /** The reviewer has seen a refusal of a decision sent from the outbox. */
    public void acknowledge(OutboxEntry entry) {
        notRecorded.remove(entry);
        Outbox decisions = outbox;
        runner.run("acknowledge refusal", () -> {
            decisions.acknowledge(entry.idempotencyKey(), clock.instant());
            return null;
        }, done -> { }, e -> syncError.set(errors.message(e)));
    }

    /** Stores a proposal the console fetched itself (after a decision, a refresh) and updates its row. */
    public void put(ProposalView view) {
        ProposalCache store = cache;
        if (store == null) {
            return;
        }
        runner.run("store proposal", () -> store.put(view, clock.instant()), stored -> stored.ifPresent(
                summary -> merge(List.of(summary))), e -> syncError.set(errors.message(e)));
    }

    /** Reads one proposal's whole view from the cache in the background; {@code then} gets it on the UI thread. */
    public void view(String proposalId, Consumer<Optional<ProposalView>> then) {
        ProposalCache store = cache;
        if (store == null) {
            then.accept(Optional.empty());
            return;
        }
        runner.run("read proposal", () -> store.view(proposalId), then, e -> {
            syncError.set(errors.message(e));
            then.accept(Optional.empty());
        });
    }

    /** One proposal's whole view, read on the calling thread (tests, background work). */
    public Optional<ProposalView> view(String proposalId) {
        return cache == null ? Optional.empty() : cache.view(proposalId);
    }

    public void stop() {
        if (poll != null) {
            poll.cancel();
            poll = null;
        }
    }

    private void tick() {
        now.set(clock.instant()); // every row's texts follow, computed only where shown
        countOpen();
        if (criteria.get().dependsOnTime()) {
            applyFilter();
        }
        refresh();
    }

    private void finished() {
        fetching = false;
        received.set(-1);
        if (again) {
            again = false;
            refresh();
        }
    }

    private void clearRows() {
        selected.set(null);
        rows.clear();
        byId.clear();
        choices.clear();
    }

    /** Adds new rows and updates the others; returns the rows added. */
    private List<QueueRow> merge(List<ProposalSummary> changed) {
        if (changed.isEmpty()) {
            return List.of();
        }
        now.set(clock.instant());
        boolean added = false;
        boolean updated = false;
        List<QueueRow> fresh = new java.util.ArrayList<>();
        for (ProposalSummary summary : changed) {
            QueueRow row = byId.get(summary.id());
            if (row == null) {
                row = new QueueRow(summary, now, texts);
                byId.put(row.id(), row);
                fresh.add(row);
                added = true;
            } else if (!summary.equals(row.summary()) && summary.notBehind(row.summary())) {
                row.update(summary);
                updated = true;
            }
        }
        if (added) {
            QueueRow keep = selected.get();
            if (keep == null || rows.isEmpty()) {
                List<QueueRow> all = new java.util.ArrayList<>(rows);
                all.addAll(fresh);
                all.sort(ORDER);
                rows.setAll(all); // one change for a large load; a replaced list clears the table's selection
            } else {
                // a row is open in the review: insert in place, so the table keeps its selection and the reviewer's
                // half-written decision is not cleared by a proposal arriving
                for (QueueRow row : fresh) {
                    int at = java.util.Collections.binarySearch(rows, row, ORDER);
                    rows.add(at < 0 ? -at - 1 : at, row);
                }
            }
            selected.set(keep);
            choices.added(fresh);
        }
        if (updated && criteria.get().isActive()) {
            applyFilter(); // a row that changed may pass the filter now, or no longer
        }
        countOpen();
        return fresh;
    }

    private void applyFilter() {
        visible.setPredicate(criteria.get().predicate(now.get()));
    }

    private void countOpen() {
        int open = 0;
        int[] tiers = new int[RiskTier.values().length];
        for (QueueRow r : rows) {
            if (r.openNow()) {
                open++;
            }
            tiers[r.summary().riskTier().ordinal()]++;
        }
        openCount.set(open);
        choices.counted(tiers);
    }

    public Optional<QueueRow> row(String proposalId) {
        return Optional.ofNullable(byId.get(proposalId));
    }

    /** Every row, in queue order. */
    public ObservableList<QueueRow> rows() {
        return rows;
    }

    /** The rows the search filter lets through, in queue order. */
    public ObservableList<QueueRow> visibleRows() {
        return visible;
    }

    /** The search text: every word must appear in the proposal's id, target, environment, agent, action or tier. */
    public StringProperty filterProperty() {
        return filter;
    }

    /** The whole filter (choices, expiring soon, closed rows, and the search text, kept equal to the search box). */
    public ObjectProperty<QueueFilter> queueFilterProperty() {
        return criteria;
    }

    /** What the filter bar offers: environments and agents seen in the queue, and rows per tier. */
    public QueueChoices choices() {
        return choices;
    }

    /** True if the filter hides rows that would otherwise show. */
    public boolean filtered() {
        return criteria.get().isActive();
    }

    /** Shows {@code row} in the review, first clearing a filter that hides it. */
    public void reveal(QueueRow row) {
        if (!visible.contains(row)) {
            criteria.set(QueueFilter.ALL);
        }
        selected.set(row);
    }

    /**
     * The rows selected in the table (kept in step by the view); {@link #selectedProperty()} stays the one row shown
     * in the review.
     */
    public ObservableList<QueueRow> selectedRows() {
        return bulk.rows();
    }

    /** Who handles "Approve selection…"; without one, the action is not offered. */
    public void setBulkApprovalHandler(Consumer<List<QueueRow>> handler) {
        bulk.handler(handler);
    }

    /** True when "Approve selection…" is offered: a handler is set and two or more rows are selected. */
    public BooleanBinding canApproveSelectionProperty() {
        return bulk.offered();
    }

    /** Hands the selected rows to the bulk approval handler, which checks and shows them; approves nothing itself. */
    public void requestBulkApproval() {
        bulk.request();
    }

    /**
     * Who hears of new critical-tier proposals a sync round brought: open, once each, never from the cache or the
     * first round after it was opened. Called on the UI thread.
     */
    public void addNewCriticalListener(Consumer<List<QueueRow>> listener) {
        newCritical.listen(listener);
    }

    /** The queue's clock (moved on by its timer). */
    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now;
    }

    public ObjectProperty<QueueRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<Instant> lastSyncProperty() {
        return lastSync.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SyncState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty syncErrorProperty() {
        return syncError.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty openCountProperty() {
        return openCount.getReadOnlyProperty();
    }

    /** Proposals received so far in the running sync round; -1 when no round runs. */
    public ReadOnlyIntegerProperty receivedProperty() {
        return received.getReadOnlyProperty();
    }

    /** Signed decisions in the outbox waiting to be sent. */
    public ReadOnlyIntegerProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    /** Proposals with a decision of this console's waiting in the outbox. */
    public ObservableSet<String> waitingIds() {
        return waitingIds;
    }

    /** Decisions the gateway refused after they were sent from the outbox, not yet seen by the reviewer. */
    public ObservableList<OutboxEntry> notRecorded() {
        return notRecorded;
    }

    public QueueTexts texts() {
        return texts;
    }
}
