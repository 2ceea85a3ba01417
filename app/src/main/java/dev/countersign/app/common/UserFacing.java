package dev.countersign.app.common;

/**
 * An exception whose message was written for the person at the console, not for a developer. What the user reads
 * is {@link #userText()}, worded by {@link Messages#text(UserText)} (as {@link UserErrors#message} does); the
 * exception's {@code getMessage()} is the same text in the bundle's English, for logs and "copy details".
 */
public interface UserFacing {
    UserText userText();
}
