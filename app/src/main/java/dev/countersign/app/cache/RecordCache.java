package dev.countersign.app.cache;

import static dev.countersign.app.cache.ProposalCache.time;

import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.json.Json;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's decision records, kept in log order as they were synced: each page is stored in one transaction, and
 * the next log index to ask for is simply one past the highest stored, so an interrupted sync resumes without a gap
 * or a duplicate. Dropped with the proposals when the gateway turns out to be another one, or reset.
 */
public final class RecordCache {
    private static final Logger LOG = LoggerFactory.getLogger(RecordCache.class);
    private static final String NEXT_INDEX = "SELECT COALESCE(MAX(log_index) + 1, 0) FROM decision_record";
    private final CacheDatabase db;

    private final EvidenceCache evidence;

    RecordCache(CacheDatabase db, EvidenceCache evidence) {
        this.db = db;
        this.evidence = evidence;
    }

    /** What proves the records held: the versions they are bound to, the reviewers, the log and its checkpoint. */
    public EvidenceCache evidence() {
        return evidence;
    }

    /** The log index to sync from: one past the highest record held (0 for none). */
    public long nextIndex() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(NEXT_INDEX); ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * Stores a page of records read from {@link #nextIndex()}; returns how many were new. A record whose log index
     * does not follow on from what is held is not stored (and nothing after it), so a gap can never be filled later
     * by mistake.
     */
    public int append(List<DecisionRecordView> page) {
        return db.write(c -> {
            long next;
            try (PreparedStatement s = c.prepareStatement(NEXT_INDEX); ResultSet rs = s.executeQuery()) {
                rs.next();
                next = rs.getLong(1);
            }
            int stored = 0;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO decision_record (record_id, log_index,"
                    + " proposal_id, reviewer, verdict, recorded_at, record_json, proposal_version)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (DecisionRecordView r : page) {
                    if (r.logIndex() < next) {
                        continue; // already held
                    }
                    if (r.logIndex() != next || r.recordId().length() > 64 || r.proposalId().length() > 64
                            || r.reviewer().length() > 320) {
                        LOG.warn("decision record at log index {} not cached: expected index {}", r.logIndex(), next);
                        break;
                    }
                    s.setString(1, r.recordId());
                    s.setLong(2, r.logIndex());
                    s.setString(3, r.proposalId());
                    s.setString(4, r.reviewer());
                    s.setString(5, r.verdict().json());
                    s.setObject(6, time(r.recordedAt()));
                    s.setString(7, Json.string(r));
                    s.setInt(8, Binding.of(r).version());
                    s.addBatch();
                    next++;
                    stored++;
                }
                s.executeBatch();
            }
            return stored;
        });
    }

    /** One proposal's records, in log order. */
    public List<DecisionRecordView> forProposal(String proposalId) {
        return db.read(c -> {
            List<DecisionRecordView> records = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT record_json FROM decision_record WHERE proposal_id = ? ORDER BY log_index")) {
                s.setString(1, proposalId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        records.add(Json.parse(rs.getString(1), DecisionRecordView.class));
                    }
                }
            }
            return records;
        });
    }

    /** How many records are held. */
    public int size() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM decision_record");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
