package dev.countersign.app.cache;

import dev.countersign.app.common.UserText;
import java.nio.file.Path;

/**
 * The cache file is not one this console made (it has triggers, aliases, linked tables or anything else the
 * console's migrations would not create), or it cannot be read at all. It is never opened; the console offers to
 * move it aside and sync again.
 */
public final class CacheRefusedException extends CacheException {
    private final transient Path file;

    /**
     * @param why what is wrong with the file: the inspector's finding as it words it, or a {@link UserText}
     */
    public CacheRefusedException(Path file, Object why, Throwable cause) {
        super(new UserText("error.cache.refused", file.getFileName(), why), cause);
        this.file = file;
    }

    /** The refused file. */
    public Path file() {
        return file;
    }
}
