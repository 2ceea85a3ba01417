package dev.countersign.app.sync;

import dev.countersign.app.cache.Binding;
import dev.countersign.app.cache.EvidenceCache;
import dev.countersign.app.cache.ProposalCache;
import dev.countersign.app.common.UserText;
import dev.countersign.model.Proposal;
import dev.countersign.model.ProposalContext;
import dev.countersign.model.api.ProposalVersionView;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.api.ReviewerView;
import dev.countersign.model.api.SignedCheckpoint;
import dev.countersign.model.crypto.KeyIds;
import dev.countersign.model.crypto.PublicKeys;
import dev.countersign.model.json.Digests;
import dev.countersign.model.log.Checkpoint;
import dev.countersign.model.log.Checkpoints;
import dev.countersign.model.log.LogEntry;
import dev.countersign.model.log.LogVerificationException;
import dev.countersign.model.log.LogVerifier;
import dev.countersign.model.record.DecisionRecords;
import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of a sync round that keeps what proves the cached records: the proposal version and context each record
 * is bound to, the reviewers the records name (their keys, enrollments and revocations), and the decision log with
 * the gateway's newest checkpoint. A log that does not verify against the checkpoint, with the gateway key the cache
 * is bound to, is not stored: what was held before stays, and the round says why.
 */
final class EvidenceSync {
    static final int LOG_PAGE = 1000;
    private static final int VERSION_BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(EvidenceSync.class);

    private final GatewayClient client;
    private final ProposalCache proposals;
    private final EvidenceCache evidence;
    private final Clock clock;
    private volatile boolean olderRecordsBound;
    /** The last round got every version and reviewer there was to get: until new records arrive, nothing to ask. */
    private volatile boolean settled;
    /** Versions and reviewers the gateway said it does not have, in this console's run: not asked for again. */
    private final Set<String> unavailable = ConcurrentHashMap.newKeySet();

    EvidenceSync(GatewayClient client, ProposalCache proposals, EvidenceCache evidence, Clock clock) {
        this.client = client;
        this.proposals = proposals;
        this.evidence = evidence;
        this.clock = clock;
    }

    /** One round; returns why the gateway's log was not stored, or null. {@code newRecords}: records arrived. */
    UserText run(boolean newRecords) throws GatewayException {
        long start = System.nanoTime();
        if (!olderRecordsBound) {
            evidence.bindOlderRecords(); // records cached by a console before this one kept what they are bound to
            olderRecordsBound = true;
        }
        long bound = System.nanoTime();
        long versions = bound;
        if (newRecords || !settled) {
            settled = false;
            versions();
            versions = System.nanoTime();
            reviewers(newRecords);
            settled = true; // every record's version and reviewer is held, or the gateway said it has none
        }
        long reviewers = System.nanoTime();
        UserText refused = log();
        if (LOG.isDebugEnabled()) {
            LOG.debug("evidence round: older records {} ms, versions {} ms, reviewers {} ms, log {} ms",
                    (bound - start) / 1_000_000, (versions - bound) / 1_000_000, (reviewers - versions) / 1_000_000,
                    (System.nanoTime() - reviewers) / 1_000_000);
        }
        return refused;
    }

    /**
     * Every version held records are bound to: from the proposal as the queue served it when it is that version and
     * its digests are the record's, else from the gateway's stored versions. (What is stored is checked again, with
     * digests computed from it, whenever the evidence is verified.)
     */
    private void versions() throws GatewayException {
        List<ProposalVersionView> ready = new ArrayList<>();
        for (EvidenceCache.Unbound unbound : evidence.unbound()) {
            Binding b = unbound.binding();
            String key = "version " + b.proposalId() + "@" + b.version();
            ProposalView view = unbound.cached();
            if (view != null && servedFor(view, b)) {
                ready.add(new ProposalVersionView(view.proposal(), view.context(), view.proposalDigest(),
                        view.contextDigest()));
            } else if (!unavailable.contains(key)) {
                fetchVersion(b, key).ifPresent(ready::add);
            }
            if (ready.size() >= VERSION_BATCH) {
                evidence.putVersions(ready);
                ready.clear();
            }
        }
        evidence.putVersions(ready);
    }

    private Optional<ProposalVersionView> fetchVersion(Binding b, String key) throws GatewayException {
        try {
            ProposalVersionView version = client.proposalVersion(b.proposalId(), b.version());
            if (!boundTo(version.proposal(), version.context(), b)) {
                // not stored: a version held is never fetched again, so a wrong one would stay. The record shows
                // its proposal as not held (unknown) and the next console run asks again.
                unavailable.add(key);
                LOG.warn("proposal {} version {} as the gateway serves it does not match the digests its records"
                        + " name; not stored", b.proposalId(), b.version());
                return Optional.empty();
            }
            return Optional.of(version);
        } catch (GatewayProblemException e) {
            if (!"not-found".equals(e.code())) {
                throw e;
            }
            unavailable.add(key);
            LOG.warn("the gateway has no proposal {} version {}, which a record is bound to", b.proposalId(),
                    b.version());
            return Optional.empty();
        }
    }

