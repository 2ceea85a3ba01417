package dev.countersign.app.report;

import dev.countersign.app.report.PdfLayout.Cell;
import dev.countersign.app.report.PdfLayout.Column;
import dev.countersign.app.report.PdfLayout.Field;
import dev.countersign.app.report.PdfLayout.Tone;
import dev.countersign.model.Decision;
import dev.countersign.model.Proposal;
import dev.countersign.model.Verdict;
import dev.countersign.model.bundle.BundleManifest;
import dev.countersign.model.bundle.BundleReport;
import dev.countersign.model.bundle.EvidenceItem;
import dev.countersign.model.bundle.Finding;
import dev.countersign.model.bundle.RecordCheck;
import dev.countersign.model.log.Checkpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lays out the summary of a verified evidence bundle: its verdict first, the gateway key to compare out of band, who
 * exported it, counts, every finding, and a table of every record.
 */
final class BundleSummaryDocument {
    private final ReportTexts t;
    private final PdfLayout pdf;
    private final BundleReport report;
    private final Instant generatedAt;
    private final String consoleVersion;

    /** One record as the table shows it; proposal and check may be null. */
    private record Line(String recordId, Instant decided, Verdict verdict, String reviewer, Proposal proposal,
            RecordCheck check) {}

    BundleSummaryDocument(ReportTexts texts, PdfLayout pdf, BundleReport report, Instant generatedAt,
            String consoleVersion) {
        this.t = texts;
        this.pdf = pdf;
        this.report = report;
        this.generatedAt = generatedAt;
        this.consoleVersion = consoleVersion;
    }

    void layOut() {
        String file = PdfText.untrusted(fileName(report.file()));
        pdf.title(t.get("report.bundle.title"), t.format("report.bundle.subtitle", file));
        List<Line> lines = lines();
        banner();
        facts(lines.size());
        counts(lines);
        findings();
        records(lines);
        pdf.gap(8);
        pdf.paragraph(t.get("report.legend"), pdf.small);
        pdf.footer(t.format("report.bundle.footer", file),
                t.format("report.footer.generated", t.time(generatedAt), consoleVersion),
                (page, of) -> t.format("report.footer.page", page, of));
    }

    private static String fileName(String file) {
        if (file == null) {
            return "";
        }
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        return file.substring(slash + 1);
    }

    private void banner() {
        long errors = report.findings().stream().filter(f -> f.severity() == Finding.Severity.ERROR).count();
        long warnings = report.findings().size() - errors;
        BundleManifest m = report.manifest();
        String exported = m == null ? t.get("report.bundle.noManifest") : t.format("report.bundle.exportedLine",
                PdfText.untrusted(m.exportedBy()), t.time(m.exportedAt()));
        switch (report.status()) {
            case VALID -> pdf.banner(t.get("report.bundle.status.valid"), List.of(exported,
                    t.format("report.bundle.valid.line", warnings)), warnings == 0 ? Tone.GOOD : Tone.WARN);
            case INVALID -> pdf.banner(t.get("report.bundle.status.invalid"), List.of(exported,
                    t.format("report.bundle.invalid.line", errors, warnings)), Tone.BAD);
            default -> pdf.banner(t.get("report.bundle.status.unreadable"), List.of(exported,
                    t.get("report.bundle.unreadable.line")), Tone.BAD);
        }
    }

    private void facts(int records) {
        BundleManifest m = report.manifest();
        String unknown = t.get("report.unknown");
        String gatewayKey = m != null && m.gatewayKeyId() != null ? m.gatewayKeyId()
                : report.result() != null && report.result().gatewayKeyId() != null ? report.result().gatewayKeyId()
                : null;
        pdf.heading(t.get("report.bundle.about"));
        List<Field> fields = new ArrayList<>();
        fields.add(new Field(t.get("report.bundle.gatewayKey"), gatewayKey == null ? unknown
                : PdfText.untrusted(gatewayKey), true));
        fields.add(new Field("", t.get("report.bundle.gatewayKey.note")));
        fields.add(new Field(t.get("report.bundle.exportedBy"), m == null ? unknown
                : t.format("report.bundle.exporter.value", PdfText.untrusted(m.exportedBy()),
                        PdfText.untrusted(m.exporterKeyId()))));
        fields.add(new Field(t.get("report.bundle.exportedAt"), m == null ? unknown : t.time(m.exportedAt())));
        fields.add(new Field(t.get("report.bundle.producer"), m == null ? unknown : PdfText.untrusted(m.producer())));
        Checkpoint checkpoint = report.result() == null ? null : report.result().checkpoint();
        fields.add(new Field(t.get("report.bundle.checkpoint"), checkpoint == null ? t.get("report.bundle.noCheckpoint")
                : t.format("report.bundle.checkpoint.value", checkpoint.size(), t.time(checkpoint.time()))));
        fields.add(new Field(t.get("report.bundle.records"), m == null ? Integer.toString(records)
                : t.format("report.bundle.records.value", records, m.recordIds().size())));
        pdf.fields(fields);
    }

