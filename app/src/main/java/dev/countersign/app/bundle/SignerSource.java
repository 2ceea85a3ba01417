package dev.countersign.app.bundle;

import dev.countersign.model.crypto.Signer;
import java.util.function.Consumer;

/**
 * Unlocks the reviewer's key for one use: the console's {@code KeyGate::withSigner}, which asks for the passphrase or
 * PIN as usual. Exactly one of the callbacks runs, on the UI thread.
 */
@FunctionalInterface
public interface SignerSource {
    void withSigner(Consumer<Signer> use, Runnable cancelled);
}
