package dev.countersign.gateway.decisions;

import dev.countersign.gateway.store.Jdbc;
import dev.countersign.gateway.store.Tx;
import dev.countersign.model.JsonValue;
import dev.countersign.model.Verdict;
import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.json.CanonicalJson;
import dev.countersign.model.json.Digests;
import dev.countersign.model.json.Json;
import dev.countersign.model.record.DsseEnvelope;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The append-only decision log. Each entry's hash chains the previous one:
 * {@code entry_hash = sha256(prev_hash || sha256(canonical envelope JSON))}, over raw 32-byte digests, with 32 zero
 * bytes before the first entry (log index 0).
 */
public final class DecisionLog {
    public static final String ZERO_HASH = "0".repeat(64);
    private static final String VIEW = "SELECT record_id, proposal_id, reviewer, key_id, verdict, recorded_at,"
            + " log_index, envelope_json FROM decision_record";

    /** What the log answers when an entry is appended. */
    public record Appended(String recordId, long logIndex, String entryHash) {}

    Appended append(Tx tx, String recordId, String proposalId, int proposalVersion, String reviewer, String keyId,
            Verdict verdict, DsseEnvelope envelope, Instant now) throws SQLException {
        Connection c = tx.connection();
        Optional<String[]> last = Jdbc.one(c, "SELECT log_index, entry_hash FROM decision_record"
                + " ORDER BY log_index DESC LIMIT 1", rs -> new String[] {rs.getString(1), rs.getString(2)});
        long index = last.map(l -> Long.parseLong(l[0]) + 1).orElse(0L);
        String prev = last.map(l -> l[1]).orElse(ZERO_HASH);
        String envelopeJson = CanonicalJson.string(envelope);
        String entryHash = entryHash(prev, envelopeJson);
        Jdbc.update(c, "INSERT INTO decision_record (record_id, proposal_id, proposal_version, reviewer, key_id,"
                        + " verdict, envelope_json, recorded_at, log_index, prev_hash, entry_hash)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                recordId, proposalId, proposalVersion, reviewer, keyId, verdict.json(), envelopeJson, now, index,
                prev, entryHash);
        return new Appended(recordId, index, entryHash);
    }

    public List<DecisionRecordView> forProposal(Connection c, String proposalId) throws SQLException {
        return Jdbc.list(c, VIEW + " WHERE proposal_id = ? ORDER BY log_index", DecisionLog::view, proposalId);
    }

    public List<DecisionRecordView> all(Connection c, int limit) throws SQLException {
        return Jdbc.list(c, VIEW + " ORDER BY log_index LIMIT ?", DecisionLog::view, limit);
    }

    public Optional<DecisionRecordView> get(Connection c, String recordId) throws SQLException {
        return Jdbc.one(c, VIEW + " WHERE record_id = ?", DecisionLog::view, recordId);
    }

    /** Recomputes the chain; returns a description of the first broken entry, if any. */
    public Optional<String> verifyChain(Connection c) throws SQLException {
        List<String[]> entries = Jdbc.list(c, "SELECT log_index, prev_hash, entry_hash, envelope_json"
                        + " FROM decision_record ORDER BY log_index",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
        String prev = ZERO_HASH;
        long expected = 0;
        for (String[] e : entries) {
            if (Long.parseLong(e[0]) != expected) {
                return Optional.of("log index " + expected + " is missing");
            }
            if (!e[1].equals(prev) || !e[2].equals(entryHash(prev, e[3]))) {
                return Optional.of("entry " + expected + " does not chain to the one before it");
            }
            prev = e[2];
            expected++;
        }
        return Optional.empty();
    }

    static String entryHash(String prevHashHex, String canonicalEnvelopeJson) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        bytes.writeBytes(HexFormat.of().parseHex(prevHashHex));
        bytes.writeBytes(Digests.sha256(canonicalEnvelopeJson.getBytes(StandardCharsets.UTF_8)));
        return Digests.sha256Hex(bytes.toByteArray());
    }

    private static DecisionRecordView view(ResultSet rs) throws SQLException {
        return new DecisionRecordView(rs.getString("record_id"), rs.getString("proposal_id"), rs.getString("reviewer"),
                rs.getString("key_id"), JsonValue.parse(Verdict.class, rs.getString("verdict")),
                Jdbc.instant(rs, "recorded_at"), rs.getLong("log_index"),
                Json.parse(rs.getString("envelope_json"), DsseEnvelope.class));
    }
}
