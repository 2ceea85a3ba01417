package dev.countersign.gateway.support;

import dev.countersign.model.api.SessionChallengeGrant;
import dev.countersign.model.api.SessionChallengeRequest;
import dev.countersign.model.api.SessionGrant;
import dev.countersign.model.crypto.PublicKeys;
import dev.countersign.model.crypto.Signer;
import dev.countersign.model.crypto.SoftwareSigner;
import dev.countersign.model.json.Json;
import dev.countersign.model.record.DsseEnvelope;
import dev.countersign.model.session.SessionChallenges;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;

/** A reviewer with a key made for the test: Ed25519 (software) or ECDSA P-256 (as a hardware token has). */
public record TestReviewer(String reviewer, Signer signer) {
    public static TestReviewer ed25519(String reviewer) {
        try {
            return new TestReviewer(reviewer, new SoftwareSigner(KeyPairGenerator.getInstance("Ed25519").generateKeyPair()));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    public static TestReviewer p256(String reviewer) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return new TestReviewer(reviewer, new SoftwareSigner(generator.generateKeyPair()));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** The same reviewer with a fresh Ed25519 key (not enrolled). */
    public TestReviewer nextKey() {
        return new TestReviewer(reviewer, ed25519(reviewer).signer());
    }

    public String keyId() {
        return signer.keyId();
    }

    /** Rights over every action type and environment, up to critical. */
    public static final String ALL_RIGHTS = "{\"maxTier\":\"critical\"}";

    /** The body of POST /v1/admin/reviewers for this reviewer, with every right. */
    public String enrollmentJson(List<String> roles) {
        return enrollmentJson(roles, ALL_RIGHTS);
    }

    /** The body of POST /v1/admin/reviewers for this reviewer; rightsJson null leaves rights out. */
    public String enrollmentJson(List<String> roles, String rightsJson) {
        StringBuilder r = new StringBuilder("[");
        for (int i = 0; i < roles.size(); i++) {
            r.append(i == 0 ? "" : ",").append('"').append(roles.get(i)).append('"');
        }
        r.append(']');
        return "{\"reviewer\":\"" + reviewer + "\",\"displayName\":\"" + reviewer + "\",\"roles\":" + r
                + ",\"publicKey\":\"" + PublicKeys.toBase64(signer.publicKey()) + "\""
                + (rightsJson == null ? "" : ",\"rights\":" + rightsJson) + "}";
    }

    /** Enrolls this reviewer at the gateway and checks that it worked. */
    public TestReviewer enrollAt(Http http, String... roles) {
        return enrollWithRights(http, ALL_RIGHTS, roles);
    }

    /** The body of POST /v1/sessions/challenges for this reviewer's key. */
    public String challengeRequestJson() {
        return Json.string(new SessionChallengeRequest(reviewer, keyId()));
    }

    /** Asks the gateway for a session challenge for this key; fails the test if refused. */
    public SessionChallengeGrant challengeAt(Http http) {
        Reply reply = http.post("/v1/sessions/challenges", challengeRequestJson());
        if (reply.status() != 201) {
            throw new AssertionError("challenge refused: " + reply);
        }
        return reply.as(SessionChallengeGrant.class);
    }

    /** Signs a challenge as a console does, with {@link SessionChallenges#answer}. */
    public DsseEnvelope answer(SessionChallengeGrant challenge) {
        try {
            return SessionChallenges.answer(challenge.payloadBytes(), reviewer, signer);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** Opens a session at the gateway: challenge, sign, POST /v1/sessions. Fails the test if refused. */
    public SessionGrant openSession(Http http) {
        Reply reply = http.post("/v1/sessions", Json.string(answer(challengeAt(http))));
        if (reply.status() != 201) {
            throw new AssertionError("session refused: " + reply);
        }
        return reply.as(SessionGrant.class);
    }

    /** A client that carries a new session of this reviewer's key. */
    public Http sessionAt(Http http) {
        return http.withSession(openSession(http).token());
    }

    /** Enrolls this reviewer with the given rights JSON (null: none given). */
    public TestReviewer enrollWithRights(Http http, String rightsJson, String... roles) {
        Reply reply = http.adminPost("/v1/admin/reviewers", enrollmentJson(List.of(roles), rightsJson));
        if (reply.status() != 201 && reply.status() != 200) {
            throw new AssertionError("enrollment failed: " + reply);
        }
        return this;
    }
}
