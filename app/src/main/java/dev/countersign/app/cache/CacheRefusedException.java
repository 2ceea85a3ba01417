package dev.countersign.app.cache;

import java.nio.file.Path;

/**
 * The cache file is not one this console made (it has triggers, aliases, linked tables or anything else the
 * console's migrations would not create), or it cannot be read at all. It is never opened; the console offers to
 * move it aside and sync again.
 */
public final class CacheRefusedException extends CacheException {
    private final Path file;

    public CacheRefusedException(Path file, String why, Throwable cause) {
        super("The console's cache " + file.getFileName() + " is not one this console created (" + why
                + "). It was not opened, so nothing in it ran.", cause);
        this.file = file;
    }

    /** The refused file. */
    public Path file() {
        return file;
    }
}
