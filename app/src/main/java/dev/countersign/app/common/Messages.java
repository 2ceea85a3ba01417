package dev.countersign.app.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** All user-facing text, from {@code dev/countersign/app/messages.properties}. */
public final class Messages {
    public static final String BUNDLE = "dev.countersign.app.messages";

    private final ResourceBundle bundle;
    private final Locale locale;
    private final java.util.concurrent.ConcurrentHashMap<String, MessageFormat> formats =
            new java.util.concurrent.ConcurrentHashMap<>();

    public Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    public static Messages load(Locale locale) {
        return new Messages(ResourceBundle.getBundle(BUNDLE, locale), locale);
    }

    /** The locale to format numbers and dates in (the bundle's own may be the root locale). */
    public Locale locale() {
        return locale;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    /** The text with {0}, {1}… filled in (java.text.MessageFormat; write a literal apostrophe as ’). */
    public String format(String key, Object... args) {
        MessageFormat format = formats.computeIfAbsent(key, k -> new MessageFormat(get(k), locale));
        synchronized (format) { // a MessageFormat is not thread-safe; parsing one per call was the cost
            return format.format(args);
        }
    }

    /** The user's words for {@code text}: its pattern with its arguments filled in, nested texts worded first. */
    public String text(UserText text) {
        Object[] args = text.args();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof UserText nested) {
                args[i] = text(nested);
            }
        }
        return format(text.key(), args);
    }

    /**
     * The bundle's own (root, English) texts, for exception messages and logs, which are read by developers in any
     * locale. Read-only and loaded once, like the bundle itself; what the user sees comes from the composition root's
     * {@code Messages}.
     */
    static Messages english() {
        return English.MESSAGES;
    }

    private static final class English {
        static final Messages MESSAGES = new Messages(ResourceBundle.getBundle(BUNDLE, Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)),
                Locale.ENGLISH);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
