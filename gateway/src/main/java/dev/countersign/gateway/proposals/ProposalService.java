package dev.countersign.gateway.proposals;

import dev.countersign.gateway.common.Ids;
import dev.countersign.gateway.problem.ProblemException;
import dev.countersign.gateway.problem.ProblemType;
import dev.countersign.gateway.store.Database;
import dev.countersign.gateway.store.StoreException;
import dev.countersign.gateway.store.Tx;
import dev.countersign.gateway.store.Writer;
import dev.countersign.model.PolicyBasis;
import dev.countersign.model.PolicyOutcome;
import dev.countersign.model.Proposal;
import dev.countersign.model.ProposalContext;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.ProposalSubmission;
import dev.countersign.model.api.Outcome;
import dev.countersign.model.api.ProposalVersionView;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.api.QueuePage;
import dev.countersign.model.json.CanonicalJson;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Proposals: submitted by agents, amended by admins, read by consoles and agents. A pending proposal past its
 * expiry is reported expired, and is marked so (with a new change sequence) the first time anyone reads it.
 */
public final class ProposalService {
    private final Database database;
    private final Writer writer;
    private final ProposalStore store;
    private final ContextSnapshots snapshots;
    private final Ids ids;
    private final Clock clock;
    private final AutoDecider autoDecider;

    public ProposalService(Database database, ProposalStore store, ContextSnapshots snapshots, Ids ids, Clock clock) {
        this(database, store, snapshots, ids, clock, AutoDecider.NONE);
    }

    public ProposalService(Database database, ProposalStore store, ContextSnapshots snapshots, Ids ids, Clock clock,
            AutoDecider autoDecider) {
        this.autoDecider = autoDecider;
        this.database = database;
        this.writer = database.writer();
        this.store = store;
        this.snapshots = snapshots;
        this.ids = ids;
        this.clock = clock;
    }

    public ProposalView submit(ProposalSubmission submission) {
        CanonicalJson.bytes(submission); // refuses numbers that have no single canonical form, naming their path
        Instant now = now();
        String id = ids.proposalId();
        ContextSnapshots.Snapshot snap = snapshots.take(id, 1, submission.actionType(), submission.targetId(),
                submission.environment(), now);
        Proposal proposal = new Proposal(id, 1, submission.agent(), submission.actionType(), snap.target().ref(),
                submission.environment(), submission.parameters(), submission.intent(), snap.basis().tier(), now,
                now.plus(submission.expiresInMinutes(), ChronoUnit.MINUTES));
        return writer.write(tx -> {
            store.insert(tx, proposal, snap.context(), snap.basis().approvalsRequired(), now);
            autoDecide(tx, id, 1, snap, now);
            return view(tx.connection(), store.find(tx.connection(), id).orElseThrow());
        });
    }

    /** Makes a new version of a pending proposal with new parameters, and takes a new context snapshot. */
    public ProposalView amend(String id, AmendRequest request) {
        CanonicalJson.bytes(request);
        Instant now = now();
        return writer.write(tx -> {
            ProposalRow row = pendingForUpdate(tx.connection(), id, now);
            Proposal current = store.version(tx.connection(), id, row.version()).orElseThrow().proposal();
            int version = row.version() + 1;
            ContextSnapshots.Snapshot snap = snapshots.take(id, version, current.actionType(), current.target().id(),
                    current.environment(), now);
            Proposal amended = new Proposal(id, version, current.agent(), current.actionType(), snap.target().ref(),
                    current.environment(), request.parameters(),
                    request.intent() == null ? current.intent() : request.intent(), snap.basis().tier(),
                    current.createdAt(), current.expiresAt());
            store.addVersion(tx, amended, snap.context(), snap.basis().approvalsRequired(), now);
            autoDecide(tx, id, version, snap, now);
            return view(tx.connection(), store.find(tx.connection(), id).orElseThrow());
        });
    }

    /**
     * Takes a new context snapshot of a pending proposal's current version from the inventory and policy now in
     * force. When the version is kept, its context is replaced, so a decision signed over the old context is refused
     * as context-changed. A new version is made instead, as an amendment makes one (same parameters and intent), when
     * keeping the version would be unsafe: the policy now gives another tier, outcome, number of approvals or set of
     * deciders, the inventory now describes the target differently, or a decision record is bound to the current
     * version (its context must stay stored, and an approval given over the old context must no longer count).
     * Either way the proposal takes the next change sequence; the agent's outcome is unchanged and its long poll is
     * not woken, unless the new version is approved automatically by policy.
     */
    public ProposalView refreshContext(String id) {
        Instant now = now();
        return writer.write(tx -> {
            Connection c = tx.connection();
            ProposalRow row = pendingForUpdate(c, id, now);
            StoredVersion stored = store.version(c, id, row.version()).orElseThrow();
            Proposal current = stored.proposal();
            ContextSnapshots.Snapshot snap = retake(current, now);
            Proposal kept = rebuilt(current, current.version(), snap);
            if (CanonicalJson.string(kept).equals(stored.proposalJson())
                    && sameRule(stored.context().policyBasis(), snap.basis())
                    && !store.hasRecords(c, id, row.version())) {
                store.replaceContext(tx, snap.context(), now);
            } else {
                int version = row.version() + 1;
                ProposalContext context = snap.context();
                ContextSnapshots.Snapshot next = new ContextSnapshots.Snapshot(snap.target(), new ProposalContext(id,
                        version, context.capturedAt(), context.blastRadius(), context.dependentWorkloads(),
                        context.incidents(), context.policyBasis()));
                store.addRefreshedVersion(tx, rebuilt(current, version, next), next.context(),
                        next.basis().approvalsRequired(), now);
                autoDecide(tx, id, version, next, now);
            }
            return view(c, store.find(c, id).orElseThrow());
        });
    }

