package dev.countersign.gateway.proposals;

import dev.countersign.gateway.store.Jdbc;
import dev.countersign.gateway.store.Tx;
import dev.countersign.model.JsonValue;
import dev.countersign.model.Proposal;
import dev.countersign.model.ProposalContext;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.api.Approval;
import dev.countersign.model.json.CanonicalJson;
import dev.countersign.model.json.Digests;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Proposals in the database: their current state, every version with its context (as canonical JSON), and, read
 * from the decision log, the approvals of a version. Every change to what a proposal's view shows takes the next
 * change sequence number.
 */
public final class ProposalStore {
    /** The database's name never changes once made; read once. */
    private volatile String instance;
    private static final String ROW = "SELECT id, version, status, agent_owner, approvals_required, created_at,"
            + " expires_at, updated_at, decided_at, change_seq FROM proposal";

    public void insert(Tx tx, Proposal proposal, ProposalContext context, int approvalsRequired, Instant now)
            throws SQLException {
        Jdbc.update(tx.connection(), "INSERT INTO proposal (id, version, status, agent_owner, approvals_required,"
                        + " created_at, expires_at, updated_at, change_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                        + " NEXT VALUE FOR change_seq)",
                proposal.id(), proposal.version(), ProposalStatus.PENDING.json(), proposal.agent().owner(),
                approvalsRequired, proposal.createdAt(), proposal.expiresAt(), now);
        insertVersion(tx, proposal, context, now);
        tx.touched(proposal.id());
    }

    public void addVersion(Tx tx, Proposal proposal, ProposalContext context, int approvalsRequired, Instant now)
            throws SQLException {
        addRefreshedVersion(tx, proposal, context, approvalsRequired, now);
        tx.touched(proposal.id());
    }

    /**
     * A new version made by a context refresh: stored and given the next change sequence like any new version, but
     * those waiting on the proposal's outcome are not woken, since a refresh changes no outcome (a status change that
     * follows, such as an automatic approval, wakes them as usual).
     */
    public void addRefreshedVersion(Tx tx, Proposal proposal, ProposalContext context, int approvalsRequired,
            Instant now) throws SQLException {
        insertVersion(tx, proposal, context, now);
        Jdbc.update(tx.connection(), "UPDATE proposal SET version = ?, approvals_required = ?, updated_at = ?,"
                        + " change_seq = NEXT VALUE FOR change_seq WHERE id = ?",
                proposal.version(), approvalsRequired, now, proposal.id());
    }

    /**
     * Replaces the context of a version with a new snapshot (a refresh that keeps the version), and gives the
     * proposal the next change sequence so every console's queue shows it. Decisions bound to the old context then
     * fail the context digest check. Only for a version no decision record names, so every record's context stays
     * stored. Waiters on the outcome are not woken: a refresh is not a decision.
     */
    public void replaceContext(Tx tx, ProposalContext context, Instant now) throws SQLException {
        String contextJson = canonical(context);
        int updated = Jdbc.update(tx.connection(), "UPDATE context SET context_json = ?, context_digest = ?,"
                        + " captured_at = ? WHERE proposal_id = ? AND proposal_version = ?",
                contextJson, sha256(contextJson), context.capturedAt(), context.proposalId(),
                context.proposalVersion());
        if (updated != 1) {
            throw new IllegalStateException("proposal " + context.proposalId() + " has no stored context for version "
                    + context.proposalVersion());
        }
        Jdbc.update(tx.connection(), "UPDATE proposal SET updated_at = ?, change_seq = NEXT VALUE FOR change_seq"
                + " WHERE id = ?", now, context.proposalId());
    }

    /** Whether any decision record (of any verdict) is bound to this version. */
    public boolean hasRecords(Connection c, String id, int version) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM decision_record WHERE proposal_id = ? AND proposal_version = ?",
                id, version) > 0;
    }

    private static void insertVersion(Tx tx, Proposal proposal, ProposalContext context, Instant now)
            throws SQLException {
        String proposalJson = canonical(proposal);
        String contextJson = canonical(context);
        Jdbc.update(tx.connection(), "INSERT INTO proposal_version (proposal_id, version, proposal_json,"
                        + " proposal_digest, created_at) VALUES (?, ?, ?, ?, ?)",
                proposal.id(), proposal.version(), proposalJson, sha256(proposalJson), now);
        Jdbc.update(tx.connection(), "INSERT INTO context (proposal_id, proposal_version, context_json,"
                        + " context_digest, captured_at) VALUES (?, ?, ?, ?, ?)",
                proposal.id(), proposal.version(), contextJson, sha256(contextJson), context.capturedAt());
    }

    /** Sets a new status; a final status records when it became final. */
    public void setStatus(Tx tx, String id, ProposalStatus status, Instant decidedAt, Instant now)
            throws SQLException {
        Jdbc.update(tx.connection(), "UPDATE proposal SET status = ?, decided_at = ?, updated_at = ?,"
                + " change_seq = NEXT VALUE FOR change_seq WHERE id = ?", status.json(), decidedAt, now, id);
        tx.touched(id);
    }

    /** Marks that a proposal's view changed without a change of status (e.g. a new approval). */
    public void touch(Tx tx, String id, Instant now) throws SQLException {
        Jdbc.update(tx.connection(), "UPDATE proposal SET updated_at = ?, change_seq = NEXT VALUE FOR change_seq"
                + " WHERE id = ?", now, id);
        tx.touched(id);
    }

    public Optional<ProposalRow> find(Connection c, String id) throws SQLException {
        return Jdbc.one(c, ROW + " WHERE id = ?", ProposalStore::row, id);
    }

    /** The current row, locked for the rest of the write transaction. */
    public Optional<ProposalRow> findForUpdate(Tx tx, String id) throws SQLException {
        return Jdbc.one(tx.connection(), ROW + " WHERE id = ? FOR UPDATE", ProposalStore::row, id);
    }

    public List<ProposalRow> changedSince(Connection c, long seq, int limit) throws SQLException {
        return Jdbc.list(c, ROW + " WHERE change_seq > ? ORDER BY change_seq LIMIT ?", ProposalStore::row, seq, limit);
    }

    /** This database's random name (made by migration V5), which queue cursors carry. */
    public String instance(Connection c) throws SQLException {
        String known = instance;
        if (known == null) {
            known = Jdbc.one(c, "SELECT meta_value FROM gateway_meta WHERE meta_key = 'instance'",
                    rs -> rs.getString(1)).orElseThrow(() -> new SQLException("gateway_meta has no instance"));
            instance = known;
        }
        return known;
    }

    public long lastChange(Connection c) throws SQLException {
        return Jdbc.one(c, "SELECT COALESCE(MAX(change_seq), 0) FROM proposal", rs -> rs.getLong(1)).orElse(0L);
    }

    public List<ProposalRow> pendingExpiredAt(Connection c, Instant now) throws SQLException {
        return Jdbc.list(c, ROW + " WHERE status = 'pending' AND expires_at <= ? ORDER BY expires_at, id",
                ProposalStore::row, now);
    }

    public boolean anyPendingExpiredAt(Connection c, Instant now) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM proposal WHERE status = 'pending' AND expires_at <= ?", now) > 0;
    }

    public Optional<StoredVersion> version(Connection c, String id, int version) throws SQLException {
        return Jdbc.one(c, "SELECT v.proposal_json, v.proposal_digest, x.context_json, x.context_digest"
                        + " FROM proposal_version v JOIN context x"
                        + " ON x.proposal_id = v.proposal_id AND x.proposal_version = v.version"
                        + " WHERE v.proposal_id = ? AND v.version = ?",
                rs -> new StoredVersion(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                id, version);
    }

    /** Each reviewer's first approval of the given version, in log order. */
    public List<Approval> approvals(Connection c, String id, int version) throws SQLException {
        return Jdbc.list(c, "SELECT r.reviewer, r.key_id, r.recorded_at, r.record_id FROM decision_record r"
                        + " WHERE r.proposal_id = ? AND r.proposal_version = ? AND r.verdict = 'approve'"
                        + " AND r.log_index = (SELECT MIN(f.log_index) FROM decision_record f WHERE"
                        + " f.proposal_id = r.proposal_id AND f.proposal_version = r.proposal_version"
                        + " AND f.verdict = 'approve' AND f.reviewer = r.reviewer) ORDER BY r.log_index",
                rs -> new Approval(rs.getString(1), rs.getString(2), Jdbc.instant(rs, "recorded_at"),
                        rs.getString(4)),
                id, version);
    }

    public List<String> recordIds(Connection c, String id) throws SQLException {
        return Jdbc.list(c, "SELECT record_id FROM decision_record WHERE proposal_id = ? ORDER BY log_index",
                rs -> rs.getString(1), id);
    }

    private static ProposalRow row(ResultSet rs) throws SQLException {
        return new ProposalRow(rs.getString("id"), rs.getInt("version"),
                JsonValue.parse(ProposalStatus.class, rs.getString("status")), rs.getString("agent_owner"),
                rs.getInt("approvals_required"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "expires_at"),
                Jdbc.instant(rs, "updated_at"), Jdbc.instant(rs, "decided_at"), rs.getLong("change_seq"));
    }

    private static String canonical(Object value) {
        return CanonicalJson.string(value);
    }

    private static String sha256(String canonicalJson) {
        return Digests.sha256Hex(canonicalJson.getBytes(StandardCharsets.UTF_8));
    }
}
