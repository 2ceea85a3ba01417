package dev.countersign.model.bundle;

import java.util.List;

/**
 * The outcome of verifying an evidence bundle file.
 *
 * @param status   VALID: every file and record verified; INVALID: read, but something does not verify (see findings);
 *                 UNREADABLE: not a bundle that can be read at all (not a zip, no readable manifest)
 * @param file     the bundle file as given
 * @param manifest the manifest, if it could be read (its signature may still have failed: see findings)
 * @param evidence what could be read from the bundle, for showing it read-only; null when unreadable
 * @param result   the per-record checks; null when unreadable
 * @param findings every finding, bundle-wide and per record, in file order
 */
public record BundleReport(Status status, String file, BundleManifest manifest, Evidence evidence,
        EvidenceResult result, List<Finding> findings) {

    public enum Status {
        VALID(0), INVALID(1), UNREADABLE(2);

        private final int exitCode;

        Status(int exitCode) {
            this.exitCode = exitCode;
        }

        /** The headless verify command's exit code. */
        public int exitCode() {
            return exitCode;
        }
    }

    public BundleReport {
        findings = List.copyOf(findings);
    }
}
