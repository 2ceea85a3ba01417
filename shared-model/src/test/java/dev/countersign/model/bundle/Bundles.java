package dev.countersign.model.bundle;

import dev.countersign.model.testing.EvidenceSamples;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** Writing sample bundles and rewriting their members, for the bundle tests. */
final class Bundles {
    static final Instant EXPORTED = Instant.parse("2026-12-01T12:00:00Z");

    private Bundles() {}

    static BundleWriter.Export export(EvidenceSamples.Sample sample) {
        return new BundleWriter.Export(sample.exporter(), EXPORTED, "Countersign console 0.1.0-test");
    }

    static Path write(EvidenceSamples.Sample sample, Path dir, String name) throws Exception {
        Path target = dir.resolve(name + BundleFormat.EXTENSION);
        BundleWriter.write(sample.evidence(), export(sample), sample.exporterKey(), target, BundleProgress.NONE);
        return target;
    }

    /** The bundle's members, in order. */
    static Map<String, byte[]> members(Path bundle) throws IOException {
        return dev.countersign.model.testing.ZipMembers.read(bundle);
    }

    /** Writes members as a zip, in order. */
    static Path zip(Path target, Map<String, byte[]> members) throws IOException {
        return dev.countersign.model.testing.ZipMembers.write(target, members);
    }
}
