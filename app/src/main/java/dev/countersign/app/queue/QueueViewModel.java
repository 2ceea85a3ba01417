package dev.countersign.app.queue;

import dev.countersign.app.common.TaskRunner;
import dev.countersign.app.common.UserErrors;
import dev.countersign.app.sync.QueueFeed;
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
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The approval queue: rows merged from the gateway's change feed, the selected row, and how the last sync went.
 * Refreshes on request and on a timer; one fetch runs at a time.
 */
public final class QueueViewModel {
    /** Open work first, then the riskiest, then the soonest to expire. */
    static final Comparator<QueueRow> ORDER = Comparator
            .comparing((QueueRow r) -> r.view().status() != ProposalStatus.PENDING)
            .thenComparing(r -> r.view().proposal().riskTier(), Comparator.reverseOrder())
            .thenComparing(r -> r.view().proposal().expiresAt())
            .thenComparing(QueueRow::id);

    /** Where syncing with the gateway stands; SIGNED_OUT: the session ended and the key is locked. */
    public enum SyncState { NOT_CONNECTED, SYNCING, SYNCED, FAILED, SIGNED_OUT }

    private final TaskRunner runner;
    private final Clock clock;
    private final QueueTexts texts;
    private final UserErrors errors;
    private final ObservableList<QueueRow> rows = FXCollections.observableArrayList();
    private final Map<String, QueueRow> byId = new HashMap<>();
    private final ObjectProperty<QueueRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Instant> lastSync = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SyncState> state = new ReadOnlyObjectWrapper<>(SyncState.NOT_CONNECTED);
    private final ReadOnlyStringWrapper syncError = new ReadOnlyStringWrapper();
    private final ReadOnlyIntegerWrapper openCount = new ReadOnlyIntegerWrapper();
    private QueueFeed feed;
    private boolean fetching;
    private boolean again;
    private TaskRunner.Cancellable poll;

    public QueueViewModel(TaskRunner runner, Clock clock, QueueTexts texts, UserErrors errors) {
        this.runner = runner;
        this.clock = clock;
        this.texts = texts;
        this.errors = errors;
    }

    /** Starts syncing from this feed: a first fetch now, then one every {@code period}. */
    public void connect(QueueFeed changes, Duration period) {
        this.feed = changes;
        refresh();
        if (poll != null) {
            poll.cancel();
        }
        poll = runner.every(period, this::tick);
    }

    /** Asks the gateway what changed; if a fetch is running, another follows it. */
    public void refresh() {
        if (feed == null) {
            return;
        }
        if (fetching) {
            again = true;
            return;
        }
        fetching = true;
        state.set(SyncState.SYNCING);
        QueueFeed source = feed;
        runner.run("sync queue", source::changes, changed -> {
            merge(changed);
            lastSync.set(clock.instant());
            syncError.set(null);
            state.set(SyncState.SYNCED);
            finished();
        }, e -> {
            syncError.set(errors.message(e));
            state.set(e instanceof SessionLockedException ? SyncState.SIGNED_OUT : SyncState.FAILED);
            finished();
        });
    }

    /** Puts a proposal view the console fetched itself (e.g. after a decision) into its row. */
    public void put(ProposalView view) {
        merge(List.of(view));
    }

    public void stop() {
        if (poll != null) {
            poll.cancel();
            poll = null;
        }
    }

    private void tick() {
        Instant now = clock.instant();
        rows.forEach(row -> row.retime(now, texts));
        countOpen();
        refresh();
    }

    private void finished() {
        fetching = false;
        if (again) {
            again = false;
            refresh();
        }
    }

    private void merge(List<ProposalView> changed) {
        Instant now = clock.instant();
        boolean added = false;
        for (ProposalView view : changed) {
            QueueRow row = byId.get(view.proposal().id());
            if (row == null) {
                row = new QueueRow(view, now, texts);
                byId.put(row.id(), row);
                rows.add(row);
                added = true;
            } else if (!view.updatedAt().isBefore(row.view().updatedAt())) {
                row.update(view, now, texts);
            }
        }
        if (added) {
            QueueRow keep = selected.get();
            FXCollections.sort(rows, ORDER);
            selected.set(keep);
        }
        countOpen();
    }

    private void countOpen() {
        openCount.set((int) rows.stream().filter(r -> r.openProperty().get()).count());
    }

    public Optional<QueueRow> row(String proposalId) {
        return Optional.ofNullable(byId.get(proposalId));
    }

    public ObservableList<QueueRow> rows() {
        return rows;
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

    public QueueTexts texts() {
        return texts;
    }
}
