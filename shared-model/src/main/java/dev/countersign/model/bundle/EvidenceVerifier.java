package dev.countersign.model.bundle;

import dev.countersign.model.crypto.KeyIds;
import dev.countersign.model.crypto.PublicKeys;
import java.security.Provider;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

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
        return verify(evidence, pinnedGatewayKey, threads, null);
    }

    /**
     * As {@link #verify(Evidence, PublicKey, int)}, with the decision records' signatures checked by the given JCA
     * provider's engines (Bouncy Castle's verifies Ed25519 several times faster than the JDK's); null for the JDK's.
     * The provider needs not be registered with {@code Security.addProvider}.
     */
    public static EvidenceResult verify(Evidence evidence, PublicKey pinnedGatewayKey, int threads, Provider provider) {
        return check(evidence, pinnedGatewayKey, threads, provider, false, BundleProgress.NONE, KnownDigests.NONE);
    }

    /**
     * @param complete true for a bundle, which must hold everything: what is not held is then an error, not a warning
     * @throws CancellationException when {@code progress} says so
     */
    static EvidenceResult check(Evidence evidence, PublicKey pinnedGatewayKey, int threads, Provider provider,
            boolean complete, BundleProgress progress, KnownDigests known) {
        List<Finding> findings = new ArrayList<>();
        PublicKey gatewayKey = gatewayKey(evidence, pinnedGatewayKey, findings);
        String gatewayKeyId = gatewayKey == null ? null : KeyIds.of(gatewayKey);
        LogAnchor log = LogAnchor.check(evidence.checkpoint(), gatewayKey, evidence.log(), complete, known, findings);
        RecordChecker checker = new RecordChecker(new KeyDirectory(evidence.reviewers()),
                new RecordSignatures(provider), gatewayKey, gatewayKeyId, log, complete, known);
        List<RecordCheck> records = checkAll(evidence.items(), checker, Math.max(1, threads), progress);
        return new EvidenceResult(gatewayKeyId, log.checkpoint, records, findings);
    }

    /** The key the evidence is anchored to: the pinned one, else the one it carries (with a warning). */
    private static PublicKey gatewayKey(Evidence evidence, PublicKey pinned, List<Finding> findings) {
        PublicKey carried = null;
        if (evidence.gatewayPublicKey() != null) {
            try {
                carried = PublicKeys.fromBase64(evidence.gatewayPublicKey());
            } catch (IllegalArgumentException e) {
                findings.add(Finding.error(BundleFormat.GATEWAY_KEY, null, "gateway-key-unreadable",
                        "the gateway key cannot be read: " + e.getMessage()));
            }
        }
        if (pinned != null) {
            if (carried != null && !KeyIds.of(carried).equals(KeyIds.of(pinned))) {
                findings.add(Finding.error(BundleFormat.GATEWAY_KEY, null, "gateway-key-not-pinned",
                        "the gateway key carried (" + KeyIds.of(carried) + ") is not the pinned gateway key ("
                                + KeyIds.of(pinned) + ")"));
            }
            return pinned;
        }
        if (carried != null) {
            findings.add(Finding.warning(BundleFormat.GATEWAY_KEY, null, "gateway-key-unpinned",
                    "no gateway key was pinned, so the evidence is checked against the key it carries: compare its key"
                            + " id " + KeyIds.of(carried) + " with the gateway's key id obtained out of band"));
        }
        return carried;
    }

    private static List<RecordCheck> checkAll(List<EvidenceItem> items, RecordChecker checker, int threads,
            BundleProgress progress) {
        long total = items.size();
        AtomicLong done = new AtomicLong();
        return Parallel.map(items, threads, checker::check, progress,
                () -> progress.progress(done.incrementAndGet(), total));
    }
}
