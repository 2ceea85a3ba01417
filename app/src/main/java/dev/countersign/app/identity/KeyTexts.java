package dev.countersign.app.identity;

/** How key ids are shown: the first 12 hex digits, enough to tell keys apart at a glance. */
public final class KeyTexts {
    private KeyTexts() {}

    public static String shortId(String keyId) {
        if (keyId == null) {
            return "";
        }
        return keyId.length() > 12 ? keyId.substring(0, 12) : keyId;
    }
}
