package dev.countersign.model.bundle;

import java.util.regex.Pattern;

/** The evidence bundle's names: file extension, media type, payload types and the layout inside the zip. */
public final class BundleFormat {
    /** The version written in {@code manifest.json}'s {@code format}. */
    public static final String FORMAT = "countersign-evidence-bundle/v1";
    /** File extension, with its dot. */
    public static final String EXTENSION = ".csbundle";
    public static final String MEDIA_TYPE = "application/vnd.countersign.evidence-bundle+zip";
    public static final String MANIFEST_PAYLOAD_TYPE = "application/vnd.countersign.bundle-manifest+json";

    public static final String MANIFEST = "manifest.json";
    public static final String MANIFEST_SIGNATURE = "manifest.sig.json";
    public static final String VERIFY_GUIDE = "VERIFY.md";

    /** The gateway's public key (PEM SubjectPublicKeyInfo). */
    public static final String GATEWAY_KEY = "keys/gateway.pub.pem";
    /** {@code {"reviewers":[ReviewerView…]}}: every reviewer with their keys, enrollment and revocation times. */
    public static final String REVIEWERS = "reviewers.json";
    /** The gateway's signed checkpoint: the DSSE envelope. */
    public static final String CHECKPOINT = "log/checkpoint.json";
    /** One canonical JSON log entry per line, from the lowest record's index to the checkpoint's last entry. */
    public static final String LOG_ENTRIES = "log/entries.jsonl";

    /** What record, proposal and key ids may be made of, so that they can name files. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    private BundleFormat() {}

    /** True if the id can name a file of a bundle: 1 to 128 of {@code A-Z a-z 0-9 _ -}. */
    public static boolean safeId(String id) {
        return id != null && SAFE_ID.matcher(id).matches();
    }

    static boolean hex64(String value) {
        return value != null && HEX64.matcher(value).matches();
    }

    /** {@code records/<recordId>.json}: the record's DSSE envelope as canonical JSON. */
    public static String recordPath(String recordId) {
        return "records/" + recordId + ".json";
    }

    /** {@code proposals/<proposalId>/v<version>.json}: the proposal version as canonical JSON. */
    public static String proposalPath(String proposalId, int version) {
        return "proposals/" + proposalId + "/v" + version + ".json";
    }

    /** {@code contexts/<contextDigest>.json}: the context as canonical JSON; its sha256 is its name. */
    public static String contextPath(String contextDigest) {
        return "contexts/" + contextDigest + ".json";
    }

    /** {@code keys/<keyId>.pub.pem}: a reviewer's or the exporter's public key. */
    public static String keyPath(String keyId) {
        return "keys/" + keyId + ".pub.pem";
    }
}