    /** The queue's view is the version the record is bound to, by the digests the gateway gave with it. */
    private static boolean servedFor(ProposalView view, Binding b) {
        return view.proposal().id().equals(b.proposalId()) && view.proposal().version() == b.version()
                && Digests.equal(view.proposalDigest(), b.proposalDigest())
                && Digests.equal(view.contextDigest(), b.contextDigest());
    }

    private static boolean boundTo(Proposal proposal, ProposalContext context, Binding b) {
        return proposal.id().equals(b.proposalId()) && proposal.version() == b.version()
                && Digests.equal(DecisionRecords.proposalDigest(proposal), b.proposalDigest())
                && Digests.equal(Digests.canonicalSha256(context), b.contextDigest());
    }

    /**
     * The reviewers records name that are not held, and, when new records arrived, the held ones again: a revocation
     * since bears on whether a key was enrolled when it signed.
     */
    private void reviewers(boolean newRecords) throws GatewayException {
        List<ReviewerView> fetched = new ArrayList<>();
        for (String name : evidence.reviewersNamed(newRecords)) {
            String key = "reviewer " + name;
            if (unavailable.contains(key)) {
                continue;
            }
            try {
                fetched.add(client.reviewer(name));
            } catch (GatewayProblemException e) {
                if (!"not-found".equals(e.code())) {
                    throw e;
                }
                unavailable.add(key);
                LOG.warn("the gateway does not know reviewer {}, whom a record names", name);
            }
        }
        evidence.putReviewers(fetched, clock.instant());
    }

    /**
     * The newest checkpoint and the entries up to its last one, stored only once the whole log held verifies against
     * it with the gateway key the cache is bound to.
     */
    private UserText log() throws GatewayException {
        SignedCheckpoint signed = client.checkpoint();
        String bound = proposals.gatewayKeyId().orElse(null);
        PublicKey key;
        try {
            key = PublicKeys.fromBase64(signed.gatewayPublicKey());
        } catch (RuntimeException e) {
            return refused(new UserText("sync.log.badKey"), e.getMessage());
        }
        if (bound == null || !KeyIds.of(key).equals(bound)) {
            return refused(new UserText("sync.log.otherKey"), "checkpoint key " + KeyIds.of(key));
        }
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoints.verify(signed.checkpoint(), key);
        } catch (LogVerificationException e) {
            return refused(new UserText("sync.log.refused", e.getMessage()), e.getMessage());
        }
        Optional<EvidenceCache.HeldCheckpoint> held = evidence.checkpoint();
        if (held.isPresent() && held.get().size() == checkpoint.size()
                && held.get().headHash().equals(checkpoint.headHash())) {
            return null; // nothing new since the checkpoint held
        }
        long from = evidence.logSize();
        if (checkpoint.size() < from) {
            String why = "the checkpoint covers " + checkpoint.size() + " entries, fewer than the " + from + " held";
            return refused(new UserText("sync.log.refused", why), why);
        }
        List<LogEntry> fresh = entries(from, checkpoint.size());
        List<LogEntry> whole = new ArrayList<>(evidence.log());
        whole.addAll(fresh);
        try {
            LogVerifier.verify(whole, 0, checkpoint);
        } catch (LogVerificationException e) {
            return refused(new UserText("sync.log.refused", e.getMessage()), e.getMessage());
        }
        evidence.storeLog(fresh, signed.checkpoint(), checkpoint, signed.gatewayPublicKey(), clock.instant());
        return null;
    }

    /** The gateway's entries from {@code from} up to (not including) {@code size}, a page at a time. */
    private List<LogEntry> entries(long from, long size) throws GatewayException {
        List<LogEntry> entries = new ArrayList<>();
        long next = from;
        while (next < size) {
            List<LogEntry> page = client.logEntries(next, (int) Math.min(LOG_PAGE, size - next)).entries();
            if (page.isEmpty()) {
                break; // fewer than the checkpoint covers: the check says so
            }
            page.stream().filter(e -> e.index() < size).forEach(entries::add);
            next += page.size();
        }
        return entries;
    }

    private static UserText refused(UserText why, String detail) {
        LOG.warn("the gateway's decision log was not stored, the one held before is kept: {}", detail);
        return why;
    }
}
