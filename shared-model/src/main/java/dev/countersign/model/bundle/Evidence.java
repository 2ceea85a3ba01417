package dev.countersign.model.bundle;

import dev.countersign.model.api.ReviewerView;
import dev.countersign.model.log.LogEntry;
import dev.countersign.model.record.DsseEnvelope;
import java.util.List;

/**
 * What proves a set of decisions, in memory: the records with what they are bound to, the reviewers (their keys with
 * enrollment and revocation times, as the gateway lists them), the gateway's public key, its signed checkpoint, and
 * the log segment from the lowest record's index up to the checkpoint's last entry. A console builds one from its
 * cache; an evidence bundle is one written to a zip; {@link EvidenceVerifier} checks one.
 *
 * @param gatewayPublicKey base64 DER SubjectPublicKeyInfo of the gateway key, or null when not known
 * @param checkpoint       the gateway's signed checkpoint (DSSE), or null when not known
 * @param log              log entries in index order, ending at the checkpoint's last entry; may be empty
 */
public record Evidence(List<EvidenceItem> items, List<ReviewerView> reviewers, String gatewayPublicKey,
        DsseEnvelope checkpoint, List<LogEntry> log) {
    public Evidence {
        items = List.copyOf(items);
        reviewers = List.copyOf(reviewers);
        log = List.copyOf(log);
    }
}
