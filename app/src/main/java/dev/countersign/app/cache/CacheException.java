package dev.countersign.app.cache;

import dev.countersign.app.common.UserFacing;

/** The cache could not be read or written; the message says so in words a reviewer can act on. */
public class CacheException extends RuntimeException implements UserFacing {
    public CacheException(String message, Throwable cause) {
        super(message, cause);
    }

    public CacheException(String message) {
        super(message);
    }

    @Override
    public String userMessage() {
        return getMessage();
    }
}
