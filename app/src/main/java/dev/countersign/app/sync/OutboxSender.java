package dev.countersign.app.sync;

import dev.countersign.app.cache.Outbox;
import dev.countersign.app.cache.OutboxEntry;
import dev.countersign.app.cache.ProposalCache;
import dev.countersign.app.common.UserText;
import dev.countersign.model.api.DecisionReceipt;
import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.api.Problem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox's signed decisions to the gateway they were signed for, oldest first, each under its own
 * idempotency key and as the exact JSON it was stored with, so a resend after a lost answer or a crash is recorded
 * once. An entry leaves the pending state only on the gateway's word: recorded, or refused for a reason that sending
 * again cannot change — and even then only once the gateway's own records show it does not already hold this very
 * envelope (an earlier attempt may have been recorded, its answer lost, and its idempotency key since forgotten).
 * An unreachable gateway, a 5xx, a proxy's answer or a lapsed session leave it pending for the next attempt. One send
 * at a time.
 */
public final class OutboxSender {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    /** Refusals that say nothing about the decision itself: a later attempt can succeed. */
    private static final Set<String> NOT_FINAL = Set.of("session-required", "session-invalid", "session-expired",
            "session-mismatch", "internal-error");

    private final GatewayClient client;
    private final Outbox outbox;
    private final ProposalCache cache;
    private final Clock clock;
    private final ReentrantLock sending = new ReentrantLock();

    public OutboxSender(GatewayClient client, Outbox outbox, ProposalCache cache, Clock clock) {
        this.client = client;
        this.outbox = outbox;
        this.cache = cache;
        this.clock = clock;
    }

    /**
     * What one flush did. {@code stoppedBy}: the gateway could not be reached, or the session could not be renewed,
     * so the flush stopped there; {@code failed}: entries the gateway could not take this time (a 5xx), skipped.
     */
    public record Flush(List<OutboxEntry> recorded, List<OutboxEntry> refused, int failed,
            GatewayException stoppedBy) {}

    /**
     * Sends every pending entry signed for this gateway, oldest first. An entry the gateway fails on (a 5xx) does
     * not hold up the others; an unreachable gateway or a locked session stops the flush.
     */
    public Flush flush() {
        sending.lock();
        try {
            List<OutboxEntry> recorded = new ArrayList<>();
            List<OutboxEntry> refused = new ArrayList<>();
            int failed = 0;
            GatewayException stoppedBy = null;
            for (OutboxEntry entry : outbox.pendingFor(cache.gatewayKeyId().orElse(null))) {
                try {
                    OutboxEntry done = sendLocked(entry);
                    (done.state() == OutboxEntry.State.RECORDED ? recorded : refused).add(done);
                } catch (GatewayUnavailableException | SessionLockedException e) {
                    stoppedBy = e;
                    break;
                } catch (GatewayException e) {
                    failed++;
                    LOG.warn("outbox {}: the gateway could not take it this time ({}); trying the next",
                            entry.seq(), e.getMessage());
                }
            }
            return new Flush(recorded, refused, failed, stoppedBy);
        } finally {
            sending.unlock();
        }
    }

    /**
     * Sends one entry now and returns it as it then stands (recorded or refused). Throws if it could not be sent:
     * the entry is then still pending, and a later flush sends it.
     */
    public OutboxEntry send(String idempotencyKey) throws GatewayException {
        sending.lock();
        try {
            OutboxEntry entry = outbox.entry(idempotencyKey).orElseThrow(() -> new IllegalArgumentException(
                    "no outbox entry " + idempotencyKey));
            return entry.state() == OutboxEntry.State.PENDING ? sendLocked(entry) : entry;
        } finally {
            sending.unlock();
        }
    }

    private OutboxEntry sendLocked(OutboxEntry entry) throws GatewayException {
        String key = entry.idempotencyKey();
        GatewayProblemException refusal;
        try {
            DecisionReceipt receipt = post(entry);
            if (!receipt.proposalId().equals(entry.proposalId())) {
                throw new GatewayResponseException(new UserText("error.outbox.otherProposal", entry.proposalId(),
                        receipt.proposalId()), null);
            }
            outbox.recorded(key, receipt.recordId(), receipt.logIndex(), clock.instant());
            LOG.info("outbox {}: {} on {} recorded as {} (log index {})", entry.seq(), entry.verdict().json(),
                    entry.proposalId(), receipt.recordId(), receipt.logIndex());
            return outbox.entry(key).orElseThrow();
        } catch (GatewayProblemException e) {
            if (!isFinal(e)) {
                outbox.attemptFailed(key, clock.instant(), e.getMessage());
                throw e;
            }
            refusal = e;
        } catch (GatewayException e) {
            outbox.attemptFailed(key, clock.instant(), e.getMessage());
            throw e;
        }
        return refused(entry, refusal);
    }

    /**
     * The gateway judged the decision and refused it. It may still hold this very envelope, from an attempt whose
     * answer was lost after which it forgot the idempotency key (then the refusal is e.g. proposal-closed, closed by
     * this decision): its records say, and only if they do not is the entry refused.
     */
    private OutboxEntry refused(OutboxEntry entry, GatewayProblemException refusal) throws GatewayException {
        String key = entry.idempotencyKey();
        Optional<DecisionRecordView> own;
        try {
            own = client.decisions(entry.proposalId()).records().stream()
                    .filter(r -> r.envelope().equals(entry.envelope())).findFirst();
        } catch (GatewayProblemException e) {
            own = Optional.empty(); // e.g. not-found: the gateway holds no such proposal, so no record of it
        } catch (GatewayException e) {
            outbox.attemptFailed(key, clock.instant(), e.getMessage());
            throw e;
        }
        if (own.isPresent()) {
            outbox.recorded(key, own.get().recordId(), own.get().logIndex(), clock.instant());
            LOG.info("outbox {}: already recorded as {} (the answer to an earlier attempt was lost)", entry.seq(),
                    own.get().recordId());
            return outbox.entry(key).orElseThrow();
        }
        String detail = refusal.problem().detail() != null ? refusal.problem().detail() : refusal.problem().title();
        outbox.refused(key, refusal.code(), detail, clock.instant());
        LOG.info("outbox {}: {} on {} refused by the gateway: {}", entry.seq(), entry.verdict().json(),
                entry.proposalId(), refusal.code());
        return outbox.entry(key).orElseThrow();
    }

    /** Posts the entry; one quick retry with the same key and bytes if the answer was lost on the way. */
    private DecisionReceipt post(OutboxEntry entry) throws GatewayException {
        try {
            return client.postDecisionJson(entry.envelopeJson(), entry.idempotencyKey());
        } catch (GatewayUnavailableException e) {
            LOG.info("outbox {}: no answer, retrying once with the same Idempotency-Key", entry.seq());
            return client.postDecisionJson(entry.envelopeJson(), entry.idempotencyKey());
        }
    }

    /**
     * A refusal about the decision itself (its proposal, nonce, key, rights or size), which resending cannot change.
     * Problems of other origins (a proxy's 4xx, which is not the gateway's type) and the session's are not final.
     */
    static boolean isFinal(GatewayProblemException e) {
        boolean ours = e.problem().type().startsWith(Problem.TYPE_PREFIX);
        int status = e.problem().status();
        return ours && status >= 400 && status < 500 && !NOT_FINAL.contains(e.code());
    }
}
