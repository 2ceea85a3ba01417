package dev.countersign.model.bundle;

import dev.countersign.model.testing.EvidenceSamples;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

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
        Map<String, byte[]> members = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                try (InputStream in = zip.getInputStream(entry)) {
                    members.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return members;
    }

    /** Writes members as a zip, in order. */
    static Path zip(Path target, Map<String, byte[]> members) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> member : members.entrySet()) {
                zip.putNextEntry(new ZipEntry(member.getKey()));
                zip.write(member.getValue());
                zip.closeEntry();
            }
        }
        return Files.write(target, bytes.toByteArray());
    }
}
