package dev.countersign.model.session;

import dev.countersign.model.InvalidFieldException;
import dev.countersign.model.Require;
import dev.countersign.model.crypto.KeyIds;
import dev.countersign.model.crypto.Signer;
import dev.countersign.model.json.CanonicalJson;
import dev.countersign.model.json.Json;
import dev.countersign.model.record.Dsse;
import dev.countersign.model.record.DsseEnvelope;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Instant;

/**
 * The challenge a console signs with the reviewer's key to open a short-lived session (docs/formats.md, "Session
 * challenge"). The gateway issues the payload bytes; the console signs them unchanged as a DSSE envelope of
 * {@link #PAYLOAD_TYPE}, which a decision record's type can never be mistaken for.
 */
public final class SessionChallenges {
    public static final String PAYLOAD_TYPE = "application/vnd.countersign.session-challenge+json";
    public static final String PURPOSE = "countersign-session";

    private SessionChallenges() {}

    /** What the gateway asks a reviewer's key to sign. Serialised as RFC 8785 canonical JSON. */
    public record Challenge(String purpose, String challengeId, String reviewer, String keyId, String nonce,
            Instant issuedAt, Instant expiresAt) {
        public Challenge {
            Require.text(purpose, "purpose");
            if (!PURPOSE.equals(purpose)) {
                throw new InvalidFieldException("purpose", "must be \"" + PURPOSE + "\"");
            }
            Require.text(challengeId, "challengeId");
            Require.text(reviewer, "reviewer");
            Require.text(keyId, "keyId");
            Require.text(nonce, "nonce");
            Require.present(issuedAt, "issuedAt");
            Require.present(expiresAt, "expiresAt");
        }

        public static Challenge of(String challengeId, String reviewer, String keyId, String nonce, Instant issuedAt,
                Instant expiresAt) {
            return new Challenge(PURPOSE, challengeId, reviewer, keyId, nonce, issuedAt, expiresAt);
        }
    }

    /** The exact bytes the gateway hands out and the reviewer's key signs. */
    public static byte[] payload(Challenge challenge) {
        return CanonicalJson.bytes(challenge);
    }

    /** Reads a challenge payload strictly; throws InvalidFieldException or JsonFormatException when it is not one. */
    public static Challenge read(byte[] payload) {
        return Json.parse(payload, Challenge.class);
    }

    /**
     * Signs a challenge the gateway issued, after checking it asks this key on behalf of this reviewer: a console
     * never signs a challenge meant for someone else.
     */
    public static DsseEnvelope answer(byte[] payload, String reviewer, Signer signer) throws GeneralSecurityException {
        Challenge challenge = read(payload);
        if (!challenge.reviewer().equals(reviewer) || !challenge.keyId().equals(KeyIds.of(signer.publicKey()))) {
            throw new InvalidFieldException("payload", "is a challenge for " + challenge.reviewer() + " with key "
                    + challenge.keyId() + ", not for " + reviewer + " with this key");
        }
        return Dsse.sign(PAYLOAD_TYPE, payload, signer);
    }

    /** True if the envelope is of the session type and the given key signed it. */
    public static boolean verify(DsseEnvelope envelope, PublicKey key) {
        return PAYLOAD_TYPE.equals(envelope.payloadType()) && envelope.signatures().size() == 1
                && Dsse.verify(envelope, KeyIds.of(key), key);
    }
}
