package dev.countersign.app.cache;

/**
 * The cache file check the console uses: H2's schema records read straight from the file, without opening it as a
 * database, compared with what the console's own migrations make (see ADR 0006).
 */
public final class InspectedCacheFile {
    private InspectedCacheFile() {}

    public static CacheFileCheck check() {
        return file -> { }; // replaced by the H2 file inspector when it lands
    }
}
