package dev.countersign.model.testing;

import dev.countersign.model.bundle.BundleFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Takes a zip (a bundle) apart and puts it back together, for tests that alter bundles. */
public final class ZipMembers {
    private ZipMembers() {}

    /** The zip's members, in order. */
    public static Map<String, byte[]> read(Path zip) throws IOException {
        Map<String, byte[]> members = new LinkedHashMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                try (InputStream in = file.getInputStream(entry)) {
                    members.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return members;
    }

    /** Writes members as a zip, in order. */
    public static Path write(Path target, Map<String, byte[]> members) throws IOException {
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

    /**
     * A copy of a bundle whose record still reads (canonical JSON) but carries a signature changed in its first
     * character: the record is shown, and its file and signature are found wrong.
     */
    public static Path forgedSignature(Path bundle, String recordId, Path target) throws IOException {
        Map<String, byte[]> members = read(bundle);
        String member = BundleFormat.recordPath(recordId);
        String json = new String(members.get(member), StandardCharsets.UTF_8);
        int at = json.indexOf("\"sig\":\"") + "\"sig\":\"".length();
        char changed = json.charAt(at) == 'A' ? 'B' : 'A';
        members.put(member, (json.substring(0, at) + changed + json.substring(at + 1)).getBytes(StandardCharsets.UTF_8));
        return write(target, members);
    }
}
