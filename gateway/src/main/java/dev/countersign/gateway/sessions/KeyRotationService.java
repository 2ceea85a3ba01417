package dev.countersign.gateway.sessions;

import dev.countersign.gateway.problem.ProblemException;
import dev.countersign.gateway.problem.ProblemType;
import dev.countersign.gateway.reviewers.EnrolledKey;
import dev.countersign.gateway.reviewers.ReviewerService;
import dev.countersign.gateway.reviewers.ReviewerStore;
import dev.countersign.gateway.store.Tx;
import dev.countersign.gateway.store.Writer;
import dev.countersign.model.api.ReviewerView;
import dev.countersign.model.crypto.KeyIds;
import dev.countersign.model.crypto.PublicKeys;
import dev.countersign.model.json.JsonFormatException;
import dev.countersign.model.record.Dsse;
import dev.countersign.model.record.DsseEnvelope;
import dev.countersign.model.session.KeyRotations;
import dev.countersign.model.session.KeyRotations.Rotation;
import java.security.PublicKey;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A reviewer replaces their key: the rotation statement is signed by the old key (this is my next key) and by the new
 * key (proof that whoever asks holds it). In one transaction the new key is enrolled for the reviewer, whose roles and
 * rights belong to the reviewer and so carry over, the old key is revoked, and the old key's sessions end. Records
 * the old key signed stay valid.
 */
public final class KeyRotationService {
    /** How far requestedAt may be from the gateway's clock, either way. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private final Writer writer;
    private final ReviewerStore reviewers;
    private final SessionStore sessions;
    private final SessionService sessionCheck;
    private final Clock clock;

    public KeyRotationService(Writer writer, ReviewerStore reviewers, SessionStore sessions,
            SessionService sessionCheck, Clock clock) {
        this.writer = writer;
        this.reviewers = reviewers;
        this.sessions = sessions;
        this.sessionCheck = sessionCheck;
        this.clock = clock;
    }

    public ReviewerView rotate(Session session, String reviewer, DsseEnvelope envelope) {
        Rotation rotation = read(envelope);
        if (!session.reviewer().equals(reviewer) || !rotation.reviewer().equals(reviewer)
                || !session.keyId().equals(rotation.oldKeyId())) {
            throw ProblemException.of(ProblemType.SESSION_MISMATCH, "This session is " + session.reviewer()
                    + "'s with key " + session.keyId() + "; it can only rotate that key of that reviewer, and the"
                    + " request is to rotate key " + rotation.oldKeyId() + " of " + rotation.reviewer() + " (path: "
                    + reviewer + ").");
        }
        if (envelope.signatures().size() != 2) {
            throw ProblemException.atPath(ProblemType.INVALID_REQUEST, "$.signatures", "A key rotation carries two"
                    + " signatures, the old key's first and the new key's second; this one carries "
                    + envelope.signatures().size() + ".");
        }
        PublicKey newKey;
        try {
            newKey = rotation.newKey();
        } catch (IllegalArgumentException e) {
            throw ProblemException.atPath(ProblemType.INVALID_REQUEST, "$.payload", "The new public key is not"
                    + " usable: " + e.getMessage());
        }
        return writer.write(tx -> apply(tx, session, envelope, rotation, newKey, clock.instant()));
    }

    private ReviewerView apply(Tx tx, Session session, DsseEnvelope envelope, Rotation rotation, PublicKey newKey,
            Instant now) throws SQLException {
        sessionCheck.stillOpen(tx, session, now);
        EnrolledKey old = reviewers.key(tx.connection(), rotation.oldKeyId()).orElseThrow(() ->
                ProblemException.of(ProblemType.UNKNOWN_KEY, "Key " + rotation.oldKeyId() + " is not enrolled."));
        if (old.revoked()) {
            throw ProblemException.of(ProblemType.KEY_REVOKED, "Key " + old.keyId() + " was already revoked at "
                    + old.revokedAt() + ".");
        }
        String newKeyId = KeyIds.of(newKey);
        if (!envelope.signatures().get(0).keyid().equals(old.keyId())
                || !envelope.signatures().get(1).keyid().equals(newKeyId)) {
            throw ProblemException.of(ProblemType.BAD_SIGNATURE, "A key rotation is signed first by the old key "
                    + old.keyId() + ", then by the new key " + newKeyId + "; the signatures name "
                    + envelope.signatures().get(0).keyid() + " and " + envelope.signatures().get(1).keyid() + ".");
        }
        if (!Dsse.verify(envelope, old.keyId(), old.publicKey())) {
            throw ProblemException.of(ProblemType.BAD_SIGNATURE, "The old key's signature does not verify.");
        }
        if (!Dsse.verify(envelope, newKeyId, newKey)) {
            throw ProblemException.of(ProblemType.BAD_SIGNATURE, "The new key's signature does not verify, so the"
                    + " request does not prove that the new key is held.");
        }
        Instant requested = rotation.requestedAt();
        if (requested.isBefore(now.minus(MAX_SKEW)) || requested.isAfter(now.plus(MAX_SKEW))) {
            throw ProblemException.of(ProblemType.ROTATION_STALE, "The console's clock and the gateway's differ by "
                    + skewMinutes(requested, now) + " minutes (the console asked at " + requested + ", the gateway's"
                    + " clock says " + now.truncatedTo(ChronoUnit.SECONDS) + "); they may differ by "
                    + MAX_SKEW.toMinutes() + " minutes at most. Set the computer's clock right and rotate again.");
        }
        if (reviewers.key(tx.connection(), newKeyId).isPresent()) {
            throw ProblemException.of(ProblemType.KEY_IN_USE, "Key " + newKeyId + " is already enrolled at this"
                    + " gateway (a key is enrolled once); make a new key.");
        }
        Instant at = now.truncatedTo(ChronoUnit.SECONDS);
        reviewers.addKey(tx, new EnrolledKey(newKeyId, old.reviewer(), ReviewerService.algorithmName(newKey),
                PublicKeys.toBase64(newKey), at, null));
        reviewers.rotationProof(tx, newKeyId, envelope);
        reviewers.revoke(tx, old.keyId(), at, "rotated to " + newKeyId);
        sessions.closeForKey(tx, old.keyId(), at, "key rotated to " + newKeyId);
        return reviewers.reviewer(tx.connection(), old.reviewer()).orElseThrow();
    }

    /** Whole minutes between the two clocks, rounded up: past the limit it is never reported as the limit. */
    static long skewMinutes(Instant requested, Instant now) {
        long seconds = Duration.between(requested, now).abs().getSeconds();
        return (seconds + 59) / 60;
    }

    private static Rotation read(DsseEnvelope envelope) {
        if (!KeyRotations.PAYLOAD_TYPE.equals(envelope.payloadType())) {
            throw ProblemException.atPath(ProblemType.INVALID_REQUEST, "$.payloadType", "The payload type is '"
                    + envelope.payloadType() + "'; a key rotation has payload type " + KeyRotations.PAYLOAD_TYPE
                    + ".");
        }
        try {
            return KeyRotations.read(envelope);
        } catch (JsonFormatException | IllegalArgumentException e) {
            throw ProblemException.atPath(ProblemType.INVALID_REQUEST, "$.payload", "The payload is not a key"
                    + " rotation: " + e.getMessage());
        }
    }
}
