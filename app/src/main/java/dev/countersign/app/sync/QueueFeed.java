package dev.countersign.app.sync;

import dev.countersign.model.api.ProposalView;
import dev.countersign.model.api.QueuePage;
import java.util.ArrayList;
import java.util.List;

/**
 * The queue as a feed of changes: remembers the gateway's cursor and asks only for what changed since. Not
 * thread-safe by design: the queue view model runs one fetch at a time.
 */
public final class QueueFeed {
    static final int PAGE_SIZE = 200;
    private static final int MAX_PAGES = 50;

    private final GatewayClient client;
    private volatile String cursor;

    public QueueFeed(GatewayClient client) {
        this.client = client;
    }

    /** Every proposal view that changed since the last call (all of them on the first call), oldest change first. */
    public List<ProposalView> changes() throws GatewayException {
        try {
            return fetch();
        } catch (GatewayProblemException e) {
            if (cursor == null || !"invalid-cursor".equals(e.code())) {
                throw e;
            }
            cursor = null; // the gateway forgot our cursor (e.g. it was reset): start over
            return fetch();
        }
    }

    private List<ProposalView> fetch() throws GatewayException {
        List<ProposalView> changed = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            QueuePage result = client.queue(cursor, PAGE_SIZE);
            changed.addAll(result.items());
            cursor = result.nextCursor();
            if (!result.hasMore()) {
                break;
            }
        }
        return changed;
    }

    /** Forgets the cursor, so the next call fetches everything again (e.g. after invalid-cursor). */
    public void reset() {
        cursor = null;
    }
}
