package dev.countersign.app.common;

/** An exception whose message was written for the person at the console, not for a developer. */
public interface UserFacing {
    String userMessage();
}
