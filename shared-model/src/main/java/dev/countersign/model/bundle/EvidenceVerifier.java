package dev.countersign.model.bundle;

import java.security.PublicKey;

/**
 * Checks evidence without trusting whoever holds it: each record's signature with the key its reviewer enrolled, that
 * key's enrollment at the time, the record's place in the log under the gateway's signed checkpoint, and the digests
 * of the proposal and context it is bound to. Records are checked in parallel.
 */
public final class EvidenceVerifier {
    private EvidenceVerifier() {}

    /**
     * @param pinnedGatewayKey the gateway key the caller trusts (obtained out of band), or null to take the key the
     *                         evidence carries (then a warning says the anchor is unpinned)
     * @param threads          how many threads check records (1 for none in parallel)
     */
    public static EvidenceResult verify(Evidence evidence, PublicKey pinnedGatewayKey, int threads) {
        throw new UnsupportedOperationException("contract stub: implemented in issue 6");
    }
}
