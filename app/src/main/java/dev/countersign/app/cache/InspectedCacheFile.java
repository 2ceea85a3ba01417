package dev.countersign.app.cache;

import dev.countersign.app.common.UserText;
import dev.countersign.gateway.store.DatabaseFileLockedException;
import dev.countersign.gateway.store.ForeignDatabaseException;
import dev.countersign.gateway.store.H2FileInspector;

/**
 * The cache file check the console uses: H2's schema records read straight from the file, without opening it as a
 * database (opening would already run a hostile file's triggers), and compared with what the console's own
 * migrations make (see ADR 0007). The inspector lives with the gateway's store, which needs the same check.
 */
public final class InspectedCacheFile {
    private InspectedCacheFile() {}

    private static H2FileInspector inspector() {
        return H2FileInspector.forMigrations(CacheDatabase.MIGRATIONS, CacheDatabase.class.getClassLoader(),
                CacheDatabase.URL_SETTINGS);
    }

    /**
     * Starts building what the check compares a file with (migrating a scratch database), on a background thread, so
     * that it is ready, or nearly, when the console opens its cache. Failures are left for the check to report.
     */
    public static void prepareInBackground() {
        Thread warmUp = new Thread(() -> {
            try {
                inspector().prepare();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(InspectedCacheFile.class).debug("cache check not prepared: {}",
                        e.toString());
            }
        }, "prepare-cache-check");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    public static CacheFileCheck check() {
        return file -> {
            try {
                inspector().check(file);
            } catch (ForeignDatabaseException e) {
                throw new CacheRefusedException(file, e.reason(), e);
            } catch (DatabaseFileLockedException e) {
                throw new CacheException(new UserText("error.cache.inUse", file), e);
            }
        };
    }
}
