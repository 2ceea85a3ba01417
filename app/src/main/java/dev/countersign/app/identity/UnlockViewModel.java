package dev.countersign.app.identity;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.TaskRunner;
import dev.countersign.app.common.UserErrors;
import dev.countersign.app.keys.WrongPassphraseException;
import dev.countersign.model.crypto.Signer;
import java.util.Arrays;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Asks for the passphrase of the existing key. A wrong passphrase leaves the window open with a clear message and
 * changes nothing on disk; the reviewer may try again or cancel.
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

    public UnlockViewModel(Messages messages, TaskRunner runner, UserErrors errors, String reviewer, String keyId,
            Unlocker unlocker, Consumer<Signer> onUnlocked, Runnable onCancelled) {
        this.runner = runner;
        this.errors = errors;
        this.unlocker = unlocker;
        this.onUnlocked = onUnlocked;
        this.onCancelled = onCancelled;
        prompt.set(messages.format("unlock.prompt", reviewer, KeyTexts.shortId(keyId)));
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
            if (e instanceof WrongPassphraseException) {
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
