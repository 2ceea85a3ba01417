package dev.countersign.app.review;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Makes text an agent wrote safe to read: invisible, bidirectional and control characters are replaced by a visible
 * marker such as ⟦U+202E⟧, and letters from a script other than the text's main one (look-alikes such as Cyrillic
 * "а" among Latin letters) are listed, so what is shown is what the bytes say.
 */
public final class UntrustedText {
    private UntrustedText() {}

    /**
     * The text made visible; {@code hidden} names each invisible character found ("U+202E RIGHT-TO-LEFT OVERRIDE"),
     * {@code mixedScript} each letter from a script other than the text's main one.
     */
    public record Revealed(String text, List<String> hidden, List<String> mixedScript) {
        public Revealed {
            hidden = List.copyOf(hidden);
            mixedScript = List.copyOf(mixedScript);
        }

        public boolean suspicious() {
            return !hidden.isEmpty() || !mixedScript.isEmpty();
        }
    }

    public static Revealed reveal(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        Set<String> hidden = new LinkedHashSet<>();
        UnicodeScript main = mainScript(raw);
        Set<String> lookalikes = new LinkedHashSet<>();
        raw.codePoints().forEach(cp -> {
            if (isHidden(cp)) {
                String code = String.format(Locale.ROOT, "U+%04X", cp);
                out.append('⟦').append(code).append('⟧');
                hidden.add(code + " " + nameOf(cp));
                return;
            }
            if (Character.isLetter(cp) && main != null) {
                UnicodeScript script = UnicodeScript.of(cp);
                if (script != main && script != UnicodeScript.COMMON && script != UnicodeScript.INHERITED) {
                    lookalikes.add(new String(Character.toChars(cp)) + " "
                            + String.format(Locale.ROOT, "U+%04X", cp) + " " + nameOf(cp));
                }
            }
            out.appendCodePoint(cp);
        });
        return new Revealed(out.toString(), new ArrayList<>(hidden), new ArrayList<>(lookalikes));
    }

    static boolean isHidden(int cp) {
        if (cp == '\n' || cp == '\t') {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.CONTROL || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED || type == Character.SURROGATE
                || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 // Hangul fillers render blank
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) // variation selectors
                || cp == 0x2028 || cp == 0x2029 // line and paragraph separators break lines unseen
                || cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F
                || cp == 0x3000; // spaces that look like U+0020 but are not
    }

    private static UnicodeScript mainScript(String raw) {
        int[] counts = new int[UnicodeScript.values().length];
        raw.codePoints().filter(Character::isLetter).forEach(cp -> counts[UnicodeScript.of(cp).ordinal()]++);
        int best = -1;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && (best < 0 || counts[i] > counts[best])) {
                best = i;
            }
        }
        return best < 0 ? null : UnicodeScript.values()[best];
    }

    private static String nameOf(int cp) {
        String name = Character.getName(cp);
        return name == null ? "" : name;
    }
}
