package dev.countersign.model.bundle;

/** A bundle report in words for people (the verify command's default) and as JSON (its {@code --json}). */
public final class BundleReports {
    private BundleReports() {}

    /** Plain text: the verdict first, the gateway key it is anchored to, then every finding at its file and record. */
    public static String text(BundleReport report) {
        throw new UnsupportedOperationException("contract stub: implemented in issue 6");
    }

    /** One JSON object: status, exit code, manifest facts, gateway key id, per-record states and findings. */
    public static String json(BundleReport report) {
        throw new UnsupportedOperationException("contract stub: implemented in issue 6");
    }
}
