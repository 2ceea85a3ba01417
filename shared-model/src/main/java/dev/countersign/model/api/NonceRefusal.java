package dev.countersign.model.api;

import dev.countersign.model.Require;

/**
 * A proposal of a nonce batch that got no nonce, and why: {@code type} is the short problem type the single-nonce
 * route would have answered ({@code not-found}, {@code proposal-closed} or {@code proposal-expired}, as
 * {@link Problem#code()} gives it), {@code detail} the words for people.
 */
public record NonceRefusal(String proposalId, String type, String detail) {
    public NonceRefusal {
        Require.text(proposalId, "proposalId");
        Require.text(type, "type");
        Require.text(detail, "detail");
    }
}
