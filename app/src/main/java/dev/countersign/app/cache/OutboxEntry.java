package dev.countersign.app.cache;

import dev.countersign.app.common.UserText;
import dev.countersign.model.Verdict;
import dev.countersign.model.record.DsseEnvelope;
import java.time.Instant;

/**
 * A signed decision in the outbox: the envelope, and its JSON exactly as it is (re)sent, under one idempotency key;
 * the gateway it was signed for; and where it stands. {@code problemType} and {@code problemDetail} are the gateway's
 * refusal; {@code lastError} the last failure to reach it.
 */
public record OutboxEntry(
        String idempotencyKey,
        long seq,
        String proposalId,
        int proposalVersion,
        Verdict verdict,
        String reviewer,
        String keyId,
        String nonce,
        DsseEnvelope envelope,
        String envelopeJson,
        String gatewayKeyId,
        Instant signedAt,
        State state,
        int attempts,
        Instant lastAttemptAt,
        String lastError,
        String problemType,
        String problemDetail,
        String recordId,
        Long logIndex,
        Instant resolvedAt,
        Instant acknowledgedAt) {

    /** Pending: not yet accepted or refused by the gateway. Recorded and refused are final. */
    public enum State {
        PENDING("pending"), RECORDED("recorded"), REFUSED("refused");

        private final String column;

        State(String column) {
            this.column = column;
        }

        static State of(String column) {
            for (State s : values()) {
                if (s.column.equals(column)) {
                    return s;
                }
            }
            throw new CacheException(new UserText("error.cache.outboxState", column));
        }
    }
}
