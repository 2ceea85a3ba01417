package dev.countersign.app.identity;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.TaskRunner;
import dev.countersign.app.common.UserErrors;
import dev.countersign.app.settings.KeySource;
import dev.countersign.app.settings.ReviewerSettings;
import dev.countersign.model.api.ReviewerView;
import dev.countersign.model.crypto.PublicKeys;
import dev.countersign.model.crypto.SignatureAlgorithm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The key window: who the console signs as, where the key lives, its id and algorithm, enrollment, decision rights
 * and unlock state, with "Lock now" and "Export public key". Rotation and import open {@link ChangeKeyViewModel}.
 */
public final class KeysViewModel {
    private final Messages messages;
    private final TaskRunner runner;
    private final UserErrors errors;
    private final ReviewerKeys keys;
    private final SigningSession session;
    private final KeyFiles files;
    private final Clock clock;
    private final RightsTexts rights;
    private final SimpleObjectProperty<Instant> now = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final StringBinding reviewer;
    private final StringBinding source;
    private final StringBinding keyId;
    private final StringBinding shortKeyId;
    private final StringBinding algorithm;
    private final StringBinding enrollment;
    private final StringBinding decisionRights;
    private final StringBinding unlockState;
    private TaskRunner.Cancellable ticking;

    public KeysViewModel(Messages messages, TaskRunner runner, UserErrors errors, ReviewerKeys keys,
            SigningSession session, KeyFiles files, Clock clock) {
        this.messages = messages;
        this.runner = runner;
        this.errors = errors;
        this.keys = keys;
        this.session = session;
        this.files = files;
        this.clock = clock;
        this.rights = new RightsTexts(messages);
        now.set(clock.instant());
        Observable[] identity = {session.reviewerProperty(), session.keyIdProperty()};
        reviewer = Bindings.createStringBinding(() -> {
            ReviewerSettings who = session.reviewerProperty().get();
            return who == null ? messages.get("keys.noKey")
                    : messages.format("keys.reviewer.value", who.reviewer(), who.displayName());
        }, identity);
        source = Bindings.createStringBinding(this::sourceText, identity);
        keyId = Bindings.createStringBinding(() -> orEmpty(session.keyIdProperty().get()), identity);
        shortKeyId = Bindings.createStringBinding(() -> KeyTexts.shortId(session.keyIdProperty().get()), identity);
        algorithm = Bindings.createStringBinding(() -> session.publicKey().map(KeysViewModel::algorithmName)
                .orElse(""), identity);
        enrollment = Bindings.createStringBinding(this::enrollmentText, session.enrollmentProperty(),
                session.knownProperty(), session.keyIdProperty());
        decisionRights = Bindings.createStringBinding(() -> {
            ReviewerView known = session.knownProperty().get();
            return known == null ? messages.get("keys.rights.unknown")
                    : rights.rights(known.rights()) + " · " + messages.format("keys.roles", rights.roles(known.roles()));
        }, session.knownProperty());
        unlockState = Bindings.createStringBinding(this::unlockText, session.unlockedProperty(),
                session.unlockedUntilProperty(), now);
    }

    /** Keeps the remaining unlock time current while the window is open. */
    public void opened() {
        if (ticking == null) {
            ticking = runner.every(Duration.ofSeconds(1), () -> now.set(clock.instant()));
        }
    }

    public void closed() {
        if (ticking != null) {
            ticking.cancel();
            ticking = null;
        }
    }

    public void lockNow() {
        session.lockNow();
        message.set(messages.get("keys.locked"));
    }

    /** Saves the public key as PEM where the reviewer says. */
    public void exportPublicKey() {
        PublicKey key = session.publicKey().orElse(null);
        if (key == null) {
            error.set(messages.get("keys.noKey"));
            return;
        }
        String suggested = "countersign-" + KeyTexts.shortId(session.keyIdProperty().get()) + ".pub.pem";
        files.saveTo(messages.get("keys.export.title"), suggested).ifPresent(target -> {
            error.set(null);
            runner.run("export public key", () -> {
                Files.writeString(target, PublicKeys.toPem(key), StandardCharsets.US_ASCII);
                return target;
            }, saved -> message.set(messages.format("keys.exported", saved)),
                    e -> error.set(messages.format("keys.export.failed", target, errors.message(e))));
        });
    }

    /** Text put on the clipboard by "Copy key id" (the view does the copying). */
    public String keyIdForCopy() {
        message.set(messages.get("keys.copied"));
        return keyId.get();
    }

    private String sourceText() {
        if (session.reviewerProperty().get() == null) {
            return "";
        }
        KeySource source = session.reviewerProperty().get().keySource();
        if (source.isToken()) {
            return messages.format("keys.source.token", source.tokenLabel(), source.tokenSerial(), source.keyLabel(),
                    source.library());
        }
        return messages.format("keys.source.software", KeyTexts.homeRelative(keys.keyFile().path()));
    }

    private String enrollmentText() {
        ReviewerView known = session.knownProperty().get();
        String id = session.keyIdProperty().get();
        if (known != null && id != null) {
            for (ReviewerView.Key key : known.keys()) {
                if (key.keyId().equals(id)) {
                    return key.revokedAt() == null
                            ? messages.format("keys.enrolled.since", date(key.enrolledAt()))
                            : messages.format("keys.enrolled.revoked", date(key.revokedAt()));
                }
            }
            return messages.get("keys.enrolled.notThisKey");
        }
        return switch (session.enrollmentProperty().get()) {
            case ENROLLED -> messages.get("keys.enrolled.yes");
            case FAILED -> messages.get("keys.enrolled.failed");
            case UNKNOWN -> messages.get("keys.enrolled.unknown");
        };
    }

    private String unlockText() {
        if (!session.unlockedProperty().get()) {
            return messages.get("keys.unlock.locked");
        }
        Instant until = session.unlockedUntilProperty().get();
        if (until == null) {
            return messages.get("keys.unlock.onlyToSign");
        }
        long seconds = Math.max(0, Duration.between(now.get(), until).getSeconds());
        return messages.format("keys.unlock.until", seconds / 60, seconds % 60);
    }

    static String algorithmName(PublicKey key) {
        try {
            return SignatureAlgorithm.of(key) == SignatureAlgorithm.ED25519 ? "Ed25519" : "ECDSA P-256 (SHA-256)";
        } catch (RuntimeException e) {
            return key.getAlgorithm();
        }
    }

    private String date(Instant instant) {
        return java.time.format.DateTimeFormatter.ISO_LOCAL_DATE.withZone(clock.getZone()).format(instant);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    public StringBinding reviewerProperty() {
        return reviewer;
    }

    public StringBinding sourceProperty() {
        return source;
    }

    public StringBinding keyIdProperty() {
        return keyId;
    }

    public StringBinding shortKeyIdProperty() {
        return shortKeyId;
    }

    public StringBinding algorithmProperty() {
        return algorithm;
    }

    public StringBinding enrollmentProperty() {
        return enrollment;
    }

    public StringBinding rightsProperty() {
        return decisionRights;
    }

    public StringBinding unlockStateProperty() {
        return unlockState;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Shows a line from a finished rotation or import. */
    void say(String text) {
        error.set(null);
        message.set(text);
    }

    public SigningSession session() {
        return session;
    }
}
