package dev.countersign.app.shell;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.TimeTexts;
import dev.countersign.app.identity.KeyTexts;
import dev.countersign.app.identity.SigningSession;
import dev.countersign.app.queue.QueueViewModel.SyncState;
import dev.countersign.app.queue.QueueViewModel;
import dev.countersign.app.settings.ReviewerSettings;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The status bar: which gateway and whether it answers, when the queue last synced, and the signing key. */
public final class StatusViewModel {
    /** The connection as the status bar shows it. */
    public enum Connection { STARTING, CONNECTED, OFFLINE }

    private final Messages messages;
    private final ReadOnlyStringWrapper gateway = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Boolean> started = new ReadOnlyObjectWrapper<>(false);
    private final ReadOnlyStringWrapper startError = new ReadOnlyStringWrapper();
    private final ObjectBinding<Connection> connection;
    private final StringBinding connectionText;
    private final StringBinding lastSyncText;
    private final StringBinding keyText;
    private final StringBinding openText;

    public StatusViewModel(Messages messages, TimeTexts time, QueueViewModel queue, SigningSession session) {
        this.messages = messages;
        gateway.set(messages.get("status.gateway.starting"));
        connection = Bindings.createObjectBinding(() -> {
            if (startError.get() != null || queue.stateProperty().get() == SyncState.FAILED) {
                return Connection.OFFLINE;
            }
            return started.get() && queue.lastSyncProperty().get() != null ? Connection.CONNECTED : Connection.STARTING;
        }, started, startError, queue.stateProperty(), queue.lastSyncProperty());
        connectionText = Bindings.createStringBinding(() -> switch (connection.get()) {
            case STARTING -> messages.get("status.connection.starting");
            case CONNECTED -> messages.get("status.connection.connected");
            case OFFLINE -> messages.format("status.connection.offline",
                    startError.get() != null ? startError.get() : queue.syncErrorProperty().get());
        }, connection, queue.syncErrorProperty(), startError);
        lastSyncText = Bindings.createStringBinding(() -> queue.lastSyncProperty().get() == null
                ? messages.get("status.lastSync.never")
                : messages.format("status.lastSync", time.localTime(queue.lastSyncProperty().get())),
                queue.lastSyncProperty());
        keyText = Bindings.createStringBinding(() -> {
            ReviewerSettings who = session.reviewerProperty().get();
            if (who == null) {
                return messages.get("status.key.none");
            }
            String state = messages.get(session.unlockedProperty().get() ? "status.key.unlocked" : "status.key.locked");
            String enrollment = session.enrollmentProperty().get() == SigningSession.Enrollment.FAILED
                    ? " · " + messages.get("status.key.notEnrolled") : "";
            return messages.format("status.key", who.reviewer(), KeyTexts.shortId(session.keyIdProperty().get()),
                    state) + enrollment;
        }, session.reviewerProperty(), session.keyIdProperty(), session.unlockedProperty(),
                session.enrollmentProperty());
        openText = Bindings.createStringBinding(() -> messages.format("status.open",
                queue.openCountProperty().get()), queue.openCountProperty());
    }

    void started(String gatewayUrl, boolean embeddedDemo) {
        gateway.set(embeddedDemo ? messages.format("status.gateway.demo", gatewayUrl) : gatewayUrl);
        startError.set(null);
        started.set(true);
    }

    void failed(String message) {
        gateway.set(messages.get("status.gateway.none"));
        startError.set(message);
    }

    public ReadOnlyStringProperty gatewayProperty() {
        return gateway.getReadOnlyProperty();
    }

    public ObjectBinding<Connection> connectionProperty() {
        return connection;
    }

    public StringBinding connectionTextProperty() {
        return connectionText;
    }

    public StringBinding lastSyncTextProperty() {
        return lastSyncText;
    }

    public StringBinding keyTextProperty() {
        return keyText;
    }

    public StringBinding openTextProperty() {
        return openText;
    }
}
