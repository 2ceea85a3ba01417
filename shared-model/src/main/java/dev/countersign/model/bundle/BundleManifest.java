package dev.countersign.model.bundle;

import java.time.Instant;
import java.util.List;

/**
 * {@code manifest.json} of an evidence bundle: who exported it, when and with what, the gateway key it is anchored
 * to, the records it proves, and every other file with its size and sha256. It is signed by the exporter's key in
 * {@code manifest.sig.json} (a DSSE envelope of payload type {@link BundleFormat#MANIFEST_PAYLOAD_TYPE}).
 */
public record BundleManifest(String format, String exportedBy, String exporterKeyId, Instant exportedAt,
        String producer, String gatewayKeyId, List<String> recordIds, List<FileEntry> files) {

    /** One file of the bundle: its path inside the zip, its size in bytes and the lowercase hex sha256. */
    public record FileEntry(String path, long size, String sha256) {}

    public BundleManifest {
        recordIds = List.copyOf(recordIds);
        files = List.copyOf(files);
    }
}
