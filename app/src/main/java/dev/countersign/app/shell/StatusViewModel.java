package dev.countersign.app.shell;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.TimeTexts;
import dev.countersign.app.identity.KeyTexts;
import dev.countersign.app.identity.RightsTexts;
import dev.countersign.app.identity.SigningSession;
import dev.countersign.app.queue.QueueViewModel.SyncState;
import dev.countersign.app.queue.QueueViewModel;
import dev.countersign.app.settings.ReviewerSettings;
import dev.countersign.model.api.ReviewerView;
import dev.countersign.model.api.SessionGrant;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The status bar: which gateway and whether it answers, when the queue last synced, and the signing key. */
public final class StatusViewModel {
    /** The connection as the status bar shows it. */
    public enum Connection { STARTING, CONNECTED, SIGNED_OUT, OFFLINE }

    private final Messages messages;
    private final ReadOnlyStringWrapper gateway = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Boolean> started = new ReadOnlyObjectWrapper<>(false);
    private final ReadOnlyStringWrapper startError = new ReadOnlyStringWrapper();
    private final ObjectBinding<Connection> connection;
    private final StringBinding connectionText;
    private final StringBinding lastSyncText;
    private final StringBinding outboxText;
    private final StringBinding connectionTip;
    private final StringBinding refusedText;
    private final StringBinding keyText;
    private final StringBinding identityText;
    private final RightsTexts rights;
    private final StringBinding openText;
    private final ReadOnlyObjectWrapper<Optional<SessionGrant>> sessionGrant =
            new ReadOnlyObjectWrapper<>(Optional.empty());
    private final StringBinding sessionText;
    private final BooleanBinding signInOffered;

