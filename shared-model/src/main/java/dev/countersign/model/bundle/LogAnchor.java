package dev.countersign.model.bundle;

import dev.countersign.model.bundle.RecordCheck.State;
import dev.countersign.model.log.Checkpoint;
import dev.countersign.model.log.Checkpoints;
import dev.countersign.model.log.LogEntry;
import dev.countersign.model.log.LogVerificationException;
import dev.countersign.model.log.LogVerifier;
import dev.countersign.model.record.DsseEnvelope;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The log as far as the checkpoint proves it: the checkpoint's signature, then the segment walked back from the
 * checkpoint's head hash. Every entry from {@link #provenFrom} up to the checkpoint's last is proven; entries below it
 * are not (the chain is broken there).
 */
final class LogAnchor {
    final State state;
    final Checkpoint checkpoint;
    /** Why the log could not be checked (UNKNOWN) or does not verify (FAILED); null when OK. */
    final String problem;
    final long provenFrom;
    final Map<Long, LogEntry> entries;

    private LogAnchor(State state, Checkpoint checkpoint, String problem, long provenFrom, Map<Long, LogEntry> entries) {
        this.state = state;
        this.checkpoint = checkpoint;
        this.problem = problem;
        this.provenFrom = provenFrom;
        this.entries = entries;
    }

    /** Checks the checkpoint and the segment; adds findings about them (not about single records) to {@code out}. */
    static LogAnchor check(DsseEnvelope envelope, PublicKey gatewayKey, List<LogEntry> log, boolean complete,
            KnownDigests known, List<Finding> out) {
        Map<Long, LogEntry> byIndex = new HashMap<>();
        for (LogEntry entry : log) {
            byIndex.putIfAbsent(entry.index(), entry);
        }
        if (envelope == null) {
            out.add(finding(complete, BundleFormat.CHECKPOINT, "checkpoint-missing",
                    "no signed checkpoint is held, so no record's place in the log can be proven"));
            return new LogAnchor(State.UNKNOWN, null, "no signed checkpoint is held", Long.MAX_VALUE, byIndex);
        }
        if (gatewayKey == null) {
            out.add(finding(complete, BundleFormat.GATEWAY_KEY, "gateway-key-missing",
                    "no gateway key is held, so the checkpoint cannot be checked"));
            return new LogAnchor(State.UNKNOWN, null, "no gateway key is held to check the checkpoint", Long.MAX_VALUE,
                    byIndex);
        }
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoints.verify(envelope, gatewayKey);
        } catch (LogVerificationException e) {
            out.add(Finding.error(BundleFormat.CHECKPOINT, null, "checkpoint-signature", e.getMessage()));
            return new LogAnchor(State.FAILED, null, "the checkpoint does not verify", Long.MAX_VALUE, byIndex);
        }
        long held = log.isEmpty() ? -1 : log.get(log.size() - 1).index();
        if (!complete && held < checkpoint.size() - 1) {
            // a console that has not yet synced the log up to its newest checkpoint: nothing is wrong, just not held
            String problem = log.isEmpty() ? "the log is not held"
                    : "the log held ends at entry " + held + " but the checkpoint covers entries up to "
                            + (checkpoint.size() - 1);
            out.add(Finding.warning(BundleFormat.LOG_ENTRIES, null, "log-behind-checkpoint", problem));
            return new LogAnchor(State.UNKNOWN, checkpoint, problem, Long.MAX_VALUE, byIndex);
        }
        long provenFrom = provenFrom(log, checkpoint, known);
        long first = log.isEmpty() ? checkpoint.size() : log.get(0).index();
        boolean whole = provenFrom <= first && log.size() == checkpoint.size() - first
                && (first > 0 || log.isEmpty() || log.get(0).previousHash().equals(LogEntry.GENESIS));
        if (!whole) {
            String message;
            try {
                LogVerifier.verify(log, first, checkpoint);
                message = "the log segment does not fit the checkpoint";
            } catch (LogVerificationException e) {
                message = e.getMessage();
            }
            out.add(Finding.error(BundleFormat.LOG_ENTRIES, null, "log-chain", message));
        }
        return new LogAnchor(State.OK, checkpoint, null, provenFrom, byIndex);
    }

    /** Walks back from the checkpoint's head; returns the lowest index proven by the chain (size when none). */
    private static long provenFrom(List<LogEntry> log, Checkpoint checkpoint, KnownDigests known) {
        long expectedIndex = checkpoint.size() - 1;
        String expected = checkpoint.headHash();
        for (int i = log.size() - 1; i >= 0; i--) {
            LogEntry entry = log.get(i);
            String hash = known.get(entry);
            if (entry.index() != expectedIndex || !(hash != null ? hash : entry.entryHash()).equals(expected)) {
                break;
            }
            expected = entry.previousHash();
            expectedIndex--;
        }
        return expectedIndex + 1;
    }

    private static Finding finding(boolean complete, String file, String code, String message) {
        return complete ? Finding.error(file, null, code, message) : Finding.warning(file, null, code, message);
    }
}