    private void counts(List<Line> lines) {
        if (lines.isEmpty()) {
            return;
        }
        pdf.heading(t.get("report.bundle.counts"));
        Map<Verdict, Integer> byVerdict = new EnumMap<>(Verdict.class);
        Map<String, int[]> byReviewer = new TreeMap<>();
        int verified = 0;
        int failed = 0;
        for (Line line : lines) {
            byVerdict.merge(line.verdict(), 1, Integer::sum);
            byReviewer.computeIfAbsent(line.reviewer(), r -> new int[Verdict.values().length])[line.verdict()
                    .ordinal()]++;
            verified += line.check() != null && line.check().verified() ? 1 : 0;
            failed += line.check() != null && line.check().failed() ? 1 : 0;
        }
        pdf.paragraph(t.format("report.bundle.byState", verified, failed, lines.size() - verified - failed),
                pdf.strong);
        pdf.gap(4);
        List<List<Cell>> rows = new ArrayList<>();
        for (Map.Entry<String, int[]> e : byReviewer.entrySet()) {
            int[] n = e.getValue();
            rows.add(List.of(new Cell(PdfText.untrusted(e.getKey()), pdf.body),
                    new Cell(Integer.toString(n[Verdict.APPROVE.ordinal()]), pdf.body),
                    new Cell(Integer.toString(n[Verdict.DENY.ordinal()]), pdf.body),
                    new Cell(Integer.toString(n[Verdict.ESCALATE.ordinal()]), pdf.body),
                    new Cell(Integer.toString(n[0] + n[1] + n[2]), pdf.strong)));
        }
        rows.add(List.of(new Cell(t.get("report.col.allReviewers"), pdf.strong),
                new Cell(Integer.toString(byVerdict.getOrDefault(Verdict.APPROVE, 0)), pdf.strong),
                new Cell(Integer.toString(byVerdict.getOrDefault(Verdict.DENY, 0)), pdf.strong),
                new Cell(Integer.toString(byVerdict.getOrDefault(Verdict.ESCALATE, 0)), pdf.strong),
                new Cell(Integer.toString(lines.size()), pdf.strong)));
        pdf.table(List.of(new Column(t.get("report.col.reviewer"), 5), new Column(t.get("report.col.approvals"), 1.5f),
                new Column(t.get("report.col.denials"), 1.5f), new Column(t.get("report.col.escalations"), 1.5f),
                new Column(t.get("report.col.total"), 1.2f)), rows);
    }

    private void findings() {
        pdf.heading(t.format("report.findings.title", report.findings().size()));
        if (report.findings().isEmpty()) {
            pdf.paragraph(t.get("report.findings.none"), pdf.body);
            return;
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (Finding f : report.findings()) {
            rows.add(List.of(new Cell(t.get("report.findingSeverity." + f.severity().name().toLowerCase(Locale.ROOT)),
                            pdf.strong),
                    new Cell(f.file() == null ? t.get("report.wholeBundle") : PdfText.untrusted(f.file()), pdf.body),
                    new Cell(f.recordId() == null ? "" : PdfText.untrusted(f.recordId()), pdf.body),
                    new Cell(PdfText.untrusted(f.message()), pdf.body)));
        }
        pdf.table(List.of(new Column(t.get("report.col.severity"), 1.2f), new Column(t.get("report.col.file"), 2.6f),
                new Column(t.get("report.col.record"), 2.4f), new Column(t.get("report.col.finding"), 5.5f)), rows);
    }

    private void records(List<Line> lines) {
        pdf.heading(t.format("report.bundle.recordsTitle", lines.size()));
        if (lines.isEmpty()) {
            pdf.paragraph(t.get("report.bundle.noRecords"), pdf.body);
            return;
        }
        String notHeld = t.get("report.notHeld");
        List<List<Cell>> rows = new ArrayList<>();
        for (Line line : lines) {
            Proposal p = line.proposal();
            boolean bad = line.check() != null && line.check().failed();
            rows.add(List.of(new Cell(t.shortTime(line.decided()), pdf.compact),
                    new Cell(t.verdict(line.verdict()), line.verdict() == Verdict.APPROVE ? pdf.compact
                            : pdf.compactStrong),
                    new Cell(PdfText.untrusted(line.reviewer()), pdf.compact),
                    new Cell(p == null ? notHeld : t.named("action", p.actionType()), pdf.compact),
                    new Cell(p == null ? notHeld : PdfText.untrusted(p.target().name()), pdf.compact),
                    new Cell(p == null ? notHeld : PdfText.untrusted(p.environment()), pdf.compact),
                    new Cell(t.recordState(line.check()), bad ? pdf.compactStrong : pdf.compact)));
        }
        // in points of the 487-point text width: the time on one line, "Escalated" and "staging" unbroken
        pdf.table(List.of(new Column(t.get("report.col.decided"), 78), new Column(t.get("report.col.verdict"), 52),
                new Column(t.get("report.col.reviewer"), 108), new Column(t.get("report.col.action"), 76),
                new Column(t.get("report.col.target"), 80), new Column(t.get("report.col.environment"), 40),
                new Column(t.get("report.col.state"), 55)), rows);
    }

    /** Every record the bundle holds, with its check; in the evidence's order. */
    private List<Line> lines() {
        Map<String, RecordCheck> checks = new HashMap<>();
        if (report.result() != null) {
            for (RecordCheck check : report.result().records()) {
                checks.put(check.recordId(), check);
            }
        }
        List<Line> lines = new ArrayList<>();
        if (report.evidence() != null) {
            for (EvidenceItem item : report.evidence().items()) {
                RecordCheck check = checks.get(item.record().recordId());
                Decision d = check == null ? null : check.decision();
                lines.add(new Line(item.record().recordId(), d == null ? item.record().recordedAt() : d.decidedAt(),
                        item.record().verdict(), item.record().reviewer(), item.proposal(), check));
            }
        }
        return lines;
    }
}
