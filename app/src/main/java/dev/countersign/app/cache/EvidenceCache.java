package dev.countersign.app.cache;

import static dev.countersign.app.cache.ProposalCache.time;

import dev.countersign.model.Proposal;
import dev.countersign.model.ProposalContext;
import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.api.ProposalVersionView;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.api.ReviewerView;
import dev.countersign.model.bundle.Evidence;
import dev.countersign.model.bundle.EvidenceItem;
import dev.countersign.model.json.CanonicalJson;
import dev.countersign.model.json.Digests;
import dev.countersign.model.json.Json;
import dev.countersign.model.log.Checkpoint;
import dev.countersign.model.log.LogEntry;
import dev.countersign.model.record.DsseEnvelope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the console holds to prove decisions offline: every synced decision record with the proposal version and
 * context it is bound to, the reviewers' keys, the gateway's key, its newest synced checkpoint and the log entries.
 * Sync fills it ({@code ConsoleSync}); {@link #all()} and {@link #forRecords} read it as {@link Evidence}, from one
 * consistent snapshot of the file.
 */
public final class EvidenceCache {
    /** The reviewer the gateway names in its own automatic approvals (docs/formats.md): not a reviewer to fetch. */
    public static final String GATEWAY_REVIEWER = "gateway:policy";
    private static final String ITEMS = "SELECT r.record_json, r.proposal_id, r.proposal_version, v.proposal_json,"
            + " v.context_json FROM decision_record r LEFT JOIN proposal_version v"
            + " ON v.proposal_id = r.proposal_id AND v.version = r.proposal_version";
    private final CacheDatabase db;

    EvidenceCache(CacheDatabase db) {
        this.db = db;
    }

    /** Everything held, records in log order; the log segment runs from the lowest record's index. */
    public Evidence all() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(ITEMS + " ORDER BY r.log_index")) {
                return evidence(c, items(s));
            }
        });
    }

    /**
     * The given records (unknown ids are left out), in log order, with the reviewers they name and the log segment
     * from the lowest of them up to the checkpoint's last entry.
     */
    public Evidence forRecords(Collection<String> recordIds) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(ITEMS + " WHERE r.record_id = ANY(?) ORDER BY r.log_index")) {
                s.setArray(1, c.createArrayOf("VARCHAR", new LinkedHashSet<>(recordIds).toArray()));
                return evidence(c, items(s));
            }
        });
    }

    private static List<EvidenceItem> items(PreparedStatement s) throws SQLException {
        List<EvidenceItem> items = new ArrayList<>();
        Map<String, Proposal> proposals = new HashMap<>(); // one parse per version, however many records it has
        Map<String, ProposalContext> contexts = new HashMap<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                DecisionRecordView record = Json.parse(rs.getString(1), DecisionRecordView.class);
                String proposalJson = rs.getString(4);
                if (proposalJson == null) {
                    items.add(new EvidenceItem(record, null, null));
                    continue;
                }
                String key = rs.getString(2) + "@" + rs.getInt(3);
                String contextJson = rs.getString(5);
                items.add(new EvidenceItem(record,
                        proposals.computeIfAbsent(key, k -> Json.parse(proposalJson, Proposal.class)),
                        contexts.computeIfAbsent(key, k -> Json.parse(contextJson, ProposalContext.class))));
            }
        }
        return items;
    }

    private static Evidence evidence(Connection c, List<EvidenceItem> items) throws SQLException {
        Set<String> named = new TreeSet<>();
        items.forEach(i -> named.add(i.record().reviewer()));
        List<ReviewerView> reviewers = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT view_json FROM reviewer_view WHERE reviewer = ANY(?) ORDER BY reviewer")) {
            s.setArray(1, c.createArrayOf("VARCHAR", named.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    reviewers.add(Json.parse(rs.getString(1), ReviewerView.class));
                }
            }
        }
        Optional<HeldCheckpoint> checkpoint = checkpoint(c);
        List<LogEntry> log = List.of();
        if (checkpoint.isPresent() && !items.isEmpty()) {
            long from = items.stream().mapToLong(i -> i.record().logIndex()).min().orElseThrow();
            log = entries(c, from, checkpoint.get().size());
        }
        return new Evidence(items, reviewers, checkpoint.map(HeldCheckpoint::gatewayPublicKey).orElse(null),
                checkpoint.map(HeldCheckpoint::envelope).orElse(null), log);
    }

    // ---- what sync reads and stores ----

    /** The newest checkpoint held, which the log held verified against, and the gateway key it was checked with. */
    public record HeldCheckpoint(DsseEnvelope envelope, long size, String headHash, String gatewayPublicKey,
            Instant fetchedAt) {}

    /**
     * A version some held record is bound to but the cache does not hold, with the proposal as the queue last served
     * it when that is the same version ({@code cached}, else null).
     */
    public record Unbound(Binding binding, ProposalView cached) {}

    /** Reads what records cached before these columns existed are bound to; returns how many it read. */
    public int bindOlderRecords() {
        return db.write(c -> {
            List<Binding> found = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT record_json FROM decision_record WHERE proposal_version IS NULL")) {
                while (rs.next()) {
                    DecisionRecordView record = Json.parse(rs.getString(1), DecisionRecordView.class);
                    ids.add(record.recordId());
                    found.add(Binding.of(record));
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE decision_record SET proposal_version = ? WHERE record_id = ?")) {
                for (int i = 0; i < ids.size(); i++) {
                    s.setInt(1, found.get(i).version());
                    s.setString(2, ids.get(i));
                    s.addBatch();
                }
                s.executeBatch();
            }
            return ids.size();
        });
    }

    /** Every version held records are bound to that is not held, once each, in the order of their first record. */
    public List<Unbound> unbound() {
        return db.read(c -> {
            Map<String, Unbound> found = new java.util.LinkedHashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT r.record_json, d.view_json"
                    + " FROM decision_record r"
                    + " LEFT JOIN proposal p ON p.id = r.proposal_id AND p.version = r.proposal_version"
                    + " LEFT JOIN proposal_doc d ON d.id = p.id"
                    + " WHERE r.proposal_version > 0 AND NOT EXISTS (SELECT 1 FROM proposal_version v"
                    + " WHERE v.proposal_id = r.proposal_id AND v.version = r.proposal_version)"
                    + " ORDER BY r.log_index")) {
                while (rs.next()) {
                    Binding binding = Binding.of(Json.parse(rs.getString(1), DecisionRecordView.class));
                    String key = binding.proposalId() + "@" + binding.version();
                    if (!found.containsKey(key)) {
                        String view = rs.getString(2);
                        found.put(key, new Unbound(binding, view == null ? null : Json.parse(view, ProposalView.class)));
                    }
                }
            }
            return List.copyOf(found.values());
        });
    }

    /**
     * Stores proposal versions with their contexts, as canonical JSON with the digests of what is stored. A version
     * already held is kept as it is: the context of a version that carries records never changes.
     */
    public void putVersions(Collection<ProposalVersionView> versions) {
        if (versions.isEmpty()) {
            return;
        }
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("MERGE INTO proposal_version (proposal_id, version,"
                    + " proposal_json, context_json, proposal_digest, context_digest) KEY (proposal_id, version)"
                    + " VALUES (?, ?, ?, ?, ?, ?)")) {
                for (ProposalVersionView v : versions) {
                    String proposal = CanonicalJson.string(v.proposal());
                    String context = CanonicalJson.string(v.context());
                    s.setString(1, v.proposal().id());
                    s.setInt(2, v.proposal().version());
                    s.setString(3, proposal);
                    s.setString(4, context);
                    s.setString(5, sha256(proposal));
                    s.setString(6, sha256(context));
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    /**
     * The reviewers held records name (not the gateway's own {@link #GATEWAY_REVIEWER}), sorted; only those not
     * held yet unless {@code includingHeld}.
     */
    public List<String> reviewersNamed(boolean includingHeld) {
        return db.read(c -> {
            List<String> names = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT reviewer FROM decision_record"
                    + " WHERE reviewer <> ?" + (includingHeld ? ""
                    : " AND reviewer NOT IN (SELECT reviewer FROM reviewer_view)") + " ORDER BY reviewer")) {
                s.setString(1, GATEWAY_REVIEWER);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
            }
            return names;
        });
    }

    /** Stores (or replaces) reviewers as the gateway described them. */
    public void putReviewers(Collection<ReviewerView> reviewers, Instant fetchedAt) {
        if (reviewers.isEmpty()) {
            return;
        }
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("MERGE INTO reviewer_view (reviewer, view_json, fetched_at)"
                    + " KEY (reviewer) VALUES (?, ?, ?)")) {
                for (ReviewerView r : reviewers) {
                    s.setString(1, r.reviewer());
                    s.setString(2, Json.string(r));
                    s.setObject(3, time(fetchedAt));
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    /** How many log entries are held (they run from index 0 without a gap). */
    public long logSize() {
        return db.read(c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(log_index) + 1, 0) FROM log_entry")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Every log entry held, in index order. */
    public List<LogEntry> log() {
        return db.read(c -> entries(c, 0, Long.MAX_VALUE));
    }

    public Optional<HeldCheckpoint> checkpoint() {
        return db.read(EvidenceCache::checkpoint);
    }

    /**
     * Stores a checkpoint that verified, and the entries that take the held log up to its last one, in one
     * transaction; {@code entries} must start at {@link #logSize()}. Call it only once the whole log verified against
     * the checkpoint.
     */
    public void storeLog(List<LogEntry> entries, DsseEnvelope envelope, Checkpoint checkpoint,
            String gatewayPublicKey, Instant fetchedAt) {
        db.write(c -> {
            long next;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(log_index) + 1, 0) FROM log_entry")) {
                rs.next();
                next = rs.getLong(1);
            }
            if (!entries.isEmpty() && entries.get(0).index() != next) {
                throw new IllegalStateException("log entries from " + entries.get(0).index() + " given, " + next
                        + " held");
            }
            if (next + entries.size() != checkpoint.size()) {
                throw new IllegalStateException("the entries do not end at the checkpoint's last entry");
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO log_entry (log_index, record_id, entry_json) VALUES (?, ?, ?)")) {
                for (LogEntry e : entries) {
                    s.setLong(1, e.index());
                    s.setString(2, e.recordId());
                    s.setString(3, Json.string(e));
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement("MERGE INTO log_checkpoint (singleton, envelope_json,"
                    + " log_size, head_hash, gateway_public_key, fetched_at) KEY (singleton)"
                    + " VALUES (1, ?, ?, ?, ?, ?)")) {
                s.setString(1, Json.string(envelope));
                s.setLong(2, checkpoint.size());
                s.setString(3, checkpoint.headHash());
                s.setString(4, gatewayPublicKey);
                s.setObject(5, time(fetchedAt));
                s.executeUpdate();
            }
            return null;
        });
    }

    private static Optional<HeldCheckpoint> checkpoint(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT envelope_json, log_size,"
                + " head_hash, gateway_public_key, fetched_at FROM log_checkpoint WHERE singleton = 1")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new HeldCheckpoint(Json.parse(rs.getString(1), DsseEnvelope.class), rs.getLong(2),
                    rs.getString(3), rs.getString(4),
                    rs.getObject(5, java.time.OffsetDateTime.class).toInstant()));
        }
    }

    private static List<LogEntry> entries(Connection c, long from, long toExclusive) throws SQLException {
        List<LogEntry> log = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT entry_json FROM log_entry WHERE log_index >= ?"
                + " AND log_index < ? ORDER BY log_index")) {
            s.setLong(1, from);
            s.setLong(2, toExclusive);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    log.add(Json.parse(rs.getString(1), LogEntry.class));
                }
            }
        }
        return log;
    }

    private static String sha256(String canonicalJson) {
        return Digests.sha256Hex(canonicalJson.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
