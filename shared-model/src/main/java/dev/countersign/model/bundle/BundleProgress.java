package dev.countersign.model.bundle;

/** Reports progress of a long export or verification, and lets the caller cancel it. Called from worker threads. */
public interface BundleProgress {
    BundleProgress NONE = new BundleProgress() {
        @Override
        public void progress(long done, long total) {}

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** {@code done} of {@code total} units (records) are finished. */
    void progress(long done, long total);

    /** True once the caller wants the work stopped; the work then ends with a CancellationException. */
    boolean cancelled();
}
