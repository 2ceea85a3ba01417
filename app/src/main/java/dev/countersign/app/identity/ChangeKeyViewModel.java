package dev.countersign.app.identity;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.TaskRunner;
import dev.countersign.app.common.UserErrors;
import dev.countersign.app.keys.SoftwareKeyFile;
import dev.countersign.app.settings.ReviewerSettings;
import dev.countersign.app.sync.GatewayProblemException;
import dev.countersign.model.crypto.Signer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Rotating to a new key (in the key file, or on the token) or importing one from a PKCS#12 file. The current key
 * signs the rotation too: for a software key KeyGate asks for its passphrase if it is locked, for a token key the PIN
 * typed here opens the token. Nothing changes locally unless the gateway accepted the rotation; its refusal is shown
 * in its own words. Secrets are never kept: each is handed over once and wiped.
 */
public final class ChangeKeyViewModel {
    /** What the window does. */
    public enum Mode { ROTATE_SOFTWARE, ROTATE_TOKEN, IMPORT }

    private final Messages messages;
    private final TaskRunner runner;
    private final UserErrors errors;
    private final Mode mode;
    private final ReviewerSettings who;
    private final boolean hasKey;
    private final KeyChanges changes;
    private final KeyGate gate;
    private final KeyChanges.Poster poster;
    private final KeyFiles files;
    private final Consumer<KeyChanges.Rotated> onDone;
    private final Runnable onCancelled;

    private final ObjectProperty<Path> importFile = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<NewKeyFormViewModel.Hint> hintKind =
            new ReadOnlyObjectWrapper<>(NewKeyFormViewModel.Hint.NEUTRAL);
    private final ReadOnlyBooleanWrapper secretAcceptable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper closed = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canSubmit;

    public ChangeKeyViewModel(Messages messages, TaskRunner runner, UserErrors errors, Mode mode, ReviewerSettings who,
            boolean hasKey, KeyChanges changes, KeyGate gate, KeyChanges.Poster poster, KeyFiles files,
            Consumer<KeyChanges.Rotated> onDone, Runnable onCancelled) {
        this.messages = messages;
        this.runner = runner;
        this.errors = errors;
        this.mode = mode;
        this.who = who;
        this.hasKey = hasKey;
        this.changes = changes;
        this.gate = gate;
        this.poster = poster;
        this.files = files;
        this.onDone = onDone;
        this.onCancelled = onCancelled;
        canSubmit = Bindings.createBooleanBinding(() -> secretAcceptable.get() && !busy.get() && !closed.get()
                && (mode != Mode.IMPORT || importFile.get() != null), secretAcceptable, busy, closed, importFile);
        if (mode == Mode.ROTATE_TOKEN) {
            hint.set(messages.format("changeKey.pinHint", who.keySource().tokenLabel()));
        } else {
            passphraseChanged("", "");
        }
    }

    /** For a token: the view reports whether a PIN was typed (the PIN itself is not kept). */
    public void pinChanged(CharSequence pin) {
        secretAcceptable.set(pin.length() > 0);
    }

    /** For a new passphrase: the view reports both fields on every change; the text is not kept. */
    public void passphraseChanged(CharSequence first, CharSequence second) {
        int min = SoftwareKeyFile.MIN_PASSPHRASE_LENGTH;
        if (first.length() == 0) {
            hint(NewKeyFormViewModel.Hint.NEUTRAL, messages.format("firstRun.hint.start", min), false);
        } else if (first.length() < min) {
            hint(NewKeyFormViewModel.Hint.PROBLEM, messages.format("firstRun.hint.tooShort", min, first.length()),
                    false);
        } else if (first.chars().allMatch(c -> c == first.charAt(0))) {
            hint(NewKeyFormViewModel.Hint.PROBLEM, messages.get("firstRun.hint.repeated"), false);
        } else if (second.length() == 0) {
            hint(NewKeyFormViewModel.Hint.NEUTRAL, messages.get("firstRun.hint.confirm"), false);
        } else if (!first.toString().contentEquals(second)) {
            hint(NewKeyFormViewModel.Hint.PROBLEM, messages.get("firstRun.hint.mismatch"), false);
        } else {
            hint(NewKeyFormViewModel.Hint.GOOD, messages.get("firstRun.hint.match"), true);
        }
    }

    /** Asks for the PKCS#12 file to import. */
    public void chooseFile() {
        files.openPkcs12(messages.get("changeKey.import.choose")).ifPresent(importFile::set);
    }

    /**
     * Goes ahead: {@code secret} is the new passphrase (or, for a token, its PIN); {@code filePassphrase} opens the
     * file to import (empty otherwise). Both are wiped.
     */
    public void submit(char[] secret, char[] filePassphrase) {
        if (!canSubmit.get()) {
            wipe(secret, filePassphrase);
            return;
        }
        busy.set(true);
        error.set(null);
        switch (mode) {
            case ROTATE_TOKEN -> run("rotate key on token", () -> changes.rotateOnToken(who, secret, poster),
                    secret, filePassphrase);
            case ROTATE_SOFTWARE -> withOldKey(old -> run("rotate software key",
                    () -> changes.rotateToNewSoftwareKey(who, old, secret, poster), secret, filePassphrase),
                    secret, filePassphrase);
            case IMPORT -> {
                Path file = importFile.get();
                if (hasKey) {
                    withOldKey(old -> run("import key", () -> changes.importPkcs12(who, old, file, filePassphrase,
                            secret, poster), secret, filePassphrase), secret, filePassphrase);
                } else {
                    run("import key", () -> changes.importPkcs12(who, null, file, filePassphrase, secret, poster),
                            secret, filePassphrase);
                }
            }
        }
    }

    private void withOldKey(Consumer<Signer> then, char[] secret, char[] filePassphrase) {
        gate.withSigner(then, () -> {
            wipe(secret, filePassphrase);
            busy.set(false);
            error.set(messages.get("changeKey.notUnlocked"));
        });
    }

    private void run(String name, TaskRunner.Work<KeyChanges.Rotated> work, char[] secret, char[] filePassphrase) {
        runner.run(name, () -> {
            try {
                return work.call();
            } finally {
                wipe(secret, filePassphrase);
            }
        }, done -> {
            busy.set(false);
            closed.set(true);
            onDone.accept(done);
        }, e -> {
            busy.set(false);
            error.set(e instanceof GatewayProblemException refused
                    ? messages.format("changeKey.refused", messages.text(refused.gatewayWords()))
                    : e instanceof dev.countersign.app.sync.GatewayException unreachable
                    ? messages.format("changeKey.unreachable", errors.message(unreachable))
                    : errors.message(e));
        });
    }

    public void cancel() {
        if (busy.get() || closed.get()) {
            return;
        }
        closed.set(true);
        onCancelled.run();
    }

    private void hint(NewKeyFormViewModel.Hint kind, String text, boolean acceptable) {
        hintKind.set(kind);
        hint.set(text);
        secretAcceptable.set(acceptable);
    }

    private static void wipe(char[] a, char[] b) {
        Arrays.fill(a, '\0');
        Arrays.fill(b, '\0');
    }

    public Mode mode() {
        return mode;
    }

    public ReviewerSettings who() {
        return who;
    }

    public ObjectProperty<Path> importFileProperty() {
        return importFile;
    }

    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<NewKeyFormViewModel.Hint> hintKindProperty() {
        return hintKind.getReadOnlyProperty();
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

    public BooleanBinding canSubmitProperty() {
        return canSubmit;
    }
}
