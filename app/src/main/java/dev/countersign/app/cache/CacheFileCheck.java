package dev.countersign.app.cache;

import java.nio.file.Path;

/** Looks at a cache file before H2 opens it: opening a hostile H2 file would already run its triggers' code. */
@FunctionalInterface
public interface CacheFileCheck {
    /** Returns if the file is one the console's migrations make (or does not exist); refuses it otherwise. */
    void check(Path mvDbFile) throws CacheRefusedException;
}
