package dev.countersign.gateway.sessions;

import dev.countersign.gateway.common.Ids;
import dev.countersign.gateway.problem.ProblemException;
import dev.countersign.gateway.problem.ProblemType;
import dev.countersign.gateway.reviewers.EnrolledKey;
import dev.countersign.gateway.reviewers.ReviewerStore;
import dev.countersign.gateway.store.Database;
import dev.countersign.gateway.store.Tx;
import dev.countersign.gateway.store.Writer;
import dev.countersign.model.api.SessionChallengeGrant;
import dev.countersign.model.api.SessionChallengeRequest;
import dev.countersign.model.api.SessionGrant;
import dev.countersign.model.json.Digests;
import dev.countersign.model.json.JsonFormatException;
import dev.countersign.model.record.DsseEnvelope;
import dev.countersign.model.session.SessionChallenges;
import dev.countersign.model.session.SessionChallenges.Challenge;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

/**
 * Opens, checks and closes reviewer sessions. A console asks for a challenge for an enrolled key, signs it with that
 * key, and gets a bearer token for at most the configured lifetime. Each challenge opens one session at most; the
 * gateway keeps only the sha256 of a token.
 */
public final class SessionService {
    /** How long a challenge may be answered. */
    public static final Duration CHALLENGE_TTL = Duration.ofMinutes(2);
    /** Lapsed challenges and sessions are kept this long, so a late caller is told "expired", then forgotten. */
    static final Duration KEEP_LAPSED = Duration.ofHours(1);

    private final Database database;
    private final Writer writer;
    private final SessionStore store;
    private final ReviewerStore reviewers;
    private final Ids ids;
    private final Clock clock;
    private final Duration sessionTtl;

    public SessionService(Database database, SessionStore store, ReviewerStore reviewers, Ids ids, Clock clock,
            Duration sessionTtl) {
        this.database = database;
        this.writer = database.writer();
        this.store = store;
        this.reviewers = reviewers;
        this.ids = ids;
        this.clock = clock;
        this.sessionTtl = sessionTtl;
    }

