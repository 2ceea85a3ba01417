package dev.countersign.app.cache;

import static dev.countersign.app.cache.ProposalCache.instant;
import static dev.countersign.app.cache.ProposalCache.time;

import dev.countersign.model.Decision;
import dev.countersign.model.JsonValue;
import dev.countersign.model.Verdict;
import dev.countersign.model.json.Json;
import dev.countersign.model.record.DsseEnvelope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Signed decisions on their way to the gateway. A decision is added, and committed to the file, before it is sent
 * for the first time; it keeps its idempotency key and exact bytes for every resend, and leaves the pending state
 * only when the gateway has recorded or refused it. Nothing is ever deleted: a refused decision stays, with the
 * gateway's reason, until the reviewer has seen it (and after).
 */
public final class Outbox {
    private static final String COLUMNS = "idempotency_key, seq, proposal_id, proposal_version, verdict, reviewer,"
            + " key_id, nonce, envelope_json, gateway_key_id, signed_at, state, attempts, last_attempt_at, last_error,"
            + " problem_type,"
            + " problem_detail, record_id, log_index, resolved_at, acknowledged_at";

    private final CacheDatabase db;

    public Outbox(CacheDatabase db) {
        this.db = db;
    }

    /** How many decisions wait to be sent, and how many refusals the reviewer has not yet seen. */
    public record Counts(int pending, int refusedUnseen) {}

    /** Where the outbox stands, read in one transaction: counts, proposals with a decision waiting, unseen refusals. */
    public record Snapshot(Counts counts, java.util.Set<String> waitingProposals, List<OutboxEntry> refusedUnseen) {}

