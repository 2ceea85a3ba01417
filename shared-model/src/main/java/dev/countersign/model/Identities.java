package dev.countersign.model;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Names of people and agents that decisions depend on: a reviewer, an agent, the agent's accountable owner.
 * Separation of duties compares them, so each must read as what it is: no invisible or bidirectional-control
 * characters, no white space, Unicode NFC, and each word (a run of letters between separators such as "@" or ".")
 * in one script only, so "priyа" with a Cyrillic "а" cannot pass for "priya" while "田中@example.jp" can. Comparison
 * ignores case and compatibility forms.
 */
public final class Identities {
    private Identities() {}

    /** The value, if it is a plain identity; otherwise InvalidFieldException saying in words what is wrong. */
    public static String require(String value, String field) {
        Require.text(value, field);
        if (!Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
            throw new InvalidFieldException(field, "is not in Unicode NFC form; send it normalised");
        }
        UnicodeScript letters = null;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                throw new InvalidFieldException(field, "contains white space (" + describe(cp) + ")");
            }
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
                    || type == Character.SURROGATE || type == Character.UNASSIGNED || isDefaultIgnorable(cp)) {
                throw new InvalidFieldException(field, "contains " + describe(cp)
                        + ", an invisible or control character that can make one name look like another");
            }
            if (!Character.isLetterOrDigit(cp) && Character.getType(cp) != Character.NON_SPACING_MARK
                    && Character.getType(cp) != Character.COMBINING_SPACING_MARK) {
                letters = null; // a separator ends the word
                continue;
            }
            if (Character.isLetter(cp)) {
                UnicodeScript script = family(UnicodeScript.of(cp));
                if (script != UnicodeScript.COMMON && script != UnicodeScript.INHERITED) {
                    if (letters == null) {
                        letters = script;
                    } else if (letters != script) {
                        throw new InvalidFieldException(field, "mixes " + name(letters) + " and " + name(script)
                                + " letters (" + describe(cp) + "), which can make one name look like another");
                    }
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

    /** Scripts that are written together in one word (Japanese mixes kanji and kana) count as one. */
    private static UnicodeScript family(UnicodeScript script) {
        return switch (script) {
            case HIRAGANA, KATAKANA, BOPOMOFO, HANGUL -> UnicodeScript.HAN;
            default -> script;
        };
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

    private static String name(UnicodeScript script) {
        String lower = script.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
