package dev.countersign.app.cache;

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

    public static CacheFileCheck check() {
        return file -> {
            try {
                H2FileInspector.forMigrations(CacheDatabase.MIGRATIONS, CacheDatabase.class.getClassLoader(),
                        CacheDatabase.URL_SETTINGS).check(file);
            } catch (ForeignDatabaseException e) {
                throw new CacheRefusedException(file, e.reason(), e);
            } catch (DatabaseFileLockedException e) {
                throw new CacheException("The console's cache " + file + " is open in another Countersign"
                        + " console. Close that console, or start this one with another --data-dir.", e);
            }
        };
    }
}
