package dev.countersign.model.api;

import dev.countersign.model.Require;
import java.util.List;

/**
 * The answer to a nonce batch: one fresh nonce for each pending proposal asked for, and a refusal for each other,
 * both in the order the proposals were named. Every id asked for is in exactly one of the two lists.
 */
public record NonceBatch(List<NonceGrant> nonces, List<NonceRefusal> refused) {
    public NonceBatch {
        nonces = Require.list(nonces, "nonces");
        refused = Require.list(refused, "refused");
    }
}
