package dev.countersign.model.bundle;

import dev.countersign.model.testing.EvidenceSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.PublicKey;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Exports and verifies an evidence bundle of many decisions (10,000 by default) and prints export time, verification
 * time and records per second, on 1 and 2 threads, with the JDK's signature engines and with Bouncy Castle's
 * ({@code -Dbench.providers=bc} for Bouncy Castle's alone). The
 * records are EvidenceSamples': four in five by Ed25519 keys, one in five of the human ones ECDSA P-256.
 *
 * <pre>
 * mvn -B -q -o install -DskipTests
 * mvn -B -q -o -pl shared-model exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.countersign.model.bundle.BundleBenchmark -Dexec.args=10000
 * </pre>
 */
public final class BundleBenchmark {
    private BundleBenchmark() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path dir = Files.createTempDirectory("countersign-bench");
        try {
            run(count, dir);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    static void run(int count, Path dir) throws Exception {
        System.out.printf(Locale.ROOT, "Java %s, %d processors%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        long t0 = System.nanoTime();
        EvidenceSamples.Sample sample = EvidenceSamples.build(count);
        System.out.printf(Locale.ROOT, "built and signed %,d decisions in %.1f s%n", count, seconds(t0));
        EvidenceSamples.Sample warm = EvidenceSamples.build(Math.min(count, 1_000));
        PublicKey gateway = sample.gatewayKey().publicKey();

        Path bundle = dir.resolve("bench" + BundleFormat.EXTENSION);
        export(warm, dir.resolve("warm" + BundleFormat.EXTENSION));
        long t1 = System.nanoTime();
        long c1 = cpu();
        export(sample, bundle);
        double exportSeconds = seconds(t1);
        System.out.printf(Locale.ROOT, "export: %,d records in %.2f s = %,.0f records/s (%,.0f per CPU-second),"
                + " %,d bytes%n", count, exportSeconds, count / exportSeconds, count / ((cpu() - c1) / 1e9),
                Files.size(bundle));

        Path warmBundle = dir.resolve("warm" + BundleFormat.EXTENSION);
        boolean jdk = !"bc".equals(System.getProperty("bench.providers"));
        for (Provider provider : jdk ? new Provider[] {null, new BouncyCastleProvider()}
                : new Provider[] {new BouncyCastleProvider()}) {
            String name = provider == null ? "JDK" : "Bouncy Castle " + provider.getVersionStr();
            for (int threads : List.of(1, 2)) {
                EvidenceVerifier.verify(warm.evidence(), gateway, threads, provider);
                long t2 = System.nanoTime();
                long c2 = cpu();
                EvidenceResult result = EvidenceVerifier.verify(sample.evidence(), gateway, threads, provider);
                double evidenceSeconds = seconds(t2);
                double evidenceCpu = (cpu() - c2) / 1e9;
                check(result.records().stream().allMatch(RecordCheck::verified), "evidence verifies");

                BundleVerifier.verify(warmBundle, gateway, threads, BundleProgress.NONE, provider);
                long t3 = System.nanoTime();
                long c3 = cpu();
                BundleReport report = BundleVerifier.verify(bundle, gateway, threads, BundleProgress.NONE, provider);
                double bundleSeconds = seconds(t3);
                double bundleCpu = (cpu() - c3) / 1e9;
                check(report.status() == BundleReport.Status.VALID, "bundle verifies");
                System.out.printf(Locale.ROOT, "%-22s %d thread(s): in memory %.2f s = %,.0f records/s (%,.0f per"
                        + " CPU-second); bundle file %.2f s = %,.0f records/s (%,.0f per CPU-second)%n", name, threads,
                        evidenceSeconds, count / evidenceSeconds, count / evidenceCpu, bundleSeconds,
                        count / bundleSeconds, count / bundleCpu);
            }
        }
    }

    private static void export(EvidenceSamples.Sample sample, Path target) throws Exception {
        BundleWriter.write(sample.evidence(), new BundleWriter.Export(sample.exporter(), java.time.Instant.now(),
                "BundleBenchmark"), sample.exporterKey(), target, BundleProgress.NONE);
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("benchmark sanity check failed: " + what);
        }
    }

    /** CPU time of the whole process, in nanoseconds: what the work cost whatever else shares the cores. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
