package dev.countersign.model.bundle;

import java.nio.file.Path;
import java.security.PublicKey;

/**
 * Verifies a bundle file offline. It reads the zip with limits (entry count, sizes, compression ratio, names) and
 * never extracts anything to disk; it never throws for what the file holds: a hostile or broken bundle gives a report
 * whose findings name the file and record.
 */
public final class BundleVerifier {
    private BundleVerifier() {}

    /** @param pinnedGatewayKey the gateway key the auditor trusts, or null to take the bundle's own (a warning) */
    public static BundleReport verify(Path bundle, PublicKey pinnedGatewayKey, int threads, BundleProgress progress) {
        throw new UnsupportedOperationException("contract stub: implemented in issue 6");
    }
}
