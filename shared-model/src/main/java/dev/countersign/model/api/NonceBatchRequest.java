package dev.countersign.model.api;

import dev.countersign.model.InvalidFieldException;
import dev.countersign.model.MissingFieldException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A console asks for one fresh decision nonce for each of these proposals ({@code POST /v1/nonces}): 1 to
 * {@link #MAX_IDS} distinct, non-blank proposal ids. A console with more pending proposals sends several batches.
 */
public record NonceBatchRequest(List<String> proposalIds) {
    /** The most ids one batch may name. */
    public static final int MAX_IDS = 500;

    public NonceBatchRequest {
        if (proposalIds == null) {
            throw new MissingFieldException("proposalIds");
        }
        if (proposalIds.isEmpty() || proposalIds.size() > MAX_IDS) {
            throw new InvalidFieldException("proposalIds", "must name 1 to " + MAX_IDS + " proposals but names "
                    + proposalIds.size());
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < proposalIds.size(); i++) {
            String id = proposalIds.get(i);
            String field = "proposalIds[" + i + "]";
            if (id == null) {
                throw new MissingFieldException(field);
            }
            if (id.isBlank()) {
                throw new InvalidFieldException(field, "must not be blank");
            }
            Integer first = seen.putIfAbsent(id, i);
            if (first != null) {
                throw new InvalidFieldException(field, "repeats proposalIds[" + first + "]; name each proposal once");
            }
        }
        proposalIds = List.copyOf(proposalIds);
    }
}
