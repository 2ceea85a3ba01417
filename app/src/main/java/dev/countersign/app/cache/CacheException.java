package dev.countersign.app.cache;

import dev.countersign.app.common.UserFacing;
import dev.countersign.app.common.UserText;

/** The cache could not be read or written; the text says so in words a reviewer can act on. */
public class CacheException extends RuntimeException implements UserFacing {
    private final transient UserText text;

    public CacheException(UserText text, Throwable cause) {
        super(text.english(), cause);
        this.text = text;
    }

    public CacheException(UserText text) {
        this(text, null);
    }

    @Override
    public UserText userText() {
        return text;
    }
}
