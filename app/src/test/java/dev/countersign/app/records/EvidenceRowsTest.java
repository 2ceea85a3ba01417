package dev.countersign.app.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.SyncTaskRunner;
import dev.countersign.app.common.UserErrors;
import dev.countersign.app.oversight.OversightFigures;
import dev.countersign.model.bundle.Evidence;
import dev.countersign.model.bundle.EvidenceItem;
import dev.countersign.model.bundle.RecordCheck.State;
import dev.countersign.model.record.DsseEnvelope;
import dev.countersign.model.testing.EvidenceSamples;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Signed evidence, verified for real, as the records view's rows: what the lead's cache source will produce. */
class EvidenceRowsTest {
    @Test
    void everySignedRecordVerifiesAndATamperedOneShowsFailedWithItsFinding() throws Exception {
        EvidenceSamples.Sample sample = EvidenceSamples.build(20);
        List<RecordRow> rows = EvidenceRows.verify(sample.evidence(), null);
        assertEquals(sample.recordIds(), rows.stream().map(RecordRow::recordId).toList());
        assertTrue(rows.stream().allMatch(r -> r.check() != null && r.check().verified()), "all verify");
        assertTrue(rows.stream().anyMatch(r -> "gateway:policy".equals(r.reviewer())));

        // one record's payload altered after signing (a byte appended): its checks fail, the others still verify
        List<EvidenceItem> items = new ArrayList<>(sample.evidence().items());
        EvidenceItem victim = items.get(3);
        DsseEnvelope envelope = victim.record().envelope();
        String payload = new String(Base64.getDecoder().decode(envelope.payload()),
                java.nio.charset.StandardCharsets.UTF_8);
        String altered = Base64.getEncoder().encodeToString((payload + " ")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var record = victim.record();
        items.set(3, new EvidenceItem(new dev.countersign.model.api.DecisionRecordView(record.recordId(),
                record.proposalId(), record.reviewer(), record.keyId(), record.verdict(), record.recordedAt(),
                record.logIndex(), new DsseEnvelope(envelope.payloadType(), altered, envelope.signatures())),
                victim.proposal(), victim.context()));
        Evidence tampered = new Evidence(items, sample.evidence().reviewers(), sample.evidence().gatewayPublicKey(),
                sample.evidence().checkpoint(), sample.evidence().log());

        Messages messages = Messages.load(Locale.ENGLISH);
        RecordsViewModel vm = RecordsViewModel.live(new SyncTaskRunner(),
                Clock.fixed(EvidenceSamples.T0.plusSeconds(86_400), ZoneOffset.UTC),
                EvidenceRows.source(() -> tampered, null), new UserErrors(messages), RecordsViewModel.Actions.NONE);
        vm.reload();
        assertEquals(20, vm.rows().size());
        vm.filterProperty().set(RecordsFilter.ALL.withFailedOnly(true));
        assertEquals(List.of(record.recordId()), vm.visibleRows().stream().map(RecordRow::recordId).toList());
        RecordRow failed = vm.visibleRows().get(0);
        assertTrue(failed.signature() == State.FAILED || failed.inLog() == State.FAILED, failed.check().toString());
        assertFalse(failed.check().findings().isEmpty());
        assertEquals(1, vm.totalFailedProperty().get());

        // the figures from real records: every fifth is an automatic approval
        OversightFigures f = OversightFigures.compute(rows, EvidenceSamples.T0.plusSeconds(86_400),
                RecordPeriod.ALL);
        assertTrue(f.automatic().automatic() > 0, f.automatic().toString());
        assertEquals(20, f.records());
    }
}
