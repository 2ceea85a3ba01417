package dev.countersign.model.bundle;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Digests already known for exact objects: a bundle's reader hashes each file's bytes, and for a file that is the
 * canonical JSON of what it holds that hash is the object's canonical sha256, so the checks need not compute it again.
 * Keyed by identity: only the very object that was read from the file is known.
 */
final class KnownDigests {
    static final KnownDigests NONE = new KnownDigests();

    private final Map<Object, String> digests = Collections.synchronizedMap(new IdentityHashMap<>());

    void put(Object value, String sha256) {
        digests.put(value, sha256);
    }

    /** The canonical sha256 of the value, if known; else null. */
    String get(Object value) {
        return this == NONE ? null : digests.get(value);
    }
}
