package dev.countersign.app.bundle;

import dev.countersign.model.bundle.BundleFormat;
import dev.countersign.model.bundle.BundleProgress;
import dev.countersign.model.bundle.BundleWriter;
import dev.countersign.model.testing.EvidenceSamples;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import dev.countersign.model.testing.ZipMembers;
import java.util.Map;

/** Sample bundles for the app's bundle tests: written from the model's evidence fixture, and tampered copies. */
final class SampleBundles {
    static final Instant EXPORTED = Instant.parse("2026-12-01T12:00:00Z");

    private SampleBundles() {}

    static Path write(EvidenceSamples.Sample sample, Path dir, String name) throws Exception {
        Path target = dir.resolve(name + BundleFormat.EXTENSION);
        BundleWriter.write(sample.evidence(), new BundleWriter.Export(sample.exporter(), EXPORTED,
                "countersign-console/test"), sample.exporterKey(), target, BundleProgress.NONE);
        return target;
    }

    /** A copy of {@code bundle} with one bit flipped in the middle of {@code member}. */
    static Path flipped(Path bundle, String member, Path target) throws IOException {
        Map<String, byte[]> members = members(bundle);
        byte[] bytes = members.get(member);
        bytes[bytes.length / 2] ^= 0x04;
        return zip(target, members);
    }

    /**
     * A copy of {@code bundle} whose record {@code recordId} still reads (canonical JSON) but carries a signature
     * changed in its first character: the record is shown, and its file and signature are found wrong.
     */
    static Path forgedSignature(Path bundle, String recordId, Path target) throws IOException {
        return ZipMembers.forgedSignature(bundle, recordId, target);
    }

    static Map<String, byte[]> members(Path bundle) throws IOException {
        return ZipMembers.read(bundle);
    }

    static Path zip(Path target, Map<String, byte[]> members) throws IOException {
        return ZipMembers.write(target, members);
    }
}
