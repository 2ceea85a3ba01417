package dev.countersign.app.records;

import dev.countersign.model.bundle.Evidence;
import dev.countersign.model.bundle.EvidenceItem;
import dev.countersign.model.bundle.EvidenceResult;
import dev.countersign.model.bundle.EvidenceVerifier;
import dev.countersign.model.bundle.RecordCheck;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/** Evidence and what its verification found, as the records view's rows: one per item, in the evidence's order. */
public final class EvidenceRows {
    private EvidenceRows() {}

    /**
     * Pairs each item with its check. The verifier returns one check per item in the order given; should the counts
     * differ, items past the checks get none (every state then reads unknown) rather than another record's.
     */
    public static List<RecordRow> from(Evidence evidence, EvidenceResult result) {
        List<EvidenceItem> items = evidence.items();
        List<RecordCheck> checks = result.records();
        List<RecordRow> rows = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            EvidenceItem item = items.get(i);
            RecordCheck check = i < checks.size() ? checks.get(i) : null;
            if (check != null && !check.recordId().equals(item.record().recordId())) {
                check = null; // never show one record's check against another
            }
            rows.add(new RecordRow(item.record(), check, item.proposal(), item.context()));
        }
        return rows;
    }

    /** Verifies {@code evidence} (on all cores) and returns its rows. Blocks: call it off the UI thread. */
    public static List<RecordRow> verify(Evidence evidence, PublicKey pinnedGatewayKey) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        return from(evidence, EvidenceVerifier.verify(evidence, pinnedGatewayKey, threads,
                dev.countersign.app.common.Verification.provider()));
    }

    /** A records source that reads evidence and verifies it on every load. */
    public static RecordsSource source(EvidenceSupplier evidence, PublicKey pinnedGatewayKey) {
        return () -> verify(evidence.get(), pinnedGatewayKey);
    }

    /** Evidence read on demand (the console's cache: {@code cache.evidence()::all}). */
    @FunctionalInterface
    public interface EvidenceSupplier {
        Evidence get() throws Exception;
    }
}
