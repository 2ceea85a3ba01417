package dev.countersign.model.bundle;

import dev.countersign.model.api.ReviewerView;
import dev.countersign.model.crypto.KeyIds;
import dev.countersign.model.crypto.PublicKeys;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The reviewers' enrolled keys, by key id, with each key decoded once. */
final class KeyDirectory {
    /** A key as listed for one reviewer. */
    record Listed(String reviewer, ReviewerView.Key key) {}

    /** A decoded key, or why it could not be decoded. */
    record Decoded(PublicKey key, String problem) {}

    private final Map<String, List<Listed>> byKeyId = new HashMap<>();
    private final Map<String, Decoded> decoded = new ConcurrentHashMap<>();

    KeyDirectory(List<ReviewerView> reviewers) {
        for (ReviewerView reviewer : reviewers) {
            for (ReviewerView.Key key : reviewer.keys()) {
                byKeyId.computeIfAbsent(key.keyId(), id -> new java.util.ArrayList<>())
                        .add(new Listed(reviewer.reviewer(), key));
            }
        }
    }

    /** Every listing of this key id, for any reviewer. */
    List<Listed> listings(String keyId) {
        return byKeyId.getOrDefault(keyId, List.of());
    }

    /** The listing of this key for this reviewer, or null. */
    Listed listing(String keyId, String reviewer) {
        for (Listed listed : listings(keyId)) {
            if (listed.reviewer().equals(reviewer)) {
                return listed;
            }
        }
        return null;
    }

    /** The public key listed under this id (null key and null problem when no listing carries it). */
    Decoded key(String keyId) {
        return decoded.computeIfAbsent(keyId, this::decode);
    }

    private Decoded decode(String keyId) {
        for (Listed listed : listings(keyId)) {
            String base64 = listed.key().publicKey();
            if (base64 == null) {
                continue;
            }
            PublicKey key;
            try {
                key = PublicKeys.fromBase64(base64);
            } catch (IllegalArgumentException e) {
                return new Decoded(null, "the key listed as " + RecordSignatures.shortId(keyId) + " for "
                        + listed.reviewer() + " cannot be read: " + e.getMessage());
            }
            String actual = KeyIds.of(key);
            if (!actual.equals(keyId)) {
                return new Decoded(null, "the key listed as " + RecordSignatures.shortId(keyId) + " for "
                        + listed.reviewer() + " has key id " + RecordSignatures.shortId(actual));
            }
            return new Decoded(key, null);
        }
        return new Decoded(null, null);
    }
}
