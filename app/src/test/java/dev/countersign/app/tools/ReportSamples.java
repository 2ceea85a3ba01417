package dev.countersign.app.tools;

import dev.countersign.app.common.Messages;
import dev.countersign.app.records.RecordRow;
import dev.countersign.app.report.DecisionReportPdf;
import dev.countersign.app.report.ReportFixtures;
import dev.countersign.model.bundle.BundleFormat;
import dev.countersign.model.bundle.BundleProgress;
import dev.countersign.model.bundle.BundleVerifier;
import dev.countersign.model.testing.EvidenceSamples;
import dev.countersign.model.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Writes sample reports for a look: the demo's approval (decision.pdf), a record whose agent hid characters
 * (hostile.pdf), one without its proposal and context (not-held.pdf) and the summary of a 40-record bundle
 * (bundle-hand-made.pdf), and the summary of a real 40-record bundle as verified (bundle.pdf). Argument: the output folder.
 */
public final class ReportSamples {
    private ReportSamples() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/report-samples");
        Files.createDirectories(out);
        ReportFixtures fixtures = new ReportFixtures(Samples.rfc8032KeyPair());
        DecisionReportPdf writer = new DecisionReportPdf(Messages.load(Locale.ENGLISH),
                Clock.fixed(ReportFixtures.GENERATED, ZoneOffset.UTC), "countersign-console/0.1.0");
        RecordRow demo = fixtures.demoRow();
        writer.write(demo, fixtures.facts(), out.resolve("decision.pdf"));
        writer.write(fixtures.hostileRow(), fixtures.facts(), out.resolve("hostile.pdf"));
        writer.write(new RecordRow(demo.record(), null, null, null), fixtures.facts(), out.resolve("not-held.pdf"));
        writer.writeBundleSummary(fixtures.bundle(40), out.resolve("bundle-hand-made.pdf"));
        // the summary of a real bundle: 40 signed records written and verified as an auditor would
        EvidenceSamples.Sample sample = EvidenceSamples.build(40);
        Path bundle = out.resolve("northwind-q4-payments" + BundleFormat.EXTENSION);
        Files.deleteIfExists(bundle);
        sample.writeBundle(bundle);
        writer.writeBundleSummary(BundleVerifier.verify(bundle, null, 2, BundleProgress.NONE), out.resolve("bundle.pdf"));
        System.out.println("Wrote sample reports to " + out.toAbsolutePath());
    }
}
