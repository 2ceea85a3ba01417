package dev.countersign.model.log;

import java.util.List;

/**
 * Checks a segment of the decision log against a verified checkpoint. The segment must run from some index up to the
 * checkpoint's last entry; it is anchored at its end by the checkpoint's head hash and checked link by link from there
 * back to its start, so an altered, removed, inserted or reordered entry is caught and named.
 */
public final class LogVerifier {
    private LogVerifier() {}

    /** Verifies a whole log, from entry 0, against the checkpoint. */
    public static void verify(List<LogEntry> log, Checkpoint checkpoint) throws LogVerificationException {
        verify(log, 0, checkpoint);
    }

    /** Verifies the entries from index {@code from} up to the checkpoint's last entry. */
    public static void verify(List<LogEntry> segment, long from, Checkpoint checkpoint) throws LogVerificationException {
        long expectedLast = checkpoint.size() - 1;
        if (segment.isEmpty()) {
            if (from == checkpoint.size() && (from > 0 || checkpoint.headHash().equals(LogEntry.GENESIS))) {
                return;
            }
            throw new LogVerificationException(from, "the segment is empty but the checkpoint covers entries "
                    + from + " to " + expectedLast);
        }
        long previous = from - 1;
        for (LogEntry entry : segment) {
            if (entry.index() != previous + 1) {
                long blamed = entry.index() > previous + 1 ? previous + 1 : Math.min(entry.index(), previous);
                throw new LogVerificationException(blamed, "entry " + blamed + " is missing or out of order: entry "
                        + entry.index() + " (record " + entry.recordId() + ") stands where entry " + (previous + 1)
                        + " belongs");
            }
            previous = entry.index();
        }
        long last = previous;
        if (last != expectedLast) {
            long at = Math.min(last, expectedLast) + 1;
            throw new LogVerificationException(at, last < expectedLast
                    ? "the segment ends at entry " + last + " but the checkpoint covers entries up to " + expectedLast
                    : "entry " + at + " is past the checkpoint, which covers entries up to " + expectedLast);
        }
        long first = from;
        String[] hashes = segment.stream().map(LogEntry::entryHash).toArray(String[]::new);
        int broken = highestUnanchored(segment, hashes, checkpoint.headHash());
        if (broken < 0) {
            if (first == 0 && !segment.get(0).previousHash().equals(LogEntry.GENESIS)) {
                throw new LogVerificationException(0, "entry 0 does not start from the genesis hash");
            }
            return;
        }
        // Entries above `broken` are proven by the checkpoint. An earlier break in the forward chain is where the log
        // was first disturbed (an entry removed and the rest renumbered, say), so that is the entry to name.
        if (first == 0 && !segment.get(0).previousHash().equals(LogEntry.GENESIS)) {
            throw mismatch(segment.get(0), "does not start from the genesis hash; an entry was moved to the front");
        }
        for (int i = 1; i <= broken; i++) {
            if (!segment.get(i).previousHash().equals(hashes[i - 1])) {
                throw mismatch(segment.get(i), "does not chain entry " + (segment.get(i).index() - 1)
                        + "; an entry before it was removed, inserted or moved");
            }
        }
        throw mismatch(segment.get(broken), broken == segment.size() - 1
                ? "does not match the checkpoint's head hash; it was altered or replaced"
                : "does not match the hash that entry " + (segment.get(broken).index() + 1) + " chains; it was altered");
    }

    /** Walks back from the checkpoint; returns the position of the last entry that does not fit, or -1 if all do. */
    private static int highestUnanchored(List<LogEntry> segment, String[] hashes, String headHash) {
        String expected = headHash;
        for (int i = segment.size() - 1; i >= 0; i--) {
            if (!hashes[i].equals(expected)) {
                return i;
            }
            expected = segment.get(i).previousHash();
        }
        return -1;
    }

    private static LogVerificationException mismatch(LogEntry entry, String what) {
        return new LogVerificationException(entry.index(), "entry " + entry.index() + " (record " + entry.recordId()
                + ") " + what);
    }
}
