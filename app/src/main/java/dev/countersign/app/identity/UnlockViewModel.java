package dev.countersign.app.identity;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.TaskRunner;
import dev.countersign.app.common.UserErrors;
import dev.countersign.app.keys.WrongPassphraseException;
import dev.countersign.app.keys.WrongPinException;
import dev.countersign.app.settings.KeySource;
import dev.countersign.app.settings.UnlockPeriod;
import dev.countersign.model.crypto.Signer;
import java.util.Arrays;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Asks for the passphrase of the existing key (or the PIN of the token that holds it) and for how long it should
 * stay unlocked. A wrong passphrase or PIN leaves the window open with a clear message and changes nothing; the
 * reviewer may try again or cancel.
 */
public final class UnlockViewModel {
    /** Opens the key; runs in the background. */
    @FunctionalInterface
    public interface Unlocker {
        Signer unlock(char[] passphrase) throws Exception;
    }

    private final TaskRunner runner;
    private final UserErrors errors;
    private final Unlocker unlocker;
    private final Consumer<Signer> onUnlocked;
    private final Runnable onCancelled;

    private final ReadOnlyStringWrapper prompt = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper closed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper failedAttempts = new ReadOnlyIntegerWrapper(0);
    private final ObjectProperty<UnlockPeriod> period = new SimpleObjectProperty<>(UnlockPeriod.ONLY_TO_SIGN);
    private final boolean pin;
    private final String secretLabel;

    /** A software key's passphrase, unlocked only to sign. */
    public UnlockViewModel(Messages messages, TaskRunner runner, UserErrors errors, String reviewer, String keyId,
            Unlocker unlocker, Consumer<Signer> onUnlocked, Runnable onCancelled) {
        this(messages, runner, errors, reviewer, keyId, KeySource.software(), UnlockPeriod.ONLY_TO_SIGN, unlocker,
                onUnlocked, onCancelled);
    }

    /**
     * The passphrase of a software key or the PIN of a token key (the prompt names the token), with the unlock
     * period preset to {@code remembered}; {@link #periodProperty()} says what the reviewer chose.
     */
    public UnlockViewModel(Messages messages, TaskRunner runner, UserErrors errors, String reviewer, String keyId,
            KeySource source, UnlockPeriod remembered, Unlocker unlocker, Consumer<Signer> onUnlocked,
            Runnable onCancelled) {
        this.runner = runner;
        this.errors = errors;
        this.unlocker = unlocker;
        this.onUnlocked = onUnlocked;
        this.onCancelled = onCancelled;
        this.pin = source.isToken();
        this.secretLabel = messages.get(pin ? "unlock.pin" : "unlock.passphrase");
        period.set(remembered == null ? UnlockPeriod.ONLY_TO_SIGN : remembered);
        prompt.set(pin ? messages.format("unlock.promptPin", reviewer, KeyTexts.shortId(keyId), source.tokenLabel(),
                        source.tokenSerial(), source.keyLabel())
                : messages.format("unlock.prompt", reviewer, KeyTexts.shortId(keyId)));
    }

    /** How long the key stays unlocked once opened; the view binds its choice to this. */
    public ObjectProperty<UnlockPeriod> periodProperty() {
        return period;
    }

    /** True if the key is on a token (ask for its PIN), false for the key file's passphrase. */
    public boolean asksForPin() {
        return pin;
    }

    /** "Passphrase" or "PIN". */
    public String secretLabel() {
        return secretLabel;
    }

    /** Tries the passphrase (wiped afterwards). */
    public void unlock(char[] passphrase) {
        if (busy.get() || closed.get()) {
            Arrays.fill(passphrase, '\0');
            return;
        }
        busy.set(true);
        error.set(null);
        runner.run("unlock reviewer key", () -> {
            try {
                return unlocker.unlock(passphrase);
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        }, signer -> {
            busy.set(false);
            closed.set(true);
            onUnlocked.accept(signer);
        }, e -> {
            busy.set(false);
            if (e instanceof WrongPassphraseException || e instanceof WrongPinException) {
                failedAttempts.set(failedAttempts.get() + 1);
            }
            error.set(errors.message(e));
        });
    }

    public void cancel() {
        if (busy.get() || closed.get()) {
            return;
        }
        closed.set(true);
        onCancelled.run();
    }

    public ReadOnlyStringProperty promptProperty() {
        return prompt.getReadOnlyProperty();
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

    public ReadOnlyIntegerProperty failedAttemptsProperty() {
        return failedAttempts.getReadOnlyProperty();
    }
}
