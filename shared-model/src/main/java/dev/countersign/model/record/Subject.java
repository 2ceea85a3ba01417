package dev.countersign.model.record;

import dev.countersign.model.Require;
import java.util.Map;

/** An in-toto ResourceDescriptor as a Statement's subject: a name and its digests by algorithm. */
public record Subject(String name, Map<String, String> digest) {
    public Subject {
        Require.text(name, "name");
        digest = Require.map(digest, "digest");
    }

    public String sha256() {
        return digest.get("sha256");
    }
}
