package dev.countersign.app.shell;

import dev.countersign.app.common.Alerts;
import dev.countersign.app.identity.KeyPrompts;

/**
 * Every window the console opens besides the main one, behind one interface: view models see only the narrow part
 * they need ({@link Alerts}, {@link KeyPrompts}); tests substitute a fake.
 */
public interface DialogService extends Alerts, KeyPrompts {}
