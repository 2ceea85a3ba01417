package dev.countersign.model.bundle;

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

    private BundleFormat() {}
}
