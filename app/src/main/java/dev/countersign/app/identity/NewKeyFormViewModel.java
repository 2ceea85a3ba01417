package dev.countersign.app.identity;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.TaskRunner;
import dev.countersign.app.common.UserErrors;
import dev.countersign.app.keys.SoftwareKeyFile;
import dev.countersign.app.settings.ReviewerSettings;
import dev.countersign.app.settings.UnlockPeriod;
import dev.countersign.model.crypto.Signer;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * First run: say who you are and choose where the key lives: a new software key under a passphrase (typed twice), or
 * a key on a hardware token (see {@link TokenChoiceViewModel}); then the key is made in the background. The
 * passphrase itself is never kept here: the view reports what was typed through {@link #passphraseChanged} and hands
 * the characters over once, to {@link #create}, which wipes them.
 */
public final class NewKeyFormViewModel {
    /** How a hint should look. */
    public enum Hint { NEUTRAL, PROBLEM, GOOD }

    /** Where the new key lives. */
    public enum Source { SOFTWARE, TOKEN }

    /** Creates the key; runs in the background. */
    @FunctionalInterface
    public interface KeyCreator {
        Signer create(ReviewerSettings who, char[] passphrase) throws Exception;
    }

    /** Uses an existing key on a token, or makes one; runs in the background. */
    @FunctionalInterface
    public interface TokenKeyUser {
        Signer use(ReviewerSettings who, java.nio.file.Path library, dev.countersign.app.keys.TokenInfo token,
                String existingLabel, String newLabel, char[] pin) throws Exception;
    }

    private final Messages messages;
    private final TaskRunner runner;
    private final UserErrors errors;
    private final List<String> roles;
    private final KeyCreator creator;
    private final BiConsumer<ReviewerSettings, Signer> onCreated;
    private final Runnable onCancelled;

    private final StringProperty reviewer = new SimpleStringProperty("");
    private final StringProperty displayName = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper passphraseHint = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Hint> passphraseHintKind = new ReadOnlyObjectWrapper<>(Hint.NEUTRAL);
    private final BooleanProperty passphraseAcceptable = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper closed = new ReadOnlyBooleanWrapper(false);
    private final ObjectProperty<String> reviewerProblem = new SimpleObjectProperty<>();
    private final BooleanBinding canCreate;
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(Source.SOFTWARE);
    private final ObjectProperty<UnlockPeriod> period = new SimpleObjectProperty<>();
    private final TokenChoiceViewModel token;
    private final TokenKeyUser tokenUser;

    /** A software key only (no token choice). */
    public NewKeyFormViewModel(Messages messages, TaskRunner runner, UserErrors errors, ReviewerSettings defaults,
            KeyCreator creator, BiConsumer<ReviewerSettings, Signer> onCreated, Runnable onCancelled) {
        this(messages, runner, errors, defaults, creator, null, null, onCreated, onCancelled);
    }

    /** The console's first run: a software key, or a key on a token from the libraries found on this machine. */
    public NewKeyFormViewModel(Messages messages, TaskRunner runner, UserErrors errors, ReviewerSettings defaults,
            ReviewerKeys keys, BiConsumer<ReviewerSettings, Signer> onCreated, Runnable onCancelled) {
        this(messages, runner, errors, defaults, keys::create, keys::useToken,
                TokenChoiceViewModel.forThisMachine(messages, runner, errors, keys), onCreated, onCancelled);
    }

    public NewKeyFormViewModel(Messages messages, TaskRunner runner, UserErrors errors, ReviewerSettings defaults,
            KeyCreator creator, TokenKeyUser tokenUser, TokenChoiceViewModel token,
            BiConsumer<ReviewerSettings, Signer> onCreated, Runnable onCancelled) {
        this.tokenUser = tokenUser;
        this.token = token;
        this.period.set(defaults.unlockPeriod());
        this.messages = messages;
        this.runner = runner;
        this.errors = errors;
        this.roles = defaults.roles();
        this.creator = creator;
        this.onCreated = onCreated;
        this.onCancelled = onCancelled;
        reviewer.set(defaults.reviewer());
        displayName.set(defaults.displayName());
        reviewerProblem.bind(Bindings.createObjectBinding(this::checkIdentity, reviewer, displayName));
        javafx.beans.value.ObservableBooleanValue keyReady = token == null ? passphraseAcceptable
                : Bindings.when(source.isEqualTo(Source.TOKEN)).then(token.readyProperty()).otherwise(passphraseAcceptable);
        canCreate = Bindings.and(keyReady, reviewerProblem.isNull()).and(busy.not()).and(closed.not());
        passphraseChanged("", "");
    }

    /** The view calls this whenever either passphrase field changes; the text is not kept. */
    public void passphraseChanged(CharSequence first, CharSequence second) {
        String problem = passphraseProblem(first);
        if (first.length() == 0) {
            hint(Hint.NEUTRAL, messages.format("firstRun.hint.start", SoftwareKeyFile.MIN_PASSPHRASE_LENGTH), false);
        } else if (problem != null) {
            hint(Hint.PROBLEM, problem, false);
        } else if (second.length() == 0) {
            hint(Hint.NEUTRAL, messages.get("firstRun.hint.confirm"), false);
        } else if (!contentEquals(first, second)) {
            hint(Hint.PROBLEM, messages.get("firstRun.hint.mismatch"), false);
        } else {
            hint(Hint.GOOD, messages.get("firstRun.hint.match"), true);
        }
    }

    /** Creates the key with the given passphrase (wiped afterwards); the window closes on success. */
    public void create(char[] passphrase) {
        if (!canCreate.get()) {
            Arrays.fill(passphrase, '\0');
            return;
        }
        ReviewerSettings who = new ReviewerSettings(reviewer.get().strip(), displayName.get().strip(), roles);
        makeKey("create reviewer key", who, passphrase, () -> creator.create(who, passphrase));
    }

    /** Uses the key chosen on the token, with the PIN (wiped afterwards); the window closes on success. */
    public void useToken(char[] pin) {
        if (token == null || source.get() != Source.TOKEN || !canCreate.get()) {
            Arrays.fill(pin, '\0');
            return;
        }
        ReviewerSettings who = new ReviewerSettings(reviewer.get().strip(), displayName.get().strip(), roles);
        java.nio.file.Path library = token.libraryPath();
        dev.countersign.app.keys.TokenInfo chosen = token.tokenProperty().get();
        String existing = token.existingLabel();
        String newLabel = token.newLabel();
        makeKey(existing == null ? "make key on token" : "use key on token", who, pin,
                () -> tokenUser.use(who, library, chosen, existing, newLabel, pin));
    }

    /** Runs the key work in the background, wipes the secret whatever happens, and closes the window on success. */
    private void makeKey(String name, ReviewerSettings who, char[] secret, TaskRunner.Work<Signer> work) {
        busy.set(true);
        error.set(null);
        runner.run(name, () -> {
            try {
                return work.call();
            } finally {
                Arrays.fill(secret, '\0');
            }
        }, signer -> {
            busy.set(false);
            closed.set(true);
            onCreated.accept(who, signer);
        }, e -> {
            busy.set(false);
            error.set(errors.message(e));
        });
    }

    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    /** How long the new key stays unlocked after this window. */
    public ObjectProperty<UnlockPeriod> periodProperty() {
        return period;
    }

    /** The token part of the form; null when only a software key is offered. */
    public TokenChoiceViewModel token() {
        return token;
    }

    public void cancel() {
        if (busy.get() || closed.get()) {
            return;
        }
        closed.set(true);
        onCancelled.run();
    }

    private String checkIdentity() {
        String who = reviewer.get() == null ? "" : reviewer.get().strip();
        if (who.isEmpty()) {
            return messages.get("firstRun.problem.reviewerMissing");
        }
        if (who.chars().anyMatch(Character::isWhitespace) || !who.contains("@")) {
            return messages.get("firstRun.problem.reviewerShape");
        }
        if (displayName.get() == null || displayName.get().isBlank()) {
            return messages.get("firstRun.problem.nameMissing");
        }
        return null;
    }

    private String passphraseProblem(CharSequence first) {
        int min = SoftwareKeyFile.MIN_PASSPHRASE_LENGTH;
        if (first.length() < min) {
            return messages.format("firstRun.hint.tooShort", min, first.length());
        }
        if (first.chars().allMatch(c -> c == first.charAt(0))) {
            return messages.get("firstRun.hint.repeated");
        }
        return null;
    }

    private void hint(Hint kind, String text, boolean acceptable) {
        passphraseHintKind.set(kind);
        passphraseHint.set(text);
        passphraseAcceptable.set(acceptable);
    }

    private static boolean contentEquals(CharSequence a, CharSequence b) {
        if (a.length() != b.length()) {
            return false;
        }
        int diff = 0;
        for (int i = 0; i < a.length(); i++) {
            diff |= a.charAt(i) ^ b.charAt(i);
        }
        return diff == 0;
    }

    public StringProperty reviewerProperty() {
        return reviewer;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public ReadOnlyObjectProperty<String> identityProblemProperty() {
        return reviewerProblem;
    }

    public ReadOnlyStringProperty passphraseHintProperty() {
        return passphraseHint.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Hint> passphraseHintKindProperty() {
        return passphraseHintKind.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty closedProperty() {
        return closed.getReadOnlyProperty();
    }

    public BooleanBinding canCreateProperty() {
        return canCreate;
    }

    public List<String> roles() {
        return roles;
    }
}
