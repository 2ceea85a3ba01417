package dev.countersign.model.api;

import dev.countersign.model.Require;
import java.util.List;

/** Proposals changed since a cursor, oldest change first, and the cursor to ask from next. */
public record QueuePage(List<ProposalView> items, String nextCursor, boolean hasMore) {
    public QueuePage {
        items = Require.list(items, "items");
        Require.text(nextCursor, "nextCursor");
    }
}
