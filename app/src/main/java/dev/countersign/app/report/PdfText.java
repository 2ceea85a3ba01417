package dev.countersign.app.report;

import dev.countersign.app.common.UntrustedText;
import java.util.Locale;

/**
 * Text as the report's fonts can write it. The Standard 14 fonts (Helvetica) encode only Windows-1252 (WinAnsi), so
 * every other character is written as its code point in brackets, {@code [U+0430]}, rather than dropped or failing
 * the report. Text an agent wrote first goes through {@link UntrustedText#reveal}, whose markers for hidden characters
 * ({@code ⟦U+202E⟧}) become {@code [[U+202E]]}: a hidden character and a character the font cannot show stay told
 * apart.
 */
final class PdfText {
    private PdfText() {}

    /** The characters of Windows-1252 from 0x80 to 0x9F (the rest of it is Latin-1's printable range). */
    private static final String WIN_ANSI_EXTRA = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";

    /** Text an agent wrote or chose: hidden characters revealed, then made writable. */
    static String untrusted(String raw) {
        if (raw == null) {
            return "";
        }
        return writable(UntrustedText.reveal(raw).text().replace("⟦", "[[").replace("⟧", "]]"));
    }

    /**
     * Any text made writable: newlines kept, tabs as spaces, the space characters a locale may format numbers with
     * (no-break, narrow no-break) as plain spaces, every other character the font cannot encode as {@code [U+XXXX]}.
     */
    static String writable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || encodable(cp)) {
                out.appendCodePoint(cp);
            } else if (cp == '\t') {
                out.append("    ");
            } else if (cp == 0x00A0 || cp == 0x202F) {
                out.append(' ');
            } else if (cp == '\r') {
                // a CR LF pair is one line break; a lone CR is shown
                out.append("[U+000D]");
            } else {
                out.append('[').append(code(cp)).append(']');
            }
        });
        return out.toString().replace("[U+000D]\n", "\n");
    }

    /** In Windows-1252, and a visible character (not a control). */
    static boolean encodable(int cp) {
        return cp >= 0x20 && cp <= 0x7E || cp >= 0xA1 && cp <= 0xFF || WIN_ANSI_EXTRA.indexOf(cp) >= 0;
    }

    static String code(int cp) {
        return String.format(Locale.ROOT, "U+%04X", cp);
    }
}
