package dev.countersign.model.bundle;

import dev.countersign.model.crypto.Signer;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;

/**
 * Writes evidence as a bundle file: to a temporary file beside the target, then moved into place, so a cancelled or
 * failed export leaves nothing behind. Every item must carry its proposal and context.
 */
public final class BundleWriter {
    private BundleWriter() {}

    /** Who exports, when, and with what (written into the manifest). */
    public record Export(String exportedBy, Instant exportedAt, String producer) {}

    /**
     * @throws java.util.concurrent.CancellationException when {@code progress} says so; nothing is left at target
     * @throws IllegalArgumentException when the evidence is incomplete (an item without its proposal or context, no
     *                                  checkpoint, a record the log segment does not cover); the message says which
     */
    public static void write(Evidence evidence, Export export, Signer exporter, Path target, BundleProgress progress)
            throws IOException, GeneralSecurityException {
        throw new UnsupportedOperationException("contract stub: implemented in issue 6");
    }
}
