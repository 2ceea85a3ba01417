package dev.countersign.app.bundle;

import dev.countersign.model.bundle.BundleFormat;
import dev.countersign.model.bundle.BundleProgress;
import dev.countersign.model.bundle.BundleWriter;
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
        Map<String, byte[]> members = members(bundle);
        String member = BundleFormat.recordPath(recordId);
        String json = new String(members.get(member), java.nio.charset.StandardCharsets.UTF_8);
        int at = json.indexOf("\"sig\":\"") + "\"sig\":\"".length();
        char changed = json.charAt(at) == 'A' ? 'B' : 'A';
        members.put(member, (json.substring(0, at) + changed + json.substring(at + 1))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return zip(target, members);
    }

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
