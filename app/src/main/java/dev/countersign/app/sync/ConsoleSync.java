package dev.countersign.app.sync;

import dev.countersign.app.cache.ProposalCache;
import dev.countersign.app.cache.ProposalSummary;
import dev.countersign.app.cache.RecordCache;
import dev.countersign.app.common.UserText;
import dev.countersign.model.api.NonceBatch;
import dev.countersign.model.api.QueuePage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round of keeping the cache and the gateway in step, run in the background: send the outbox, pull what changed
 * in the queue since the stored cursor (each page stored with the cursor after it, so an interrupted sync resumes
 * without gaps or duplicates), pull the decision log's new records, fetch decision nonces ahead for pending
 * proposals, so they can be decided offline, and fetch what proves the records ({@link EvidenceSync}), so they can
 * be checked and exported offline.
 */
public final class ConsoleSync {
    static final int PAGE_SIZE = 500;
    static final int NONCE_BATCH = 500;
    static final int RECORD_PAGE = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSync.class);

    private final GatewayClient client;
    private final ProposalCache cache;
    private final OutboxSender sender;
    private final Clock clock;
    private final int pageSize;
    private final RecordCache records;
    private final EvidenceSync evidence;
    private volatile boolean bound;
    /** Proposals the gateway gave no nonce for in this console's run (closed or expired meanwhile). */
    private final java.util.Set<String> noNonce = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public ConsoleSync(GatewayClient client, ProposalCache cache, RecordCache records, OutboxSender sender,
            Clock clock) {
        this(client, cache, records, sender, clock, PAGE_SIZE);
    }

    /** With another page size (tests: several pages out of the demo queue). */
    ConsoleSync(GatewayClient client, ProposalCache cache, RecordCache records, OutboxSender sender, Clock clock,
            int pageSize) {
        this.pageSize = pageSize;
        this.records = records;
        this.client = client;
        this.cache = cache;
        this.sender = sender;
        this.clock = clock;
        this.evidence = new EvidenceSync(client, cache, records.evidence(), clock);
    }

    /**
     * What a round did. {@code failure} is why it stopped (the gateway unreachable, signed out, a refusal); what it
     * stored before that stays stored. {@code dropped}: the gateway is not the one that filled the cache, whose
     * proposals were dropped. {@code logRefused}: why the gateway's decision log (or its checkpoint) was not stored,
     * the one held before being kept; null when it was stored or nothing was new.
     */
    public record Report(List<ProposalSummary> changed, int received, boolean dropped, Instant syncedAt,
            Exception failure, UserText logRefused) {
        public boolean ok() {
            return failure == null;
        }
    }

    /** Runs one round; never throws for the gateway's sake (see {@link Report#failure()}). Blocking. */
    public Report run(IntConsumer progress) {
        List<ProposalSummary> changed = new ArrayList<>();
        int[] received = {0};
        boolean dropped = false;
        Exception failure = null;
        UserText logRefused = null;
        try {
            dropped = bindGateway();
            OutboxSender.Flush flush = sender.flush(); // what it recorded or refused, the outbox itself now says
            if (flush.stoppedBy() != null) {
                throw flush.stoppedBy(); // unreachable or signed out: the pull would fail the same way
            }
            dropped |= pull(changed, received, progress);
            boolean newRecords = pullRecords();
            fetchNonces(changed);
            logRefused = evidence.run(newRecords);
        } catch (GatewayException | RuntimeException e) {
            failure = e;
            LOG.debug("sync stopped: {}", e.getMessage());
        }
        return new Report(changed, received[0], dropped, failure == null ? clock.instant() : null, failure,
                logRefused);
    }

    /** The first round checks which gateway this is, by its signing key; another one empties the cache. */
    private boolean bindGateway() throws GatewayException {
        if (bound) {
            return false;
        }
        String keyId = client.gatewayKeyId();
        boolean dropped = cache.bindGateway(keyId);
        if (dropped) {
            LOG.warn("the gateway's key is not the one that filled the cache: cached proposals dropped, syncing anew");
        }
        bound = true;
        return dropped;
    }

    /** Pulls the changes; true if the gateway did not know the cursor, so the cache was emptied and refilled. */
    private boolean pull(List<ProposalSummary> changed, int[] received, IntConsumer progress)
            throws GatewayException {
        try {
            pages(changed, received, progress);
            return false;
        } catch (GatewayProblemException e) {
            if (!"invalid-cursor".equals(e.code()) || cache.cursor().isEmpty()) {
                throw e;
            }
            // the gateway does not know the cursor: its database was reset or restored (same key, other history).
            // What the cache holds may no longer exist there, so it is dropped and synced anew; the outbox stays.
            LOG.warn("the gateway does not know the cache's cursor (reset or restored?): syncing anew");
            cache.dropProposals();
            changed.clear();
            pages(changed, received, progress);
            return true;
        }
    }

    private void pages(List<ProposalSummary> changed, int[] received, IntConsumer progress) throws GatewayException {
        Optional<String> cursor = cache.cursor();
        while (true) {
            QueuePage page = client.queue(cursor.orElse(null), pageSize);
            ProposalCache.Applied applied = cache.applyPage(page.items(), page.nextCursor(), clock.instant());
            changed.addAll(applied.changed());
            received[0] += page.items().size();
            if (!page.items().isEmpty()) {
                progress.accept(received[0]);
            }
            cursor = Optional.of(page.nextCursor());
            if (!page.hasMore()) {
                return;
            }
        }
    }

    /**
     * Pulls the decision log's records from the first one not held, a page at a time, each page one transaction.
     * Returns true if any arrived.
     */
    private boolean pullRecords() throws GatewayException {
        boolean any = false;
        while (true) {
            long from = records.nextIndex();
            List<dev.countersign.model.api.DecisionRecordView> page = client.decisionsFrom(from, RECORD_PAGE)
                    .records();
            int stored = page.isEmpty() ? 0 : records.append(page);
            any |= stored > 0;
            if (stored == 0 || page.size() < RECORD_PAGE) {
                return any;
            }
        }
    }

    /**
     * Asks for a nonce for every pending proposal that has none, in batches. A proposal the gateway refused one for
     * (closed or expired meanwhile) is not asked about again until the feed brings its new state.
     */
    private void fetchNonces(List<ProposalSummary> changed) throws GatewayException {
        changed.forEach(s -> noNonce.remove(s.id()));
        List<String> ids = cache.needingNonces(clock.instant(), Integer.MAX_VALUE);
        ids.removeAll(noNonce);
        for (int from = 0; from < ids.size(); from += NONCE_BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + NONCE_BATCH));
            NonceBatch answer = client.issueNonces(batch);
            java.util.Set<String> asked = new java.util.HashSet<>(batch);
            cache.putNonces(answer.nonces().stream().filter(n -> asked.contains(n.proposalId())).toList(),
                    clock.instant());
            answer.refused().forEach(r -> noNonce.add(r.proposalId()));
        }
    }
}
