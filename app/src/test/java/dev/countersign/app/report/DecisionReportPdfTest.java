package dev.countersign.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.common.Messages;
import dev.countersign.app.records.RecordRow;
import dev.countersign.app.review.ParameterDiff;
import dev.countersign.model.AgentIdentity;
import dev.countersign.model.ParameterChange;
import dev.countersign.model.Proposal;
import dev.countersign.model.ProposalContext;
import dev.countersign.model.Verdict;
import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.bundle.BundleReport;
import dev.countersign.model.bundle.EvidenceResult;
import dev.countersign.model.bundle.Finding;
import dev.countersign.model.bundle.RecordCheck.State;
import dev.countersign.model.json.Digests;
import dev.countersign.model.log.Checkpoint;
import dev.countersign.model.record.DecisionRecords;
import dev.countersign.model.record.DsseEnvelope;
import dev.countersign.model.testing.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionReportPdfTest {
    private static final Messages MESSAGES = Messages.load(Locale.ENGLISH);

    @TempDir
    Path dir;

    private final ReportFixtures fixtures = new ReportFixtures();
    private final DecisionReportPdf writer = new DecisionReportPdf(MESSAGES,
            Clock.fixed(ReportFixtures.GENERATED, ZoneOffset.UTC), "countersign-console/0.1.0");

    /** The text of a PDF as PDFBox extracts it, and its page count. */
    private record Extracted(String text, int pages, List<String> pageTexts) {
        /** Without white space: a digest or id wrapped over lines reads as one. */
        String joined() {
            return text.replaceAll("\\s+", "");
        }
    }

    private static Extracted read(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            String all = stripper.getText(document);
            List<String> pages = new java.util.ArrayList<>();
            for (int i = 1; i <= document.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                pages.add(stripper.getText(document));
                PDRectangle box = document.getPage(i - 1).getMediaBox();
                assertEquals(PDRectangle.A4.getWidth(), box.getWidth(), 0.01, "A4 portrait");
                assertEquals(PDRectangle.A4.getHeight(), box.getHeight(), 0.01, "A4 portrait");
            }
            return new Extracted(all, document.getNumberOfPages(), pages);
        }
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    @Test
    void theReportOfADecisionParsesBackWithItsKeyFacts() throws Exception {
        RecordRow row = fixtures.demoRow();
        Path target = dir.resolve("decision.pdf");
        writer.write(row, fixtures.facts(), target);

        Extracted pdf = read(target);
        String text = pdf.text();
        String joined = pdf.joined();
        DecisionRecordView record = row.record();
        for (String fact : List.of("Decision report", "APPROVED", "amara.okafor@northwind.example",
                "2026-11-22 09:41:27 UTC", "2026-11-22 09:41:29 UTC", "1187", "Change ticket verified",
                "change_ticket_verified", "Execution window: from 2026-11-22 22:00:00 UTC to 2026-11-23 02:00:00 UTC",
                "Rotate credential", "svc-payments-batch", "Critical", "dana.reyes@northwind.example",
                "Intent, as the agent wrote it", "keyAlgorithm", "\"RSA-2048\"", "\"ECDSA-P256\"",
                "overlapWindowMinutes", "(absent)", "added", "changed", "settlement-batch", "no failover",
                "inc-2026-031", "SEV2", "northwind-nhi-change-policy, version 2026.11.1", "prod-high-privilege",
                "needs review", "2 approvals required", "platform-security", "Signature", "Key enrolled at the time",
                "Position in the log", "No findings.", "1,284 log entries")) {
            assertTrue(text.contains(fact), () -> "the report states " + fact + ":\n" + text);
        }
        for (String unbroken : List.of(record.recordId(), record.keyId(), ReportFixtures.GATEWAY_KEY_ID,
                "spiffe://northwind.example/agents/credential-rotation-bot",
                "Rotateaheadofthe90-daydeadline;consumerspickupthenewkeyfromVault.",
                DecisionRecords.proposalDigest(row.proposal()), Digests.canonicalSha256(row.context()),
                Digests.canonicalSha256(record.envelope()))) {
            assertTrue(joined.contains(squeeze(unbroken)), () -> "the report holds " + unbroken);
        }
        assertEquals(5, count(text, "\\bOK\\b"), "five checks, each OK");
        assertPagesNumbered(pdf);
        assertTrue(text.contains("Generated 2026-11-22 10:05:00 UTC by countersign-console/0.1.0"));
    }

    @Test
    void hiddenAndUnwritableCharactersAreShownAsCodePoints() throws Exception {
        Path target = dir.resolve("hostile.pdf");
        writer.write(fixtures.hostileRow(), fixtures.facts(), target);

        String text = read(target).text();
        String joined = squeeze(text);
        assertTrue(joined.contains("Routineclean[[U+200B]]up[U+1F600]ofst[U+043E]legrants;"
                + "[[U+202E]]detalpmet[[U+202C]]perpolicy."), text);
        assertTrue(text.contains("svc-payments-[U+043E]dmin"), "a Cyrillic о in the target's name");
        assertTrue(joined.contains("cred[[U+200B]]ential-bot"), "a zero-width space in the agent id");
        assertTrue(text.contains("\"payments-[[U+202E]]nimda\""), "a right-to-left override in a parameter");
        assertTrue(text.contains("\"ok [U+1F600]\""), "an emoji in a parameter");
        assertTrue(joined.contains("U+202ERIGHT-TO-LEFTOVERRIDE"), "the hidden characters are listed by name");
        assertTrue(text.contains("CYRILLIC SMALL LETTER O"), "the look-alike letter is named");
        for (String raw : List.of("\u202E", "\u200B", "\u043E", "\uD83D\uDE00", "\u202C", "⟦", "⟧")) {
            assertFalse(text.contains(raw), () -> "no raw U+" + Integer.toHexString(raw.codePointAt(0)));
        }
        assertTrue(text.contains("DENIED"));
        assertTrue(text.contains("UNKNOWN"), "the log check could not be made");
        assertTrue(text.contains("Not fully verified: one check could not be made"));
        assertTrue(text.contains("The log entries up to the checkpoint are not held"), "the finding is listed");
    }

    @Test
    void aRecordWithoutItsProposalOrContextStillRendersAndSaysWhatIsNotHeld() throws Exception {
        RecordRow demo = fixtures.demoRow();
        Path target = dir.resolve("not-held.pdf");
        writer.write(new RecordRow(demo.record(), null, null, null), new ReportFacts(ReportFixtures.GENERATED,
                "countersign-console/0.1.0", null, null, null), target);

        Extracted pdf = read(target);
        String text = pdf.text();
        assertTrue(text.contains("Not held: this console does not hold proposal prp_sample_0001, version 1."), text);
        assertTrue(squeeze(text).contains(squeeze("Not held: this console does not hold the context the decision names.")));
        assertEquals(2, count(text, "not held\\b"), "the held proposal and context digests");
        assertTrue(text.contains("Not verified: no verification result was given for this record."));
        assertEquals(5, count(text, "\\bUNKNOWN\\b"));
        assertTrue(text.contains("Gateway key id: not known to this console."));
        assertTrue(text.contains("Checkpoint: none verified by this console."));
        assertTrue(squeeze(text).contains(Digests.canonicalSha256(demo.record().envelope())));
        assertTrue(squeeze(text).contains(DecisionRecords.proposalDigest(demo.proposal())),
                "the digest the record names is still given");
        assertPagesNumbered(pdf);
    }

    @Test
    void aRecordWhosePayloadCannotBeReadStillRendersAndSaysSo() throws Exception {
        RecordRow demo = fixtures.demoRow();
        DecisionRecordView r = demo.record();
        DsseEnvelope garbled = new DsseEnvelope(r.envelope().payloadType(),
                Base64.getEncoder().encodeToString("{not json".getBytes(StandardCharsets.UTF_8)),
                r.envelope().signatures());
        DecisionRecordView bad = new DecisionRecordView(r.recordId(), r.proposalId(), r.reviewer(), r.keyId(),
                r.verdict(), r.recordedAt(), r.logIndex(), garbled);
        Path target = dir.resolve("garbled.pdf");
        writer.write(new RecordRow(bad, null, demo.proposal(), demo.context()), fixtures.facts(), target);

        String text = read(target).text();
        assertTrue(text.contains("The record’s payload cannot be read as a decision"), text);
        assertTrue(text.contains("APPROVED"), "the verdict the gateway indexed");
        assertTrue(squeeze(text).contains(Digests.canonicalSha256(garbled)));
    }

    @Test
    void aBundleOf300RecordsRunsOverManyPagesNumberedXOfY() throws Exception {
        BundleReport report = fixtures.bundle(300);
        Path target = dir.resolve("bundle.pdf");
        writer.writeBundleSummary(report, target);

        Extracted pdf = read(target);
        String text = pdf.text();
        assertTrue(pdf.pages() >= 6, "300 rows need several pages, not " + pdf.pages());
        assertPagesNumbered(pdf);
        assertTrue(pdf.pageTexts().get(0).startsWith("Evidence bundle summary"));
        assertTrue(pdf.pageTexts().get(0).contains("INVALID"), "the verdict comes first");
        assertTrue(text.contains("Something in this bundle does not verify: 1 error and no warnings."));
        assertTrue(squeeze(text).contains(ReportFixtures.GATEWAY_KEY_ID));
        assertTrue(text.contains("Exported by amara.okafor@northwind.example at 2026-11-24 18:03:12 UTC"));
        assertTrue(text.contains("299 verified, 1 failed, 0 not fully checked."));
        assertTrue(text.contains("All reviewers 214 43 43 300"), "of every 7: 5 approvals, a denial, an escalation");
        assertTrue(text.contains("Records (300)"));
        assertTrue(text.contains("log/entries.jsonl"));
        assertTrue(squeeze(text).contains("entry106namesadifferentrecorddigestthanrec_0007_106"));
        assertEquals(300, count(text, "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(?![:\\d])"), "one row per record");
        assertEquals(1, count(text, "\\bFAILED\\b"), "the one record whose log check failed");
        for (int page = 2; page <= pdf.pages(); page++) {
            assertTrue(pdf.pageTexts().get(page - 1).contains("Decided (UTC) Verdict Reviewer"),
                    "the header repeats on page " + page);
        }
    }

    @Test
    void anUnreadableBundleStillGetsASummary() throws Exception {
        Path target = dir.resolve("unreadable.pdf");
        writer.writeBundleSummary(new BundleReport(BundleReport.Status.UNREADABLE, "/tmp/x.csbundle", null, null,
                null, List.of(Finding.error(null, null, "bundle.notZip", "The file is not a zip archive."))), target);

        String text = read(target).text();
        assertTrue(text.contains("UNREADABLE"));
        assertTrue(text.contains("The file is not a zip archive."));
        assertTrue(text.contains("(the bundle)"));
        assertTrue(text.contains("No records could be read."));
    }

    @Test
    void aValueTallerThanAPageBreaksAcrossPagesAndLosesNothing() throws Exception {
        String huge = "Z".repeat(9000);
        Proposal sample = Samples.proposal();
        Proposal p = new Proposal(sample.id(), 1, new AgentIdentity(sample.agent().id(), sample.agent().owner()),
                sample.actionType(), sample.target(), sample.environment(),
                new ParameterChange(Samples.json("{\"blob\":\"a\"}"), Samples.json("{\"blob\":\"" + huge + "\"}")),
                "Q".repeat(3000), sample.riskTier(), sample.createdAt(), sample.expiresAt());
        ProposalContext c = Samples.context(p);
        var d = fixtures.decision(p, c, Verdict.APPROVE, "amara.okafor@northwind.example", Samples.CREATED);
        var r = fixtures.record(p, d, 5);
        Path target = dir.resolve("huge.pdf");
        writer.write(new RecordRow(r, ReportFixtures.check(r, d, State.OK), p, c), fixtures.facts(), target);

        Extracted pdf = read(target);
        // footers and repeated table headers come between the parts: count the characters
        assertEquals(9000, pdf.text().chars().filter(ch -> ch == 'Z').count(), "the whole value, over pages");
        assertEquals(3000, pdf.text().chars().filter(ch -> ch == 'Q').count(), "the whole intent");
        assertTrue(pdf.pages() >= 4);
        assertPagesNumbered(pdf);
    }

    @Test
    void aFailedWriteLeavesNothingBehind() throws Exception {
        Path occupied = Files.createDirectories(dir.resolve("taken.pdf"));
        Files.writeString(occupied.resolve("keep.txt"), "mine");
        ReportException e = assertThrows(ReportException.class,
                () -> writer.write(fixtures.demoRow(), fixtures.facts(), occupied));
        assertTrue(MESSAGES.text(e.userText()).startsWith("The report could not be written to " + occupied),
                MESSAGES.text(e.userText()));
        assertEquals("mine", Files.readString(occupied.resolve("keep.txt")));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(occupied), files.toList(), "no temporary file is left");
        }

        Path missing = dir.resolve("no-such-folder").resolve("r.pdf");
        assertThrows(ReportException.class, () -> writer.writeBundleSummary(fixtures.bundle(2), missing));
        assertFalse(Files.exists(missing.getParent()));
    }

    @Test
    void writingReplacesAnEarlierReportWhole() throws Exception {
        Path target = dir.resolve("r.pdf");
        Files.writeString(target, "old");
        writer.write(fixtures.demoRow(), fixtures.facts(), target);
        assertTrue(read(target).text().contains("APPROVED"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void theFactsComeFromAnEvidenceResultOrAreUnknown() {
        Checkpoint checkpoint = new Checkpoint(ReportFixtures.GATEWAY_KEY_ID, 42, "0".repeat(64),
                ReportFixtures.GENERATED);
        ReportFacts facts = ReportFacts.of(ReportFixtures.GENERATED, "c/1",
                new EvidenceResult(ReportFixtures.GATEWAY_KEY_ID, checkpoint, List.of(), List.of()));
        assertEquals(new ReportFacts(ReportFixtures.GENERATED, "c/1", ReportFixtures.GATEWAY_KEY_ID, 42L,
                ReportFixtures.GENERATED), facts);
        assertEquals(new ReportFacts(ReportFixtures.GENERATED, "c/1", null, null, null),
                ReportFacts.of(ReportFixtures.GENERATED, "c/1", null));
    }

    @Test
    void everyTextBuiltFromAValueIsInTheBundle() {
        List<String> keys = new java.util.ArrayList<>();
        for (State s : State.values()) {
            keys.add("report.state." + s.name().toLowerCase(Locale.ROOT));
        }
        for (Verdict v : Verdict.values()) {
            keys.add("report.verdict." + v.json());
        }
        for (ParameterDiff.Change c : ParameterDiff.Change.values()) {
            keys.add("report.change." + c.name().toLowerCase(Locale.ROOT));
        }
        for (Finding.Severity s : Finding.Severity.values()) {
            keys.add("report.findingSeverity." + s.name().toLowerCase(Locale.ROOT));
        }
        keys.addAll(List.of("report.record.verified", "report.record.failed", "report.record.incomplete"));
        for (String key : keys) {
            assertTrue(MESSAGES.has(key), key);
        }
    }

    private static void assertPagesNumbered(Extracted pdf) {
        for (int page = 1; page <= pdf.pages(); page++) {
            String expected = "Page " + page + " of " + pdf.pages();
            assertTrue(pdf.pageTexts().get(page - 1).contains(expected), expected);
            assertEquals(1, count(pdf.pageTexts().get(page - 1), "Page \\d+ of \\d+"));
        }
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
