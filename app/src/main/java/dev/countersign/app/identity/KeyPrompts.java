package dev.countersign.app.identity;

/**
 * The two windows that ask for a passphrase. Each shows its view model and closes itself when the view model says
 * it is closed; a test fakes them by calling the view model's commands.
 */
public interface KeyPrompts {
    /** First run: a new passphrase (twice) and who the reviewer is. */
    void showNewKey(NewKeyFormViewModel form);

    /** Later runs: the passphrase that unlocks the existing key; stays open after a wrong one. */
    void showUnlock(UnlockViewModel unlock);
}
