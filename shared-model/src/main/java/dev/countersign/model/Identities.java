package dev.countersign.model;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Names of people and agents that decisions depend on: a reviewer, an agent, the agent's accountable owner.
 * Separation of duties compares them, so each must read as what it is: no invisible or bidirectional-control
 * characters, no white space, symbols or non-ASCII punctuation, Unicode NFC, and letters of one script (or Latin
 * with the scripts of Japanese, Chinese or Korean), so "priyа" with a Cyrillic "а" cannot pass for "priya" while
 * "田中@example.jp" can. Comparison ignores case and compatibility forms. A full confusable-skeleton comparison
 * (UTS #39) would also catch a name written wholly in look-alike letters of one other script; see docs/api.md.
 */
public final class Identities {
    private Identities() {}

    /** The value, if it is a plain identity; otherwise InvalidFieldException saying in words what is wrong. */
    public static String require(String value, String field) {
        Require.text(value, field);
        if (!Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
            throw new InvalidFieldException(field, "is not in Unicode NFC form; send it normalised");
        }
        EnumSet<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x2800) {
                throw new InvalidFieldException(field, "contains white space (" + describe(cp) + ")");
            }
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
                    || type == Character.SURROGATE || type == Character.UNASSIGNED || isDefaultIgnorable(cp)) {
                throw new InvalidFieldException(field, "contains " + describe(cp)
                        + ", an invisible or control character that can make one name look like another");
            }
            if (type == Character.OTHER_SYMBOL || type == Character.MODIFIER_SYMBOL || type == Character.ENCLOSING_MARK
                    || cp > 0x7F && isPunctuation(type)) {
                throw new InvalidFieldException(field, "contains " + describe(cp)
                        + "; a name may use letters, digits and ASCII punctuation only");
            }
            if (Character.isLetter(cp)) {
                UnicodeScript script = UnicodeScript.of(cp);
                if (script != UnicodeScript.COMMON && script != UnicodeScript.INHERITED && scripts.add(script)
                        && !allowedTogether(scripts)) {
                    throw new InvalidFieldException(field, "mixes " + names(scripts) + " letters (" + describe(cp)
                            + "), which can make one name look like another");
                }
            }
        }
        return value;
    }

    /** True if the two name the same identity: equal after NFKC normalisation and case folding. */
    public static boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return fold(a).equals(fold(b));
    }

    private static String fold(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /**
     * Unicode's "highly restrictive" level (UTS #39): one script, or Latin with the scripts Japanese, Chinese or
     * Korean are written in together, so "田中@example.jp" passes and "сео@corp.example" (Cyrillic with Latin) does not.
     */
    private static boolean allowedTogether(Set<UnicodeScript> scripts) {
        if (scripts.size() <= 1) {
            return true;
        }
        return JAPANESE.containsAll(scripts) || CHINESE.containsAll(scripts) || KOREAN.containsAll(scripts);
    }

    private static final Set<UnicodeScript> JAPANESE = EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN,
            UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA);
    private static final Set<UnicodeScript> CHINESE = EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN,
            UnicodeScript.BOPOMOFO);
    private static final Set<UnicodeScript> KOREAN = EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN,
            UnicodeScript.HANGUL);

    private static boolean isPunctuation(int type) {
        return type == Character.DASH_PUNCTUATION || type == Character.START_PUNCTUATION
                || type == Character.END_PUNCTUATION || type == Character.INITIAL_QUOTE_PUNCTUATION
                || type == Character.FINAL_QUOTE_PUNCTUATION || type == Character.OTHER_PUNCTUATION
                || type == Character.CONNECTOR_PUNCTUATION;
    }

    private static boolean isDefaultIgnorable(int cp) {
        return cp == 0x034F || (cp >= 0x115F && cp <= 0x1160) || (cp >= 0x17B4 && cp <= 0x17B5)
                || (cp >= 0x180B && cp <= 0x180F) || cp == 0x3164 || (cp >= 0xFE00 && cp <= 0xFE0F)
                || cp == 0xFFA0 || (cp >= 0xE0000 && cp <= 0xE0FFF);
    }

    private static String describe(int cp) {
        String name = Character.getName(cp);
        return String.format("U+%04X%s", cp, name == null ? "" : " " + name);
    }

    private static String names(Set<UnicodeScript> scripts) {
        StringBuilder all = new StringBuilder();
        int i = 0;
        for (UnicodeScript script : scripts) {
            String lower = script.name().toLowerCase(Locale.ROOT).replace('_', ' ');
            all.append(i == 0 ? "" : i == scripts.size() - 1 ? " and " : ", ")
                    .append(Character.toUpperCase(lower.charAt(0))).append(lower.substring(1));
            i++;
        }
        return all.toString();
    }
}
