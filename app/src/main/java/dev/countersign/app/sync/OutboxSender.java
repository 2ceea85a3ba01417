package dev.countersign.app.sync;

import dev.countersign.app.cache.Outbox;
import dev.countersign.app.cache.OutboxEntry;
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
 * Sends the outbox's signed decisions to the gateway, oldest first, each under its own idempotency key and with its
 * exact bytes, so a resend after a lost answer or a crash is recorded once. An entry leaves the pending state only on
 * the gateway's word: recorded, or refused for a reason that sending again cannot change. An unreachable gateway, a
 * 5xx, a proxy's answer or a lapsed session leave it pending for the next attempt. One send at a time.
 */
public final class OutboxSender {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    /** Refusals that a later attempt could overcome: the decision itself was not judged. */
    private static final Set<String> NOT_FINAL = Set.of("session-required", "session-invalid", "session-expired",
            "internal-error", "payload-too-large");

    private final GatewayClient client;
    private final Outbox outbox;
    private final Clock clock;
    private final ReentrantLock sending = new ReentrantLock();

    public OutboxSender(GatewayClient client, Outbox outbox, Clock clock) {
        this.client = client;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What one flush did. {@code stoppedBy} is why it stopped early (the gateway unreachable, signed out), or null. */
    public record Flush(List<OutboxEntry> recorded, List<OutboxEntry> refused, int stillPending,
            GatewayException stoppedBy) {}

    /** Sends every pending entry, oldest first; stops at the first that cannot reach the gateway. */
    public Flush flush() {
        sending.lock();
        try {
            List<OutboxEntry> recorded = new ArrayList<>();
            List<OutboxEntry> refused = new ArrayList<>();
            GatewayException stoppedBy = null;
            List<OutboxEntry> pending = outbox.pending();
            for (OutboxEntry entry : pending) {
                try {
                    OutboxEntry done = sendLocked(entry);
                    (done.state() == OutboxEntry.State.RECORDED ? recorded : refused).add(done);
                } catch (GatewayException e) {
                    stoppedBy = e;
                    break;
                }
            }
            int left = pending.size() - recorded.size() - refused.size();
            return new Flush(recorded, refused, left, stoppedBy);
        } finally {
            sending.unlock();
        }
    }

    /**
     * Sends one entry now and returns it as it then stands (recorded or refused). Throws if the gateway could not be
     * reached or the session could not be renewed: the entry is then still pending, and a later flush sends it.
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
     * The gateway judged the decision and refused it. A nonce-replayed refusal may be this very decision, recorded by
     * an attempt whose answer was lost after the gateway forgot its idempotency key: the gateway's own records say.
     */
    private OutboxEntry refused(OutboxEntry entry, GatewayProblemException refusal) throws GatewayException {
        String key = entry.idempotencyKey();
        if ("nonce-replayed".equals(refusal.code())) {
            Optional<DecisionRecordView> own;
            try {
                own = client.decisions(entry.proposalId()).records().stream()
                        .filter(r -> r.envelope().equals(entry.envelope())).findFirst();
            } catch (GatewayException e) {
                outbox.attemptFailed(key, clock.instant(), e.getMessage());
                throw e;
            }
            if (own.isPresent()) {
                outbox.recorded(key, own.get().recordId(), own.get().logIndex(), clock.instant());
                LOG.info("outbox {}: already recorded as {}", entry.seq(), own.get().recordId());
                return outbox.entry(key).orElseThrow();
            }
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
            return client.postDecision(entry.envelope(), entry.idempotencyKey());
        } catch (GatewayUnavailableException e) {
            LOG.info("outbox {}: no answer, retrying once with the same Idempotency-Key", entry.seq());
            return client.postDecision(entry.envelope(), entry.idempotencyKey());
        }
    }

    /** A refusal about the decision itself (its proposal, nonce, key or rights), which resending cannot change. */
    static boolean isFinal(GatewayProblemException e) {
        String code = e.code();
        boolean ours = e.problem().type().startsWith(Problem.TYPE_PREFIX);
        int status = e.problem().status();
        return ours && status >= 400 && status < 500 && !NOT_FINAL.contains(code);
    }
}
