package dev.countersign.app.sync;

import dev.countersign.app.common.UserText;
import dev.countersign.model.api.SessionChallengeGrant;
import dev.countersign.model.api.SessionChallengeRequest;
import dev.countersign.model.api.SessionGrant;
import dev.countersign.model.crypto.KeyIds;
import dev.countersign.model.crypto.Signer;
import dev.countersign.model.json.JsonFormatException;
import dev.countersign.model.record.DsseEnvelope;
import dev.countersign.model.session.SessionChallenges;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reviewer's short-lived session with the gateway (docs/api.md, "Sessions"): opened by signing the gateway's
 * challenge with the reviewer's key, carried by every console call, and renewed shortly before it ends. Renewal
 * signs with the key only if it is unlocked right now; otherwise the call fails with {@link SessionLockedException}
 * and the console asks the reviewer to unlock.
 *
 * <p>Thread-safe: calls come from background tasks. Opening is serialised, so parallel calls that find the session
 * ending open one new session between them, not one each; forgetting never waits for an opening, so the UI thread
 * can do it. A session that cannot be renewed (the key is locked) is used for as long as it is still valid. The
 * token is never logged.
 */
public final class ReviewerSessions implements SessionAuth {
    /** A session with less than this left is renewed before use, so no call races its end. */
    static final Duration RENEW_BEFORE = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(ReviewerSessions.class);

    private final GatewayClient client;
    private final Supplier<Optional<Signer>> unlockedKey;
    private final Clock clock;
    private final Consumer<Optional<SessionGrant>> changed;
    private static final UserText LOCKED = new UserText("session.locked");
    private final ReentrantLock opening = new ReentrantLock();
    private volatile String reviewer;
    private volatile SessionGrant current;
    /** Counts sign-outs and forgets: an opening that started before one must not bring the session back. */
    private long epoch;

    /**
     * @param unlockedKey the reviewer's key if it is unlocked now, else empty; never prompts
     * @param changed told (on the calling thread) whenever a session opens or ends
     */
    public ReviewerSessions(GatewayClient client, Supplier<Optional<Signer>> unlockedKey, Clock clock,
            Consumer<Optional<SessionGrant>> changed) {
        this.client = client;
        this.unlockedKey = unlockedKey;
        this.clock = clock;
        this.changed = changed;
    }

    @Override
    public String token() throws GatewayException {
        SessionGrant session = current;
        if (usable(session, null)) {
            return session.token();
        }
        opening.lock(); // one opening at a time: callers that find the session ending share the next one
        try {
            session = current;
            if (usable(session, null)) {
                return session.token();
            }
            Optional<Signer> key = unlockedKey.get();
            if (reviewer == null || key.isEmpty()) {
                if (session != null && clock.instant().isBefore(session.expiresAt())) {
                    return session.token(); // still valid, just not renewable now: use what is left of it
                }
                throw new SessionLockedException(LOCKED);
            }
            return open(reviewer, key.get()).token();
        } finally {
            opening.unlock();
        }
    }

    /**
     * Makes sure a session of this reviewer and key has at least a minute left, opening one with the signer if not.
     * Call it while holding an unlocked signer (e.g. just before submitting a decision it signed).
     */
    public void ensure(String who, Signer signer) throws GatewayException {
        opening.lock();
        try {
            if (!who.equals(reviewer) || !usable(current, KeyIds.of(signer.publicKey()))) {
                open(who, signer);
            }
        } finally {
            opening.unlock();
        }
    }

    /** Opens a new session: asks for a challenge, signs it with the key, and trades it for a token. */
    public SessionGrant open(String who, Signer signer) throws GatewayException {
        opening.lock();
        try {
            long startedIn;
            synchronized (this) {
                startedIn = epoch;
            }
            String keyId = KeyIds.of(signer.publicKey());
            SessionChallengeGrant challenge = client.sessionChallenge(new SessionChallengeRequest(who, keyId));
            DsseEnvelope answer;
            try {
                answer = SessionChallenges.answer(challenge.payloadBytes(), who, signer);
            } catch (IllegalArgumentException | JsonFormatException e) { // incl. InvalidFieldException, bad base64
                throw new GatewayResponseException(new UserText("error.session.badChallenge", e.getMessage()), e);
            } catch (GeneralSecurityException e) {
                throw new GatewayResponseException(new UserText("error.session.signFailed", e.getMessage()), e);
            }
            SessionGrant grant = client.openSession(answer);
            if (!grant.reviewer().equals(who) || !grant.keyId().equals(keyId)) {
                throw new GatewayResponseException(new UserText("error.session.otherReviewer", grant.reviewer(), who),
                        null);
            }
            synchronized (this) {
                if (epoch == startedIn) {
                    reviewer = who;
                    current = grant;
                    LOG.info("session opened for {} with key {} until {}", who, keyId.substring(0, 12),
                            grant.expiresAt());
                    changed.accept(Optional.of(grant));
                    return grant;
                }
            }
            // signed out (or the key was replaced) while this opening ran: the new session must not outlive that
            closeQuietly(grant);
            throw new SessionLockedException(LOCKED);
        } finally {
            opening.unlock();
        }
    }

    @Override
    public void lapsed(String token) {
        synchronized (this) {
            SessionGrant ended = current;
            if (ended == null || !ended.token().equals(token)) {
                return;
            }
            current = null;
            LOG.info("the gateway ended the session of {}", ended.reviewer());
            changed.accept(Optional.empty());
        }
    }

    /**
     * Forgets the session without telling the gateway (e.g. after the key it was opened with was rotated). Never
     * waits for an opening in progress, so it is safe on the UI thread.
     */
    public void forget() {
        take();
    }

    /**
     * Ends the session at the gateway too (signing out). Best effort: an unreachable gateway lets it lapse. Makes a
     * network call: run it in the background.
     */
    public void close() {
        SessionGrant session = take();
        if (session != null) {
            closeQuietly(session);
        }
    }

    private SessionGrant take() {
        synchronized (this) {
            epoch++;
            SessionGrant taken = current;
            current = null;
            if (taken != null) {
                changed.accept(Optional.empty());
            }
            return taken;
        }
    }

    private void closeQuietly(SessionGrant grant) {
        try {
            client.closeSession(grant.token());
        } catch (GatewayException e) {
            LOG.info("an unwanted session could not be closed ({}); it lapses at {}", e.getMessage(),
                    grant.expiresAt());
        }
    }

    /** The open session, if any (it may have passed its end; the next call renews it). */
    public Optional<SessionGrant> current() {
        return Optional.ofNullable(current);
    }

    private boolean usable(SessionGrant session, String keyId) {
        if (session == null || (keyId != null && !session.keyId().equals(keyId))) {
            return false;
        }
        Instant now = clock.instant();
        return now.plus(RENEW_BEFORE).isBefore(session.expiresAt());
    }
}
