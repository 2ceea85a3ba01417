package dev.countersign.app.cache;

import dev.countersign.model.ActionType;
import dev.countersign.model.JsonValue;
import dev.countersign.model.NhiKind;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.RiskTier;
import dev.countersign.model.api.NonceGrant;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Proposals as the gateway last served them, the sync cursor, and the decision nonces fetched ahead. Every method is
 * one transaction; writes go through the database's writer thread.
 */
public final class ProposalCache {
    private static final String SUMMARY_COLUMNS = "id, version, status, risk_tier, action_type, environment,"
            + " target_id, target_name, target_kind, agent_id, approvals_given, approvals_required, created_at,"
            + " expires_at, updated_at, context_captured_at, synced_at";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProposalCache.class);
    private final CacheDatabase db;

    public ProposalCache(CacheDatabase db) {
        this.db = db;
    }

    /** What a page of the gateway's queue feed changed, and the cursor after it. */
    public record Applied(List<ProposalSummary> changed) {}

    /**
     * Stores a page of changed proposals and the cursor that follows it, in one transaction: a sync interrupted
     * between pages resumes after the last stored page, and a page received twice changes nothing the second time.
     * A view behind the stored one ({@link ProposalSummary#PROGRESS}) is skipped.
     */
    public Applied applyPage(List<ProposalView> views, String nextCursor, Instant syncedAt) {
        return db.write(c -> {
            List<ProposalSummary> changed = new ArrayList<>();
            for (ProposalView view : views) {
                if (store(c, view, syncedAt)) {
                    changed.add(ProposalSummary.of(view, syncedAt));
                }
            }
            Meta.put(c, Meta.QUEUE_CURSOR, nextCursor);
            Meta.put(c, Meta.LAST_SYNC, syncedAt.toString());
            return new Applied(changed);
        });
    }

    /** Stores one view fetched on its own (a refresh, or the proposal after a decision). */
    public Optional<ProposalSummary> put(ProposalView view, Instant syncedAt) {
        return db.write(c -> store(c, view, syncedAt) ? Optional.of(ProposalSummary.of(view, syncedAt))
                : Optional.<ProposalSummary>empty());
    }

    private static boolean store(Connection c, ProposalView view, Instant syncedAt) throws SQLException {
        var p = view.proposal();
        if (!fits(view)) {
            // a gateway answer no genuine gateway gives: skipped, so one item cannot stop every sync
            LOG.warn("proposal {} not cached: a field is longer than the cache holds", abbreviate(p.id()));
            return false;
        }
        ProposalSummary incoming = ProposalSummary.of(view, syncedAt);
        try (PreparedStatement s = c.prepareStatement("SELECT " + SUMMARY_COLUMNS + " FROM proposal WHERE id = ?")) {
            s.setString(1, p.id());
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next() && !incoming.notBehind(summary(rs))) {
                    return false;
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("MERGE INTO proposal (" + SUMMARY_COLUMNS + ", queue_key)"
                + " KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = 1;
            s.setString(i++, p.id());
            s.setInt(i++, p.version());
            s.setString(i++, view.status().json());
            s.setString(i++, p.riskTier().json());
            s.setString(i++, p.actionType().json());
            s.setString(i++, p.environment());
            s.setString(i++, p.target().id());
            s.setString(i++, p.target().name());
            s.setString(i++, p.target().kind().json());
            s.setString(i++, p.agent().id());
            s.setInt(i++, view.approvals().size());
            s.setInt(i++, view.approvalsRequired());
            s.setObject(i++, time(p.createdAt()));
            s.setObject(i++, time(p.expiresAt()));
            s.setObject(i++, time(view.updatedAt()));
            s.setObject(i++, time(view.context().capturedAt()));
            s.setObject(i++, time(syncedAt));
            s.setString(i, queueKey(incoming));
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(
                "MERGE INTO proposal_doc (id, view_json) KEY (id) VALUES (?, ?)")) {
            s.setString(1, p.id());
            s.setString(2, Json.string(view));
            s.executeUpdate();
        }
        if (view.status() != ProposalStatus.PENDING) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM proposal_nonce WHERE proposal_id = ?")) {
                s.setString(1, p.id());
                s.executeUpdate();
            }
        }
        return true;
    }

    /** True if every summary column can hold the view's value (the limits of V1__console_cache.sql). */
    static boolean fits(ProposalView view) {
        var p = view.proposal();
        return p.id().length() <= 64 && p.environment().length() <= 200 && p.target().id().length() <= 200
                && p.target().name().length() <= 400 && p.agent().id().length() <= 1000;
    }

    private static String abbreviate(String text) {
        return text.length() <= 70 ? text : text.substring(0, 67) + "…";
    }

    /** Every cached proposal's summary, for the queue. */
    public List<ProposalSummary> summaries() {
        return summaries("SELECT " + SUMMARY_COLUMNS + " FROM proposal", Integer.MAX_VALUE);
    }

    /**
     * The first {@code limit} summaries in the queue's own order (open work first, the riskiest, the soonest to
     * expire): enough to fill the screen while the rest is read.
     */
    public List<ProposalSummary> firstSummaries(int limit) {
        return summaries("SELECT " + SUMMARY_COLUMNS + " FROM proposal ORDER BY queue_key LIMIT ?", limit);
    }

    /**
     * The queue's order (QueueViewModel.ORDER: open first, then the riskiest, then the soonest to expire, then id) as
     * one string that sorts the same way, so an index can serve it.
     */
    static String queueKey(ProposalSummary s) {
        int tierRank = RiskTier.values().length - 1 - s.riskTier().ordinal(); // critical first
        return (s.status() == ProposalStatus.PENDING ? "0" : "1") + tierRank
                + String.format(java.util.Locale.ROOT, "%013d", Math.max(0, s.expiresAt().getEpochSecond()))
                + String.format(java.util.Locale.ROOT, "%09d", s.expiresAt().getNano()) + s.id();
    }

    private List<ProposalSummary> summaries(String sql, int limit) {
        return db.read(c -> {
            List<ProposalSummary> all = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                if (limit != Integer.MAX_VALUE) {
                    s.setInt(1, limit);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        all.add(summary(rs));
                    }
                }
            }
            return all;
        });
    }

    /** The whole view of one proposal as last served, if it is cached. */
    public Optional<ProposalView> view(String id) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT view_json FROM proposal_doc WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(Json.parse(rs.getString(1), ProposalView.class))
                            : Optional.<ProposalView>empty();
                }
            }
        });
    }

    /** How many proposals the cache holds. */
    public int size() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM proposal");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** The gateway's cursor after the last stored page; empty: sync from the beginning. */
    public Optional<String> cursor() {
        return db.read(c -> Meta.get(c, Meta.QUEUE_CURSOR));
    }

    /** When the last page was stored. */
    public Optional<Instant> lastSync() {
        return db.read(c -> Meta.get(c, Meta.LAST_SYNC).map(Instant::parse));
    }

    /** Forgets the cursor (the gateway did not know it): the next sync starts over and overwrites what it finds. */
    public void resetCursor() {
        db.write(c -> {
            Meta.delete(c, Meta.QUEUE_CURSOR);
            return null;
        });
    }

    /** The gateway key this cache was filled from; empty for a new cache. */
    public Optional<String> gatewayKeyId() {
        return db.read(c -> Meta.get(c, Meta.GATEWAY_KEY));
    }

    /**
     * Records which gateway (by its signing key) fills this cache. If it is not the one that filled it so far, the
     * proposals, nonces, records (with what proves them) and cursor are dropped (that gateway was reset or replaced); the outbox is kept.
     * Returns true if anything was dropped.
     */
    public boolean bindGateway(String keyId) {
        return db.write(c -> {
            Optional<String> known = Meta.get(c, Meta.GATEWAY_KEY);
            boolean other = known.isPresent() && !known.get().equals(keyId);
            if (other) {
                drop(c);
            }
            Meta.put(c, Meta.GATEWAY_KEY, keyId);
            return other;
        });
    }

    /** Drops every proposal, nonce, record and the cursor (not the outbox): the next sync fills the cache anew. */
    public void dropProposals() {
        db.write(c -> {
            drop(c);
            return null;
        });
    }

    private static void drop(Connection c) throws SQLException {
        try (var s = c.createStatement()) {
            s.executeUpdate("DELETE FROM decision_record");
            s.executeUpdate("DELETE FROM proposal_version");
            s.executeUpdate("DELETE FROM reviewer_view");
            s.executeUpdate("DELETE FROM log_entry");
            s.executeUpdate("DELETE FROM log_checkpoint");
            s.executeUpdate("DELETE FROM proposal_nonce");
            s.executeUpdate("DELETE FROM proposal_doc");
            s.executeUpdate("DELETE FROM proposal");
        }
        Meta.delete(c, Meta.QUEUE_CURSOR);
    }

    /** Pending, unexpired proposals that have no nonce yet, oldest first, at most {@code limit}. */
    public List<String> needingNonces(Instant now, int limit) {
        return db.read(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT p.id FROM proposal p LEFT JOIN proposal_nonce n"
                    + " ON n.proposal_id = p.id WHERE p.status = 'pending' AND p.expires_at > ? AND n.nonce IS NULL"
                    + " ORDER BY p.expires_at, p.id LIMIT ?")) {
                s.setObject(1, time(now));
                s.setInt(2, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        });
    }

    /** Keeps nonces fetched ahead, one per proposal (a newer one replaces an older). */
    public void putNonces(List<NonceGrant> grants, Instant fetchedAt) {
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("MERGE INTO proposal_nonce (proposal_id, nonce,"
                    + " expires_at, fetched_at) KEY (proposal_id) VALUES (?, ?, ?, ?)")) {
                for (NonceGrant g : grants) {
                    if (g.proposalId().length() > 64 || g.nonce().length() > 64) {
                        LOG.warn("a nonce for {} not kept: longer than the cache holds", abbreviate(g.proposalId()));
                        continue;
                    }
                    s.setString(1, g.proposalId());
                    s.setString(2, g.nonce());
                    s.setObject(3, time(g.expiresAt()));
                    s.setObject(4, time(fetchedAt));
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    /** The nonce fetched ahead for a proposal, if there is one. */
    public Optional<NonceGrant> nonce(String proposalId) {
        return db.read(c -> nonce(c, proposalId));
    }

    static Optional<NonceGrant> nonce(Connection c, String proposalId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT nonce, expires_at FROM proposal_nonce WHERE proposal_id = ?")) {
            s.setString(1, proposalId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new NonceGrant(rs.getString(1), proposalId, instant(rs, 2)))
                        : Optional.empty();
            }
        }
    }

    /** Drops a nonce the gateway refused, so a fresh one is fetched. */
    public void dropNonce(String proposalId) {
        db.write(c -> {
            deleteNonce(c, proposalId);
            return null;
        });
    }

    static void deleteNonce(Connection c, String proposalId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM proposal_nonce WHERE proposal_id = ?")) {
            s.setString(1, proposalId);
            s.executeUpdate();
        }
    }

    private static ProposalSummary summary(ResultSet rs) throws SQLException {
        return new ProposalSummary(rs.getString(1), rs.getInt(2),
                JsonValue.parse(ProposalStatus.class, rs.getString(3)),
                JsonValue.parse(RiskTier.class, rs.getString(4)),
                JsonValue.parse(ActionType.class, rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                JsonValue.parse(NhiKind.class, rs.getString(9)), rs.getString(10), rs.getInt(11), rs.getInt(12),
                instant(rs, 13), instant(rs, 14), instant(rs, 15), instant(rs, 16), instant(rs, 17));
    }

    static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
