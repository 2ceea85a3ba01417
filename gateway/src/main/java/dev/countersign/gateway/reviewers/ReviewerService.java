package dev.countersign.gateway.reviewers;

import dev.countersign.gateway.problem.ProblemException;
import dev.countersign.gateway.problem.ProblemType;
import dev.countersign.gateway.store.Database;
import dev.countersign.gateway.store.Writer;
import dev.countersign.model.api.EnrollmentReceipt;
import dev.countersign.model.api.EnrollmentRequest;
import dev.countersign.model.api.ReviewerList;
import dev.countersign.model.api.ReviewerView;
import dev.countersign.model.api.RightsGrant;
import dev.countersign.model.crypto.KeyIds;
import dev.countersign.model.crypto.PublicKeys;
import dev.countersign.model.crypto.SignatureAlgorithm;
import dev.countersign.model.crypto.UnsupportedKeyException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Enrollment of reviewers' public keys, revocation, decision rights, and who a reviewer is. */
public final class ReviewerService {
    private final Database database;
    private final Writer writer;
    private final ReviewerStore store;
    private final Clock clock;
    private final KeyRevocation onRevoke;

    /**
     * @param onRevoke told, inside the revoking transaction, of every key revoked here (sessions end with it)
     */
    public ReviewerService(Database database, ReviewerStore store, Clock clock, KeyRevocation onRevoke) {
        this.database = database;
        this.writer = database.writer();
        this.store = store;
        this.clock = clock;
        this.onRevoke = onRevoke;
    }

    /**
     * Enrolls a key for a reviewer, creating the reviewer or updating their display name and roles. The same key
     * again for the same reviewer changes nothing else; for another reviewer it is refused with {@code key-in-use}.
     * Rights in the request replace the reviewer's; without them a new reviewer holds none.
     */
    public Enrollment enroll(EnrollmentRequest request) {
        PublicKey key;
        try {
            key = PublicKeys.fromBase64(request.publicKey());
        } catch (UnsupportedKeyException e) {
            throw ProblemException.atPath(ProblemType.INVALID_REQUEST, "$.publicKey",
                    "$.publicKey: " + e.getMessage());
        }
        String keyId = KeyIds.of(key);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return writer.write(tx -> {
            Optional<EnrolledKey> existing = store.key(tx.connection(), keyId);
            if (existing.isPresent()) {
                EnrolledKey k = existing.get();
                if (!k.reviewer().equals(request.reviewer())) {
                    throw ProblemException.of(ProblemType.KEY_IN_USE,
                            "Key " + keyId + " is already enrolled for another reviewer.");
                }
                return new Enrollment(new EnrollmentReceipt(k.reviewer(), keyId, k.enrolledAt()), false);
            }
            store.upsertReviewer(tx, request.reviewer(), request.displayName(), request.roles(), now);
            if (request.rights() != null) {
                store.setRights(tx, request.reviewer(), request.rights(), now);
            }
            store.addKey(tx, new EnrolledKey(keyId, request.reviewer(), algorithmName(key),
                    PublicKeys.toBase64(key), now, null));
            return new Enrollment(new EnrollmentReceipt(request.reviewer(), keyId, now), true);
        });
    }

    /**
     * Revokes a key from now on and ends its sessions; records it already signed stay valid. Revoking a revoked key
     * changes nothing.
     */
    public ReviewerView revoke(String keyId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return writer.write(tx -> {
            EnrolledKey key = store.key(tx.connection(), keyId).orElseThrow(() ->
                    ProblemException.of(ProblemType.NOT_FOUND, "No enrolled key " + keyId + "."));
            if (store.revoke(tx, keyId, now, "revoked by an admin")) {
                onRevoke.revoked(tx, keyId, now);
            }
            return store.reviewer(tx.connection(), key.reviewer()).orElseThrow();
        });
    }

    /** Replaces a reviewer's decision rights (and roles, when the grant names them). */
    public ReviewerView grant(String reviewer, RightsGrant grant) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return writer.write(tx -> {
            if (!store.setRights(tx, reviewer, grant.rights(), now)) {
                throw ProblemException.of(ProblemType.NOT_FOUND, "No reviewer " + reviewer
                        + "; enroll a key for them first.");
            }
            if (grant.roles() != null) {
                store.setRoles(tx, reviewer, grant.roles(), now);
            }
            return store.reviewer(tx.connection(), reviewer).orElseThrow();
        });
    }

    public ReviewerList all() {
        return new ReviewerList(database.read(store::all));
    }

    public ReviewerView reviewer(String reviewer) {
        return database.read(c -> store.reviewer(c, reviewer)).orElseThrow(() ->
                ProblemException.of(ProblemType.NOT_FOUND, "No reviewer " + reviewer + "."));
    }

    /** The name the API shows for a key's signature scheme: {@code Ed25519} or {@code ECDSA-P256}. */
    public static String algorithmName(PublicKey key) {
        return SignatureAlgorithm.of(key) == SignatureAlgorithm.ED25519 ? "Ed25519" : "ECDSA-P256";
    }
}
