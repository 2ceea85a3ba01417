package dev.countersign.model.api;

import dev.countersign.model.ProposalStatus;
import dev.countersign.model.Require;

/**
 * An RFC 9457 problem detail as the gateway sends it. {@code type} is stable per cause; the extension members are
 * present when they apply.
 */
public record Problem(
        String type, String title, int status, String detail, String instance,
        String proposalId, ProposalStatus proposalStatus, String path) {

    public static final String TYPE_PREFIX = "https://countersign.dev/problems/";

    public Problem {
        Require.text(type, "type");
        Require.text(title, "title");
    }

    /** The last segment of the type URI, e.g. {@code stale-proposal}. */
    public String code() {
        return type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : type;
    }
}
