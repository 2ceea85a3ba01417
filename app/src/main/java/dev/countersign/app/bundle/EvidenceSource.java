package dev.countersign.app.bundle;

import dev.countersign.app.cache.ConsoleCache;
import dev.countersign.app.common.UserFacing;
import dev.countersign.app.common.UserText;
import dev.countersign.model.bundle.Evidence;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Supplier;

/** Where export reads its evidence: the console's cache ({@code EvidenceCache.forRecords}). Called off the UI thread. */
@FunctionalInterface
public interface EvidenceSource {
    Evidence forRecords(Collection<String> recordIds) throws Exception;

    /** The console's cache once it is open; before that, a clear refusal. */
    static EvidenceSource of(Supplier<Optional<ConsoleCache>> cache) {
        return ids -> cache.get().orElseThrow(CacheClosedException::new).evidence().forRecords(ids);
    }

    /** The cache is not open (yet, or it was refused). */
    final class CacheClosedException extends IllegalStateException implements UserFacing {
        private static final UserText TEXT = new UserText("export.cacheClosed");

        CacheClosedException() {
            super(TEXT.english());
        }

        @Override
        public UserText userText() {
            return TEXT;
        }
    }
}
