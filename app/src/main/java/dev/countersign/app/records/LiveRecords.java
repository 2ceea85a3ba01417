package dev.countersign.app.records;

import dev.countersign.app.cache.ConsoleCache;
import dev.countersign.app.common.Verification;
import dev.countersign.model.bundle.Evidence;
import dev.countersign.model.bundle.EvidenceResult;
import dev.countersign.model.bundle.EvidenceVerifier;
import dev.countersign.model.crypto.PublicKeys;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The console's records: everything its cache holds, verified afresh on each read. The gateway key they are checked
 * against is the one the cache is bound to (the console checked every synced checkpoint with it), so a record is
 * judged against the gateway this console works with, not against a key the evidence merely carries.
 */
public final class LiveRecords implements RecordsSource {
    private final Supplier<Optional<ConsoleCache>> cache;
    private volatile EvidenceResult lastResult;
    private volatile List<Object> lastFingerprint;
    private volatile List<RecordRow> lastRows;

    public LiveRecords(Supplier<Optional<ConsoleCache>> cache) {
        this.cache = cache;
    }

    @Override
    public List<RecordRow> load() {
        Optional<ConsoleCache> open = cache.get();
        if (open.isEmpty()) {
            return List.of(); // the cache is still opening; the first sync reloads
        }
        ConsoleCache cache = open.get();
        // the console reloads after every sync round (every few seconds); only a round that brought records, bound
        // versions, log entries or a checkpoint changes what verification would find
        List<Object> fingerprint = List.of(cache.file(), cache.records().size(), cache.evidence().logSize(),
                cache.evidence().unbound().size(), cache.evidence().checkpoint().map(c -> c.size()).orElse(-1L));
        if (fingerprint.equals(lastFingerprint) && lastRows != null) {
            return lastRows;
        }
        Evidence evidence = cache.evidence().all();
        PublicKey gateway = evidence.gatewayPublicKey() == null ? null
                : PublicKeys.fromBase64(evidence.gatewayPublicKey());
        EvidenceResult result = EvidenceVerifier.verify(evidence, gateway, Verification.threads(),
                Verification.provider());
        lastResult = result;
        lastRows = EvidenceRows.from(evidence, result);
        lastFingerprint = fingerprint;
        return lastRows;
    }

    /** The newest verification, for the facts a decision report states (null before the first read). */
    public EvidenceResult lastResult() {
        return lastResult;
    }
}
