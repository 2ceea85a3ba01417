package dev.countersign.app.support;

import dev.countersign.app.identity.NewKeyFormViewModel;
import dev.countersign.app.identity.UnlockViewModel;
import dev.countersign.app.shell.DialogService;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Stands in for the console's windows in view-model tests: "types" queued passphrases into the key windows and
 * records what would have been shown. With the synchronous task runner everything happens inside the call.
 */
public final class FakeDialogService implements DialogService {
    /** What a person does in a window: type this passphrase, or close the window. */
    public record Answer(String passphrase) {
        public static Answer type(String passphrase) {
            return new Answer(passphrase);
        }

        public static Answer cancel() {
            return new Answer(null);
        }
    }

    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<String> errors = new ArrayList<>();
    private final List<String> infos = new ArrayList<>();
    private final List<String> confirms = new ArrayList<>();
    private boolean confirmAnswer;
    private final List<String> unlockErrorsSeen = new ArrayList<>();
    private int newKeyWindows;
    private int unlockWindows;
    private NewKeyFormViewModel lastForm;

    public FakeDialogService answer(Answer... next) {
        answers.addAll(List.of(next));
        return this;
    }

    @Override
    public void showNewKey(NewKeyFormViewModel form) {
        newKeyWindows++;
        lastForm = form;
        while (!form.closedProperty().get()) {
            Answer answer = answers.poll();
            if (answer == null || answer.passphrase() == null) {
                form.cancel();
                return;
            }
            form.passphraseChanged(answer.passphrase(), answer.passphrase());
            form.create(answer.passphrase().toCharArray());
        }
    }

    @Override
    public void showUnlock(UnlockViewModel unlock) {
        unlockWindows++;
        while (!unlock.closedProperty().get()) {
            Answer answer = answers.poll();
            if (answer == null || answer.passphrase() == null) {
                unlock.cancel();
                return;
            }
            unlock.unlock(answer.passphrase().toCharArray());
            if (unlock.errorProperty().get() != null) {
                unlockErrorsSeen.add(unlock.errorProperty().get());
            }
        }
    }

    @Override
    public void showError(String title, String message, String details) {
        errors.add(title + ": " + message);
    }

    @Override
    public void showInfo(String title, String message, String copyable) {
        infos.add(title + ": " + message);
    }

    @Override
    public void confirm(String title, String message, String confirmLabel, Runnable onConfirm, Runnable onDecline) {
        confirms.add(title + ": " + message);
        (confirmAnswer ? onConfirm : onDecline).run();
    }

    /** How the next questions are answered (default: no). */
    public FakeDialogService confirmWith(boolean yes) {
        confirmAnswer = yes;
        return this;
    }

    public List<String> confirms() {
        return confirms;
    }

    public List<String> errors() {
        return errors;
    }

    public List<String> infos() {
        return infos;
    }

    public List<String> unlockErrorsSeen() {
        return unlockErrorsSeen;
    }

    public int newKeyWindows() {
        return newKeyWindows;
    }

    public int unlockWindows() {
        return unlockWindows;
    }

    public NewKeyFormViewModel lastForm() {
        return lastForm;
    }
}
