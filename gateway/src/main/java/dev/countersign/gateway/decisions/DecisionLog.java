package dev.countersign.gateway.decisions;

import dev.countersign.gateway.store.Jdbc;
import dev.countersign.gateway.store.Tx;
import dev.countersign.model.Decision;
import dev.countersign.model.InvalidFieldException;
import dev.countersign.model.JsonValue;
import dev.countersign.model.Verdict;
import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.crypto.Signer;
import dev.countersign.model.json.CanonicalJson;
import dev.countersign.model.json.Digests;
import dev.countersign.model.json.Json;
import dev.countersign.model.json.JsonFormatException;
import dev.countersign.model.log.Checkpoint;
import dev.countersign.model.log.Checkpoints;
import dev.countersign.model.log.LogEntry;
import dev.countersign.model.log.LogVerificationException;
import dev.countersign.model.log.LogVerifier;
import dev.countersign.model.record.DecisionRecords;
import dev.countersign.model.record.DsseEnvelope;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The append-only decision log in the format of docs/formats.md: each record is a {@link LogEntry} that names the
 * record by the sha256 of its envelope's canonical JSON and chains the previous entry's hash ({@link LogEntry#GENESIS}
 * before entry 0). Every append also stores a checkpoint of the new size signed with the gateway key, in the same
 * transaction; at start the whole log is checked against the newest one.
 */
public final class DecisionLog {
    private static final String VIEW = "SELECT record_id, proposal_id, reviewer, key_id, verdict, recorded_at,"
            + " log_index, envelope_json FROM decision_record";
    private static final String ENTRY = "SELECT log_index, record_id, proposal_id, record_digest, recorded_at,"
            + " prev_hash FROM decision_record";

    /** What the log answers when an entry is appended. */
    public record Appended(String recordId, long logIndex, String entryHash) {}

    private final Signer gatewayKey;

    public DecisionLog(Signer gatewayKey) {
        this.gatewayKey = gatewayKey;
    }

    Appended append(Tx tx, String recordId, String proposalId, int proposalVersion, String reviewer, String keyId,
            Verdict verdict, DsseEnvelope envelope, Instant now) throws SQLException {
        Connection c = tx.connection();
        Optional<Object[]> last = Jdbc.one(c, "SELECT log_index, entry_hash FROM decision_record"
                + " ORDER BY log_index DESC LIMIT 1", rs -> new Object[] {rs.getLong(1), rs.getString(2)});
        long index = last.map(l -> (Long) l[0] + 1).orElse(0L);
        String previous = last.map(l -> (String) l[1]).orElse(LogEntry.GENESIS);
        String envelopeJson = CanonicalJson.string(envelope);
        LogEntry entry = new LogEntry(index, recordId, proposalId, Digests.canonicalSha256(envelope), now, previous);
        String entryHash = entry.entryHash();
        Jdbc.update(c, "INSERT INTO decision_record (record_id, proposal_id, proposal_version, reviewer, key_id,"
                        + " verdict, envelope_json, recorded_at, log_index, prev_hash, entry_hash, record_digest)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                recordId, proposalId, proposalVersion, reviewer, keyId, verdict.json(), envelopeJson, now, index,
                previous, entryHash, entry.recordDigest());
        storeCheckpoint(c, new Checkpoint(gatewayKey.keyId(), index + 1, entryHash, now));
        return new Appended(recordId, index, entryHash);
    }

    private void storeCheckpoint(Connection c, Checkpoint checkpoint) throws SQLException {
        DsseEnvelope signed;
        try {
            signed = Checkpoints.sign(checkpoint, gatewayKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the gateway key cannot sign a checkpoint: " + e.getMessage(), e);
        }
        Jdbc.update(c, "INSERT INTO log_checkpoint (log_size, head_hash, gateway_key_id, signed_at, envelope_json)"
                + " VALUES (?, ?, ?, ?, ?)", checkpoint.size(), checkpoint.headHash(), checkpoint.gatewayKeyId(),
                checkpoint.time(), CanonicalJson.string(signed));
    }

    /** The newest signed checkpoint, or a fresh one for an empty log. */
    public DsseEnvelope latestCheckpoint(Connection c, Instant now) throws SQLException {
        Optional<DsseEnvelope> stored = Jdbc.one(c, "SELECT envelope_json FROM log_checkpoint"
                + " ORDER BY log_size DESC LIMIT 1", rs -> Json.parse(rs.getString(1), DsseEnvelope.class));
        if (stored.isPresent()) {
            return stored.get();
        }
        try {
            return Checkpoints.sign(new Checkpoint(gatewayKey.keyId(), 0, LogEntry.GENESIS, now), gatewayKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the gateway key cannot sign a checkpoint: " + e.getMessage(), e);
        }
    }

    /** Up to {@code limit} entries from index {@code from}, in order. */
    public List<LogEntry> entries(Connection c, long from, int limit) throws SQLException {
        return Jdbc.list(c, ENTRY + " WHERE log_index >= ? ORDER BY log_index LIMIT ?", DecisionLog::entry, from,
                limit);
    }

    public long size(Connection c) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM decision_record");
    }

    public List<DecisionRecordView> forProposal(Connection c, String proposalId) throws SQLException {
        return Jdbc.list(c, VIEW + " WHERE proposal_id = ? ORDER BY log_index", DecisionLog::view, proposalId);
    }

    public List<DecisionRecordView> all(Connection c, int limit) throws SQLException {
        return Jdbc.list(c, VIEW + " ORDER BY log_index LIMIT ?", DecisionLog::view, limit);
    }

    /** Up to {@code limit} records from log index {@code fromIndex} on, in log order. */
    public List<DecisionRecordView> from(Connection c, long fromIndex, int limit) throws SQLException {
        return Jdbc.list(c, VIEW + " WHERE log_index >= ? ORDER BY log_index LIMIT ?", DecisionLog::view, fromIndex,
                limit);
    }

    public Optional<DecisionRecordView> get(Connection c, String recordId) throws SQLException {
        return Jdbc.one(c, VIEW + " WHERE record_id = ?", DecisionLog::view, recordId);
    }

    /**
     * Checks the whole log as stored: each entry is rebuilt with its record digest computed afresh from the stored
     * envelope, and the chain is verified with {@link LogVerifier} against the newest checkpoint, whose gateway
     * signature is checked first. Returns a description of what is broken, naming the entry, if anything is.
     */
    public Optional<String> verifyChain(Connection c) throws SQLException {
        List<Object[]> rows = Jdbc.list(c, "SELECT log_index, record_id, proposal_id, recorded_at, prev_hash,"
                        + " envelope_json, proposal_version, reviewer, key_id, verdict FROM decision_record"
                        + " ORDER BY log_index",
                rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), Jdbc.instant(rs, "recorded_at"),
                        rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8), rs.getString(9),
                        rs.getString(10)});
        List<LogEntry> entries = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            long index = (Long) row[0];
            try {
                String digest = Digests.canonicalSha256(Json.tree(((String) row[5]).getBytes(StandardCharsets.UTF_8)));
                entries.add(new LogEntry(index, (String) row[1], (String) row[2], digest, (Instant) row[3],
                        (String) row[4]));
                Optional<String> column = indexedColumnsDiffer(row);
                if (column.isPresent()) {
                    return Optional.of("entry " + index + " (record " + row[1] + ") has been altered: its " + column.get()
                            + " column does not match the signed record");
                }
            } catch (InvalidFieldException | JsonFormatException e) {
                return Optional.of("entry " + index + " (record " + row[1] + ") is malformed: " + e.getMessage());
            }
        }
        Optional<DsseEnvelope> signed = Jdbc.one(c, "SELECT envelope_json FROM log_checkpoint"
                + " ORDER BY log_size DESC LIMIT 1", rs -> Json.parse(rs.getString(1), DsseEnvelope.class));
        if (signed.isEmpty()) {
            return entries.isEmpty() ? Optional.empty()
                    : Optional.of("the log holds " + entries.size() + " entries but no signed checkpoint");
        }
        try {
            Checkpoint checkpoint = Checkpoints.verify(signed.get(), gatewayKey.publicKey());
            LogVerifier.verify(entries, checkpoint);
            return Optional.empty();
        } catch (LogVerificationException e) {
            return Optional.of(e.index() >= 0 ? "entry " + e.index() + ": " + e.getMessage()
                    : "the newest checkpoint: " + e.getMessage());
        }
    }

    /**
     * Approvals and status are read from indexed columns, which the hash chain does not cover; they must say what the
     * signed record says, or a changed verdict would go unnoticed.
     */
    private static Optional<String> indexedColumnsDiffer(Object[] row) {
        DsseEnvelope envelope = Json.parse((String) row[5], DsseEnvelope.class);
        Decision d = Json.convert(DecisionRecords.readStatement(envelope).predicate(), Decision.class);
        if (!d.proposalId().equals(row[2])) {
            return Optional.of("proposal_id");
        }
        if (d.proposalVersion() != (Integer) row[6]) {
            return Optional.of("proposal_version");
        }
        if (!d.reviewer().equals(row[7])) {
            return Optional.of("reviewer");
        }
        if (!d.keyId().equals(row[8])) {
            return Optional.of("key_id");
        }
        if (!d.verdict().json().equals(row[9])) {
            return Optional.of("verdict");
        }
        return Optional.empty();
    }

    private static LogEntry entry(ResultSet rs) throws SQLException {
        return new LogEntry(rs.getLong("log_index"), rs.getString("record_id"), rs.getString("proposal_id"),
                rs.getString("record_digest"), Jdbc.instant(rs, "recorded_at"), rs.getString("prev_hash"));
    }

    private static DecisionRecordView view(ResultSet rs) throws SQLException {
        return new DecisionRecordView(rs.getString("record_id"), rs.getString("proposal_id"), rs.getString("reviewer"),
                rs.getString("key_id"), JsonValue.parse(Verdict.class, rs.getString("verdict")),
                Jdbc.instant(rs, "recorded_at"), rs.getLong("log_index"),
                Json.parse(rs.getString("envelope_json"), DsseEnvelope.class));
    }
}
