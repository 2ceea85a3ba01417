package dev.countersign.gateway.inventory;

import dev.countersign.model.NhiKind;
import dev.countersign.model.Require;
import dev.countersign.model.TargetRef;

/** A non-human identity in the inventory. The description is optional. */
public record Nhi(
        String id, String name, NhiKind kind, String environment, String owner, Privilege privilege,
        String description, String provider) {

    public Nhi {
        Require.text(id, "id");
        Require.text(name, "name");
        Require.present(kind, "kind");
        Require.text(environment, "environment");
        Require.text(owner, "owner");
        Require.present(privilege, "privilege");
        Require.text(provider, "provider");
    }

    public TargetRef ref() {
        return new TargetRef(id, name, kind, provider);
    }
}