    public Snapshot snapshot() {
        return db.read(c -> {
            java.util.Set<String> waiting = new java.util.HashSet<>();
            int pending = 0;
            try (PreparedStatement s = c.prepareStatement("SELECT proposal_id FROM outbox WHERE state = 'pending'");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    waiting.add(rs.getString(1));
                    pending++;
                }
            }
            List<OutboxEntry> unseen = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE state = 'refused'"
                    + " AND acknowledged_at IS NULL ORDER BY seq"); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    unseen.add(entry(rs));
                }
            }
            return new Snapshot(new Counts(pending, unseen.size()), java.util.Set.copyOf(waiting), List.copyOf(unseen));
        });
    }

    /**
     * Adds a signed decision and, in the same transaction, uses up the nonce kept for its proposal, so the console
     * never signs two decisions with one nonce.
     */
    public OutboxEntry add(String idempotencyKey, DsseEnvelope envelope, Decision decision, String gatewayKeyId,
            Instant signedAt) {
        return db.write(c -> {
            long seq;
            try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) + 1 FROM outbox");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                seq = rs.getLong(1);
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO outbox (idempotency_key, seq, proposal_id,"
                    + " proposal_version, verdict, reviewer, key_id, nonce, envelope_json, gateway_key_id, signed_at,"
                    + " state, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0)")) {
                s.setString(1, idempotencyKey);
                s.setLong(2, seq);
                s.setString(3, decision.proposalId());
                s.setInt(4, decision.proposalVersion());
                s.setString(5, decision.verdict().json());
                s.setString(6, decision.reviewer());
                s.setString(7, decision.keyId());
                s.setString(8, decision.nonce());
                s.setString(9, Json.string(envelope));
                s.setString(10, gatewayKeyId);
                s.setObject(11, time(signedAt));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM proposal_nonce WHERE proposal_id = ? AND nonce = ?")) {
                s.setString(1, decision.proposalId());
                s.setString(2, decision.nonce());
                s.executeUpdate();
            }
            return find(c, idempotencyKey).orElseThrow();
        });
    }

    /** Decisions not yet recorded or refused, in the order they were signed. */
    public List<OutboxEntry> pending() {
        return list("WHERE state = 'pending' ORDER BY seq");
    }

    /**
     * The pending decisions signed for this gateway (or before the console knew which gateway it was), in order;
     * decisions signed for another gateway wait for it and are never sent here.
     */
    public List<OutboxEntry> pendingFor(String gatewayKeyId) {
        return db.read(c -> {
            List<OutboxEntry> entries = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE state = 'pending'"
                    + " AND (gateway_key_id IS NULL OR gateway_key_id = ?) ORDER BY seq")) {
                s.setString(1, gatewayKeyId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        entries.add(entry(rs));
                    }
                }
            }
            return entries;
        });
    }

    /** Refusals the reviewer has not acknowledged, oldest first. */
    public List<OutboxEntry> refusedUnseen() {
        return list("WHERE state = 'refused' AND acknowledged_at IS NULL ORDER BY seq");
    }

    /** Every entry, oldest first. */
    public List<OutboxEntry> all() {
        return list("ORDER BY seq");
    }

    public Optional<OutboxEntry> entry(String idempotencyKey) {
        return db.read(c -> find(c, idempotencyKey));
    }

    public Counts counts() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT"
                    + " COUNT(CASE WHEN state = 'pending' THEN 1 END),"
                    + " COUNT(CASE WHEN state = 'refused' AND acknowledged_at IS NULL THEN 1 END) FROM outbox");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                return new Counts(rs.getInt(1), rs.getInt(2));
            }
        });
    }

    /** An attempt to send failed before the gateway answered; the entry stays pending. */
    public void attemptFailed(String idempotencyKey, Instant at, String error) {
        update(idempotencyKey, "UPDATE outbox SET attempts = attempts + 1, last_attempt_at = ?, last_error = ?"
                + " WHERE idempotency_key = ? AND state = 'pending'", time(at), truncate(error, 2000));
    }

    /** The gateway recorded it. */
    public void recorded(String idempotencyKey, String recordId, long logIndex, Instant at) {
        update(idempotencyKey, "UPDATE outbox SET state = 'recorded', attempts = attempts + 1,"
                + " last_attempt_at = ?, last_error = NULL, record_id = ?, log_index = ?, resolved_at = ?"
                + " WHERE idempotency_key = ? AND state = 'pending'", time(at), recordId, logIndex, time(at));
    }

    /** The gateway refused it, for good: the proposal changed, closed, expired, or the decision was not allowed. */
    public void refused(String idempotencyKey, String problemType, String detail, Instant at) {
        update(idempotencyKey, "UPDATE outbox SET state = 'refused', attempts = attempts + 1,"
                + " last_attempt_at = ?, problem_type = ?, problem_detail = ?, resolved_at = ?"
                + " WHERE idempotency_key = ? AND state = 'pending'", time(at), truncate(problemType, 100),
                truncate(detail, 4000), time(at));
    }

    /** The reviewer has seen the refusal. The entry stays, as a record of what was signed and why it did not count. */
    public void acknowledge(String idempotencyKey, Instant at) {
        update(idempotencyKey, "UPDATE outbox SET acknowledged_at = ? WHERE idempotency_key = ?"
                + " AND acknowledged_at IS NULL", time(at));
    }

    private void update(String idempotencyKey, String sql, Object... values) {
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int i = 1;
                for (Object v : values) {
                    s.setObject(i++, v);
                }
                s.setString(i, idempotencyKey);
                return s.executeUpdate();
            }
        });
    }

    private List<OutboxEntry> list(String where) {
        return db.read(c -> {
            List<OutboxEntry> entries = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox " + where);
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.add(entry(rs));
                }
            }
            return entries;
        });
    }

    private static Optional<OutboxEntry> find(Connection c, String idempotencyKey) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE idempotency_key = ?")) {
            s.setString(1, idempotencyKey);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
            }
        }
    }

    private static OutboxEntry entry(ResultSet rs) throws SQLException {
        long logIndex = rs.getLong(19);
        Long index = rs.wasNull() ? null : logIndex;
        String json = rs.getString(9);
        return new OutboxEntry(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                JsonValue.parse(Verdict.class, rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                Json.parse(json, DsseEnvelope.class), json, rs.getString(10), instant(rs, 11),
                OutboxEntry.State.of(rs.getString(12)), rs.getInt(13), instant(rs, 14), rs.getString(15),
                rs.getString(16), rs.getString(17), rs.getString(18), index, instant(rs, 20), instant(rs, 21));
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
