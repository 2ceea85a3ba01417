package dev.countersign.app.common;

import java.util.Arrays;
import java.util.Objects;

/**
 * Words for the person at the console, kept as a key of {@code messages.properties} and the values for its
 * {@code {0}}, {@code {1}}… so that they are put into words, in the user's language, only where they are shown
 * ({@link Messages#text(UserText)}). An argument may itself be a {@code UserText}; it is worded first. Numbers and
 * dates are formatted in the user's locale. Other values (a file, the gateway's own words, a library's message)
 * are shown as they are.
 */
public record UserText(String key, Object... args) {
    public UserText {
        Objects.requireNonNull(key, "key");
        args = args == null ? new Object[0] : args.clone();
    }

    @Override
    public Object[] args() {
        return args.clone();
    }

    /** The text in the bundle's own (English) words: for a log line or an exception's message, not for the user. */
    public String english() {
        return Messages.english().text(this);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UserText that && key.equals(that.key) && Arrays.equals(args, that.args);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(args);
    }

    @Override
    public String toString() {
        return key + Arrays.toString(args);
    }
}
