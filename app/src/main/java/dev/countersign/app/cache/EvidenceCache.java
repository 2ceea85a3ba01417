package dev.countersign.app.cache;

import dev.countersign.model.bundle.Evidence;
import java.util.Collection;

/**
 * What the console holds to prove decisions offline: every synced decision record with the proposal version and
 * context it is bound to, the reviewers' keys, the gateway's key, its newest synced checkpoint and the log entries.
 */
public final class EvidenceCache {
    private final CacheDatabase db;

    EvidenceCache(CacheDatabase db) {
        this.db = db;
    }

    /** Everything held, records in log order; the log segment runs from the lowest record's index. */
    public Evidence all() {
        throw new UnsupportedOperationException("contract stub: implemented in issue 6");
    }

    /**
     * The given records (unknown ids are left out), in log order, with the reviewers they name and the log segment
     * from the lowest of them up to the checkpoint's last entry.
     */
    public Evidence forRecords(Collection<String> recordIds) {
        throw new UnsupportedOperationException("contract stub: implemented in issue 6");
    }
}
