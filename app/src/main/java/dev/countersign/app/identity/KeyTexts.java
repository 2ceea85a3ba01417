package dev.countersign.app.identity;

/** How key ids are shown: the first 12 hex digits, enough to tell keys apart at a glance. */
public final class KeyTexts {
    private KeyTexts() {}

    /** {@code /home/ana/.local/share/countersign/reviewer-key.p12} → {@code ~/.local/share/countersign/…}. */
    public static String homeRelative(java.nio.file.Path file) {
        java.nio.file.Path home = java.nio.file.Path.of(System.getProperty("user.home", "/")).toAbsolutePath();
        return file.startsWith(home) && !file.equals(home) ? "~/" + home.relativize(file) : file.toString();
    }

    public static String shortId(String keyId) {
        if (keyId == null) {
            return "";
        }
        return keyId.length() > 12 ? keyId.substring(0, 12) : keyId;
    }
}