    private ContextSnapshots.Snapshot retake(Proposal current, Instant now) {
        try {
            return snapshots.take(current.id(), current.version(), current.actionType(), current.target().id(),
                    current.environment(), now);
        } catch (ProblemException e) {
            throw ProblemException.aboutProposal(e.type(), "The context of proposal " + current.id()
                    + " cannot be refreshed: " + e.detail() + " The proposal is unchanged.", current.id(),
                    ProposalStatus.PENDING);
        }
    }

    /** The proposal as it would be made now: same request, the target and tier of the new snapshot. */
    private static Proposal rebuilt(Proposal current, int version, ContextSnapshots.Snapshot snap) {
        return new Proposal(current.id(), version, current.agent(), current.actionType(), snap.target().ref(),
                current.environment(), current.parameters(), current.intent(), snap.basis().tier(),
                current.createdAt(), current.expiresAt());
    }

    /** Whether the policy still sends the proposal the same way: tier, outcome, approvals and deciders. */
    private static boolean sameRule(PolicyBasis was, PolicyBasis now) {
        return was.tier() == now.tier() && was.outcome() == now.outcome()
                && was.approvalsRequired() == now.approvalsRequired() && was.deciders().equals(now.deciders());
    }

    private void autoDecide(Tx tx, String id, int version, ContextSnapshots.Snapshot snap, Instant now)
            throws SQLException {
        if (snap.basis().outcome() == PolicyOutcome.AUTO_APPROVE) {
            autoDecider.decide(tx, store.version(tx.connection(), id, version).orElseThrow(), now);
        }
    }

    private ProposalRow pendingForUpdate(Connection c, String id, Instant now) throws SQLException {
        ProposalRow row = store.find(c, id).orElseThrow(() -> notFound(id));
        ProposalStatus status = row.statusAt(now);
        if (status == ProposalStatus.EXPIRED) {
            throw ProblemException.aboutProposal(ProblemType.PROPOSAL_EXPIRED,
                    "Proposal " + id + " expired at " + row.expiresAt() + ".", id, status);
        }
        if (status != ProposalStatus.PENDING) {
            throw ProblemException.aboutProposal(ProblemType.PROPOSAL_CLOSED,
                    "Proposal " + id + " is already " + status.json() + ".", id, status);
        }
        return row;
    }

    public ProposalView view(String id) {
        expireDue();
        return read(c -> view(c, store.find(c, id).orElseThrow(() -> notFound(id))));
    }

    /**
     * One stored version with the context stored for it (the one its decision records were shown: a version that
     * carries records never has its context replaced). Not-found for an unknown proposal or version.
     */
    public ProposalVersionView version(String id, int version) {
        return read(c -> {
            store.find(c, id).orElseThrow(() -> notFound(id));
            StoredVersion stored = store.version(c, id, version).orElseThrow(() -> ProblemException.aboutProposal(
                    ProblemType.NOT_FOUND, "Proposal " + id + " has no version " + version + ".", id, null));
            return new ProposalVersionView(stored.proposal(), stored.context(), stored.proposalDigest(),
                    stored.contextDigest());
        });
    }

    public Outcome outcome(String id) {
        expireDue();
        return read(c -> {
            ProposalRow row = store.find(c, id).orElseThrow(() -> notFound(id));
            return new Outcome(id, row.status(), row.decidedAt(), store.recordIds(c, id));
        });
    }

    /** The current row; throws not-found. */
    public ProposalRow row(String id) {
        return read(c -> store.find(c, id).orElseThrow(() -> notFound(id)));
    }

    public QueuePage queue(String cursor, int limit) {
        expireDue();
        return read(c -> {
            String instance = store.instance(c);
            long since = QueueCursor.decode(cursor, instance, store.lastChange(c));
            List<ProposalRow> rows = store.changedSince(c, since, limit + 1);
            boolean more = rows.size() > limit;
            List<ProposalView> items = new ArrayList<>();
            long last = since;
            for (ProposalRow row : rows.subList(0, Math.min(limit, rows.size()))) {
                items.add(view(c, row));
                last = row.changeSeq();
            }
            return new QueuePage(items, QueueCursor.encode(instance, last), more);
        });
    }

    /** Marks every pending proposal whose expiry has passed as expired. Cheap when there is none. */
    public void expireDue() {
        Instant now = clock.instant();
        if (!read(c -> store.anyPendingExpiredAt(c, now))) {
            return;
        }
        writer.write(tx -> {
            for (ProposalRow row : store.pendingExpiredAt(tx.connection(), now)) {
                store.setStatus(tx, row.id(), ProposalStatus.EXPIRED, row.expiresAt(), now());
            }
            return null;
        });
    }

    ProposalView view(Connection c, ProposalRow row) throws SQLException {
        StoredVersion stored = store.version(c, row.id(), row.version())
                .orElseThrow(() -> new StoreException("proposal " + row.id() + " has no stored version "
                        + row.version()));
        return new ProposalView(stored.proposal(), stored.context(), stored.proposalDigest(), stored.contextDigest(),
                row.status(), row.approvalsRequired(), store.approvals(c, row.id(), row.version()), row.updatedAt());
    }

    private <T> T read(Database.Read<T> work) {
        return database.read(work);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    public static ProblemException notFound(String id) {
        return ProblemException.aboutProposal(ProblemType.NOT_FOUND, "No proposal " + id + ".", id, null);
    }
}