    public StatusViewModel(Messages messages, TimeTexts time, QueueViewModel queue, SigningSession session) {
        this.messages = messages;
        this.rights = new RightsTexts(messages);
        gateway.set(messages.get("status.gateway.starting"));
        connection = Bindings.createObjectBinding(() -> {
            if (startError.get() != null || queue.stateProperty().get() == SyncState.FAILED
                    || queue.stateProperty().get() == SyncState.OFFLINE) {
                return Connection.OFFLINE;
            }
            if (queue.stateProperty().get() == SyncState.SIGNED_OUT) {
                return Connection.SIGNED_OUT;
            }
            return started.get() && queue.lastSyncProperty().get() != null ? Connection.CONNECTED : Connection.STARTING;
        }, started, startError, queue.stateProperty(), queue.lastSyncProperty());
        connectionText = Bindings.createStringBinding(() -> switch (connection.get()) {
            case STARTING -> queue.receivedProperty().get() > 0
                    ? messages.format("status.connection.syncing", queue.receivedProperty().get())
                    : messages.get("status.connection.starting");
            case CONNECTED -> queue.receivedProperty().get() > 0
                    ? messages.format("status.connection.syncing", queue.receivedProperty().get())
                    : messages.get("status.connection.connected");
            case SIGNED_OUT -> messages.get("status.connection.signedOut");
            case OFFLINE -> startError.get() == null && queue.stateProperty().get() == SyncState.OFFLINE
                    ? messages.get("status.connection.offline.cached")
                    : messages.format("status.connection.offline",
                            startError.get() != null ? startError.get() : queue.syncErrorProperty().get());
        }, connection, queue.syncErrorProperty(), startError, queue.receivedProperty(), queue.stateProperty());
        connectionTip = Bindings.createStringBinding(() -> connection.get() == Connection.OFFLINE
                && startError.get() == null && queue.stateProperty().get() == SyncState.OFFLINE
                ? messages.format("status.connection.offline.cachedTip", queue.syncErrorProperty().get())
                : connectionText.get(), connection, connectionText, queue.syncErrorProperty(), startError,
                queue.stateProperty());
        outboxText = Bindings.createStringBinding(() -> queue.waitingProperty().get() == 0 ? ""
                : messages.format("status.outbox.waiting", queue.waitingProperty().get()), queue.waitingProperty());
        refusedText = Bindings.createStringBinding(() -> queue.notRecorded().isEmpty() ? ""
                : messages.format("status.outbox.refused", queue.notRecorded().size()), queue.notRecorded());
        lastSyncText = Bindings.createStringBinding(() -> queue.lastSyncProperty().get() == null
                ? messages.get("status.lastSync.never")
                : messages.format("status.lastSync", time.localTime(queue.lastSyncProperty().get())),
                queue.lastSyncProperty());
        keyText = Bindings.createStringBinding(() -> {
            ReviewerSettings who = session.reviewerProperty().get();
            if (who == null) {
                return messages.get("status.key.none");
            }
            String state = !session.unlockedProperty().get() ? messages.get("status.key.locked")
                    : session.unlockedUntilProperty().get() == null ? messages.get("status.key.unlocked")
                    : messages.format("status.key.unlockedUntil", time.localTime(session.unlockedUntilProperty().get()));
            String enrollment = session.enrollmentProperty().get() == SigningSession.Enrollment.FAILED
                    ? " · " + messages.get("status.key.notEnrolled") : "";
            ReviewerView known = session.knownProperty().get();
            if (known == null) {
                return messages.format("status.key", who.reviewer(), KeyTexts.shortId(session.keyIdProperty().get()),
                        state) + enrollment;
            }
            String upTo = known.rights() == null ? rights.rights(null)
                    : messages.format("status.rights.upTo", known.rights().maxTier().json());
            return messages.format("status.keyRights", who.reviewer(), KeyTexts.shortId(session.keyIdProperty().get()),
                    algorithm(known, session.keyIdProperty().get()), upTo, state) + enrollment;
        }, session.reviewerProperty(), session.keyIdProperty(), session.unlockedProperty(),
                session.unlockedUntilProperty(),
                session.enrollmentProperty(), session.knownProperty());
        identityText = Bindings.createStringBinding(() -> {
            ReviewerSettings who = session.reviewerProperty().get();
            if (who == null) {
                return messages.get("status.key.none");
            }
            String keyId = session.keyIdProperty().get();
            ReviewerView known = session.knownProperty().get();
            if (known == null) {
                return messages.format("identity.unknown", who.reviewer(), KeyTexts.shortId(keyId));
            }
            boolean revoked = known.keys().stream().anyMatch(k -> k.keyId().equals(keyId) && k.revokedAt() != null);
            return messages.format("identity.tooltip", known.displayName(), known.reviewer(), KeyTexts.shortId(keyId),
                    algorithm(known, keyId), revoked ? messages.get("identity.keyRevoked") : "",
                    rights.roles(known.roles()), rights.rights(known.rights()));
        }, session.reviewerProperty(), session.keyIdProperty(), session.knownProperty());
        sessionText = Bindings.createStringBinding(() -> sessionGrant.get()
                .map(grant -> messages.format("status.session.until", time.localTime(grant.expiresAt())))
                .orElseGet(() -> messages.get("status.session.none")), sessionGrant);
        signInOffered = Bindings.createBooleanBinding(() -> connection.get() == Connection.SIGNED_OUT
                && session.keyIdProperty().get() != null && !session.keyIdProperty().get().isEmpty(),
                connection, session.keyIdProperty());
        openText = Bindings.createStringBinding(() -> messages.format("status.open",
                queue.openCountProperty().get()), queue.openCountProperty());
    }

    void started(String gatewayUrl, boolean embeddedDemo) {
        gateway.set(embeddedDemo ? messages.format("status.gateway.demo", gatewayUrl) : gatewayUrl);
        startError.set(null);
        started.set(true);
    }

    /** The reviewer's session opened (with its end) or ended. UI thread. */
    public void session(Optional<SessionGrant> grant) {
        sessionGrant.set(grant);
    }

    /** Signed out with a key to sign in with (not during first run, whose window makes the key). */
    public BooleanBinding signInOfferedProperty() {
        return signInOffered;
    }

    /** When the session ends, or that there is none. */
    public StringBinding sessionTextProperty() {
        return sessionText;
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

    /** Who the console signs as, with which key, roles and rights, as the gateway knows them (several lines). */
    public StringBinding identityTextProperty() {
        return identityText;
    }

    private static String algorithm(ReviewerView known, String keyId) {
        return known.keys().stream().filter(k -> k.keyId().equals(keyId)).map(ReviewerView.Key::algorithm)
                .findFirst().orElse("?");
    }

    /** The connection in full, for its tooltip: offline, why the gateway cannot be reached. */
    public StringBinding connectionTipProperty() {
        return connectionTip;
    }

    /** "2 decisions waiting to be sent", or empty. */
    public StringBinding outboxTextProperty() {
        return outboxText;
    }

    /** "1 decision not recorded" (refused after it was sent from the outbox), or empty. */
    public StringBinding refusedTextProperty() {
        return refusedText;
    }

    public StringBinding openTextProperty() {
        return openText;
    }
}