    /**
     * Issues a challenge for a reviewer's enrolled key that is in force, in place of any the key has not used: a key
     * has one open challenge at most. A revoked key is answered as an unknown one.
     */
    public SessionChallengeGrant challenge(SessionChallengeRequest request) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return writer.write(tx -> {
            Optional<EnrolledKey> key = reviewers.key(tx.connection(), request.keyId());
            if (key.isEmpty() || !key.get().reviewer().equals(request.reviewer()) || key.get().revoked()) {
                // the same words whether the reviewer or the key is unknown or the key revoked: anyone may ask, so
                // no one learns here who is or was enrolled
                throw ProblemException.of(ProblemType.UNKNOWN_KEY, "Key " + request.keyId() + " is not enrolled"
                        + " for " + request.reviewer() + " at this gateway.");
            }
            store.prune(tx, now.minus(KEEP_LAPSED));
            store.forgetUnusedChallenges(tx, request.keyId());
            Challenge challenge = Challenge.of(ids.challengeId(), request.reviewer(), request.keyId(), ids.token(),
                    now, now.plus(CHALLENGE_TTL));
            byte[] payload = SessionChallenges.payload(challenge);
            store.addChallenge(tx, challenge.challengeId(), challenge.reviewer(), challenge.keyId(),
                    Digests.sha256Hex(payload), challenge.issuedAt(), challenge.expiresAt());
            return new SessionChallengeGrant(challenge.challengeId(), SessionChallenges.PAYLOAD_TYPE,
                    Base64.getEncoder().encodeToString(payload), challenge.expiresAt());
        });
    }

    /** Opens a session with a challenge signed by the key it was issued for. */
    public SessionGrant open(DsseEnvelope envelope) {
        byte[] payload = shape(envelope);
        String challengeId = SessionChallenges.read(payload).challengeId();
        Instant now = clock.instant();
        return writer.write(tx -> open(tx, envelope, payload, challengeId, now));
    }

    private SessionGrant open(Tx tx, DsseEnvelope envelope, byte[] payload, String challengeId, Instant now)
            throws SQLException {
        SessionStore.ChallengeRow issued = store.challenge(tx.connection(), challengeId).orElseThrow(() ->
                ProblemException.of(ProblemType.CHALLENGE_UNKNOWN, "Challenge " + challengeId + " was not issued by"
                        + " this gateway, was replaced by a newer challenge for the same key, or was issued so long"
                        + " ago that it is forgotten. Ask for a new challenge."));
        if (!now.isBefore(issued.expiresAt())) {
            throw ProblemException.of(ProblemType.CHALLENGE_EXPIRED, "Challenge " + challengeId + " expired at "
                    + issued.expiresAt() + "; a challenge must be signed and sent back within "
                    + CHALLENGE_TTL.toMinutes() + " minutes. Ask for a new one.");
        }
        if (issued.usedAt() != null) {
            throw used(challengeId, issued.usedAt());
        }
        if (!Digests.equal(Digests.sha256Hex(payload), issued.payloadSha256())) {
            throw ProblemException.atPath(ProblemType.CHALLENGE_ALTERED, "$.payload", "The signed payload is not"
                    + " challenge " + challengeId + " as the gateway issued it; sign the issued bytes unchanged.");
        }
        EnrolledKey key = reviewers.key(tx.connection(), issued.keyId()).orElseThrow(() ->
                ProblemException.of(ProblemType.UNKNOWN_KEY, "Key " + issued.keyId() + " is no longer enrolled."));
        if (!SessionChallenges.verify(envelope, key.publicKey())) {
            throw ProblemException.of(ProblemType.BAD_SIGNATURE, "The challenge is not signed by key "
                    + key.keyId() + " of " + key.reviewer() + ", the key it was issued for.");
        }
        if (key.revoked()) {
            throw revoked(key);
        }
        Instant at = now.truncatedTo(ChronoUnit.SECONDS);
        if (!store.useChallenge(tx, challengeId, at)) {
            throw used(challengeId, store.challenge(tx.connection(), challengeId).map(SessionStore.ChallengeRow::usedAt)
                    .orElseThrow());
        }
        String token = ids.token();
        Instant expiresAt = at.plus(sessionTtl);
        store.addSession(tx, tokenSha256(token), key.reviewer(), key.keyId(), challengeId, at, expiresAt);
        return new SessionGrant(token, key.reviewer(), key.keyId(), expiresAt);
    }

    /** The challenge bytes of a well-formed answer: the session payload type, one signature, a challenge. */
    private static byte[] shape(DsseEnvelope envelope) {
        if (!SessionChallenges.PAYLOAD_TYPE.equals(envelope.payloadType())) {
            throw ProblemException.atPath(ProblemType.INVALID_REQUEST, "$.payloadType", "The payload type is '"
                    + envelope.payloadType() + "'; a signed session challenge has payload type "
                    + SessionChallenges.PAYLOAD_TYPE + ".");
        }
        if (envelope.signatures().size() != 1) {
            throw ProblemException.atPath(ProblemType.INVALID_REQUEST, "$.signatures", "A signed session challenge"
                    + " carries exactly one signature; this one carries " + envelope.signatures().size() + ".");
        }
        try {
            byte[] payload = envelope.payloadBytes();
            SessionChallenges.read(payload);
            return payload;
        } catch (JsonFormatException | IllegalArgumentException e) {
            throw ProblemException.atPath(ProblemType.INVALID_REQUEST, "$.payload", "The payload is not a session"
                    + " challenge: " + e.getMessage());
        }
    }

    /**
     * The session a bearer token names, if it is open: not closed, not past its expiry, and its key not revoked.
     * Reads only; never writes.
     */
    public Session authenticate(String token) {
        String tokenSha256 = tokenSha256(token);
        return checked(database.read(c -> store.session(c, tokenSha256)), tokenSha256, clock.instant());
    }

    /**
     * Checks again, inside the write transaction that acts in a session, that the session is still open at the
     * moment of the write: a write queued behind others may run after the session was closed, expired or its key
     * revoked. Refuses with the same problems as {@link #authenticate}, and the transaction then changes nothing.
     */
    public void stillOpen(Tx tx, Session session, Instant now) throws SQLException {
        checked(store.session(tx.connection(), session.tokenSha256()), session.tokenSha256(), now);
    }

    private static Session checked(Optional<SessionStore.SessionRow> stored, String tokenSha256, Instant now) {
        SessionStore.SessionRow row = stored.orElseThrow(() ->
                ProblemException.of(ProblemType.SESSION_INVALID, "The session token is not one this gateway"
                        + " issued, or it was forgotten. Open a new session."));
        if (row.keyRevokedAt() != null) {
            throw ProblemException.of(ProblemType.SESSION_INVALID, "Key " + row.keyId() + " of " + row.reviewer()
                    + " was revoked at " + row.keyRevokedAt() + "; its sessions ended with it.");
        }
        if (row.closedAt() != null) {
            throw ProblemException.of(ProblemType.SESSION_INVALID, "The session was closed at " + row.closedAt()
                    + " (" + row.closedWhy() + "). Open a new session.");
        }
        if (!now.isBefore(row.expiresAt())) {
            throw ProblemException.of(ProblemType.SESSION_EXPIRED, "The session expired at " + row.expiresAt()
                    + ". Open a new session.");
        }
        return new Session(row.reviewer(), row.keyId(), row.expiresAt(), tokenSha256);
    }

    /** Closes the session a token names (signing out); it cannot be used again. */
    public void close(String token) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        writer.write(tx -> store.close(tx, tokenSha256(token), now, "closed by the reviewer"));
    }

    /** Ends every session of a key, inside the transaction that revokes it. */
    public void keyRevoked(Tx tx, String keyId, Instant at) throws SQLException {
        store.closeForKey(tx, keyId, at, "key revoked");
    }

    /** What is stored for a token: the lowercase hex sha256 of its base64url text. */
    static String tokenSha256(String token) {
        return Digests.sha256Hex(token.getBytes(StandardCharsets.UTF_8));
    }

    private static ProblemException used(String challengeId, Instant usedAt) {
        return ProblemException.of(ProblemType.CHALLENGE_USED, "Challenge " + challengeId + " already opened a"
                + " session at " + usedAt + "; each challenge opens one. Ask for a new one.");
    }

    private static ProblemException revoked(EnrolledKey key) {
        return ProblemException.of(ProblemType.KEY_REVOKED, "Key " + key.keyId() + " of " + key.reviewer()
                + " was revoked at " + key.revokedAt() + ". Ask an admin to enroll a new key for you, then sign in"
                + " with it.");
    }
}
