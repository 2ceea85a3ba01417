package dev.countersign.app.common;

/** Tells the user something in a window of its own. Implemented by the console's dialog service; faked in tests. */
public interface Alerts {

    /**
     * Shows a problem in plain words. {@code details} (technical, e.g. a stack trace) is never shown, only offered
     * through a "copy details" button; it must not hold secrets.
     */
    void showError(String title, String message, String details);

    /** Shows information; {@code copyable} (may be null) is offered for copying, e.g. a public key. */
    void showInfo(String title, String message, String copyable);

    /**
     * Asks a yes/no question whose yes does something that cannot be undone lightly; never blocks. Exactly one of the
     * callbacks runs, on the UI thread.
     */
    void confirm(String title, String message, String confirmLabel, Runnable onConfirm, Runnable onDecline);
}
