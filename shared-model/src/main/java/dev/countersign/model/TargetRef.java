package dev.countersign.model;

/** The non-human identity a proposal acts on, as the gateway's inventory names it. */
public record TargetRef(String id, String name, NhiKind kind, String provider) {
    public TargetRef {
        Require.text(id, "id");
        Require.text(name, "name");
        Require.present(kind, "kind");
        Require.text(provider, "provider");
    }
}
