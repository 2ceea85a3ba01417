package dev.countersign.app.common;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Makes text an agent wrote safe to read: what is shown is what the bytes say.
 *
 * <h2>Hidden characters: replaced by a visible marker such as ⟦U+202E⟧ and listed</h2>
 * <ul>
 *   <li>every format character (Unicode category Cf): the bidirectional embeddings, overrides and isolates
 *   (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI — the "Trojan Source" characters of CVE-2021-42574), the marks LRM,
 *   RLM and ALM, zero-width space, non-joiner and joiner, word joiner, the byte-order mark, soft hyphen, invisible
 *   mathematical operators and the tag characters U+E0000..U+E007F;</li>
 *   <li>control characters other than newline and tab, private-use, unassigned and lone surrogate code points;</li>
 *   <li>characters that render blank or as nothing: Hangul fillers, the braille blank, the combining grapheme joiner,
 *   variation selectors, the line and paragraph separators, and every space that is not U+0020.</li>
 * </ul>
 * Two emoji sequences are left alone, so that English with an emoji is not flagged: a variation selector 15/16
 * (U+FE0E, U+FE0F) right after a symbol, and a zero-width joiner between two symbols (as in 👩‍💻).
 *
 * <h2>Look-alike letters: left in place, and listed with the word they are in</h2>
 * Judged per word (a run of letters, digits and marks; white space and punctuation separate words):
 * <ol>
 *   <li><b>Mixed script within a word</b> (the strongest signal): a word with letters of two or more alphabetic scripts
 *   (Latin, Cyrillic, Greek, Armenian, Cherokee, Coptic...) such as "pаypal" with one Cyrillic а. The letters not of
 *   the word's main script are listed (Latin counts as main when the word has any Latin letter). Japanese and
 *   Korean words that mix Han, kana, Hangul or Latin are not mixed in this sense.</li>
 *   <li><b>Whole-script look-alikes</b>: a word written only with Cyrillic, Greek or other letters that look like Latin
 *   ones (a small table after Unicode's confusables data, e.g. "ѕvс" or "раурал"), listed when the text around it is
 *   Latin, or when the text has no white space at all (an identifier, however its parts are punctuated:
 *   "асе-рау", "svc_раy"). A Russian or Greek sentence is not flagged, even
 *   if some of its words happen to be made only of such letters.</li>
 *   <li><b>Styled Latin</b>: fullwidth letters and digits (U+FF10..U+FF5A) outside Chinese, Japanese or Korean text,
 *   and mathematical alphanumerics (U+1D400..U+1D7FF) anywhere: letters whose compatibility form is plain ASCII.</li>
 *   <li><b>Stacked marks</b>: two or more combining marks on one letter, or a combining mark on an ASCII letter that
 *   does not make a precomposed letter (e written as e + U+0301 is é, and is fine).</li>
 * </ol>
 * Known false positives, accepted: a single Russian or Greek word on its own made only of Latin-looking letters
 * ("сор", "ΤΑΧΟΣ" alone); a deliberate mix of scripts in one word. Known misses: look-alikes within one script
 * (Latin "rn" for "m", digit 0 for letter O), and confusables not in the table.
 */
public final class UntrustedText {
    private UntrustedText() {}

    /** Alphabetic scripts whose letters can pass for each other; a word may use only one of them. */
    private static final Set<UnicodeScript> ALPHABETS = EnumSet.of(UnicodeScript.LATIN, UnicodeScript.CYRILLIC,
            UnicodeScript.GREEK, UnicodeScript.ARMENIAN, UnicodeScript.CHEROKEE, UnicodeScript.COPTIC,
            UnicodeScript.GEORGIAN, UnicodeScript.LISU, UnicodeScript.CANADIAN_ABORIGINAL, UnicodeScript.GOTHIC);

    /** Scripts in which fullwidth Latin is ordinary typography. */
    private static final Set<UnicodeScript> CJK = EnumSet.of(UnicodeScript.HAN, UnicodeScript.HIRAGANA,
            UnicodeScript.KATAKANA, UnicodeScript.HANGUL, UnicodeScript.BOPOMOFO);

    /** Non-Latin letters that look like Latin ones (after Unicode's confusables.txt; small by intent). */
    private static final String LATIN_LOOKALIKES =
            // Cyrillic
            "АВСЕНІЈКМНОРЅТХУ" + "авсеһіјкмнорԛѕԝхуѡ" + "ӀӏԁԌԍЬѴѵҮүҺ"
            // Greek
            + "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ" + "αιικνορτυχϲϳ"
            // Armenian, Cherokee, Lisu (a few)
            + "օոսցհաԳՏՍԼ" + "ᎪᏴᏟᎠᎬᏀᎻᏆᎫᏦᏞᎷᏃᏅᏢᏚᏙᏔᏌᏉᏩᎳᏙ" + "ꓮꓐꓚꓓꓰꓝꓖꓧꓲꓙꓗꓡꓟꓠꓑꓣꓢꓔꓴꓦꓪꓫꓬꓜ";

    /** A finding, counted per occurrence and listed once. */
    public record Revealed(String text, List<String> hidden, List<String> lookalikes, int hiddenCount,
            int lookalikeCount) {
        public Revealed {
            hidden = List.copyOf(hidden);
            lookalikes = List.copyOf(lookalikes);
        }

        public boolean suspicious() {
            return hiddenCount > 0 || lookalikeCount > 0;
        }
    }

    public static Revealed reveal(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        Set<String> hidden = new LinkedHashSet<>();
        int hiddenCount = 0;
        int[] cps = raw.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            if (isHidden(cp) && !emojiPart(cps, i)) {
                String code = code(cp);
                out.append('⟦').append(code).append('⟧');
                hidden.add(code + " " + nameOf(cp));
                hiddenCount++;
            } else {
                out.appendCodePoint(cp);
            }
        }
        Lookalikes found = new Lookalikes();
        UnicodeScript main = mainScript(cps);
        List<int[]> words = words(cps);
        // no white space: a name, an id or a key, however its parts are punctuated ("асе-рау", "svc_раy")
        boolean identifier = !words.isEmpty() && raw.codePoints().noneMatch(Character::isWhitespace);
        boolean cjkText = raw.codePoints().anyMatch(cp -> Character.isLetter(cp) && CJK.contains(UnicodeScript.of(cp)));
        for (int[] word : words) {
            judge(word, main, identifier, cjkText, found);
        }
        return new Revealed(out.toString(), new ArrayList<>(hidden), new ArrayList<>(found.listed), hiddenCount,
                found.count);
    }

    private static final class Lookalikes {
        final Set<String> listed = new LinkedHashSet<>();
        int count;

        void add(int cp, String why, int[] word) {
            listed.add(new String(Character.toChars(cp)) + " (" + code(cp) + " " + nameOf(cp) + ") " + why + " “"
                    + new String(word, 0, word.length) + "”");
            count++;
        }
    }

    private static void judge(int[] word, UnicodeScript main, boolean identifier, boolean cjkText,
            Lookalikes found) {
        Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
        int[] counts = new int[UnicodeScript.values().length];
        for (int cp : word) {
            if (Character.isLetter(cp) && ALPHABETS.contains(UnicodeScript.of(cp))) {
                scripts.add(UnicodeScript.of(cp));
                counts[UnicodeScript.of(cp).ordinal()]++;
            }
        }
        for (int i = 0; i < word.length; i++) {
            int cp = word[i];
            if (Character.isLetterOrDigit(cp) && cp > 0x7F && styledAscii(cp)
                    && !(cjkText && cp >= 0xFF00 && cp <= 0xFFEF)) {
                found.add(cp, "styled as Latin in", word);
            }
            if (i > 0 && Character.getType(cp) == Character.NON_SPACING_MARK && stacked(word, i)) {
                found.add(cp, "stacked on a letter in", word);
            }
        }
        if (scripts.size() > 1) {
            UnicodeScript wordMain = scripts.contains(UnicodeScript.LATIN) ? UnicodeScript.LATIN : null;
            if (wordMain == null) {
                for (UnicodeScript s : scripts) {
                    if (wordMain == null || counts[s.ordinal()] > counts[wordMain.ordinal()]) {
                        wordMain = s;
                    }
                }
            }
            for (int cp : word) {
                if (Character.isLetter(cp) && ALPHABETS.contains(UnicodeScript.of(cp))
                        && UnicodeScript.of(cp) != wordMain) {
                    found.add(cp, "mixed into", word);
                }
            }
            return;
        }
        if (scripts.size() == 1 && !scripts.contains(UnicodeScript.LATIN)
                && (main == UnicodeScript.LATIN || identifier) && allLookLatin(word)) {
            for (int cp : word) {
                if (Character.isLetter(cp)) {
                    found.add(cp, "looks Latin in", word);
                }
            }
        }
    }

    /** Every letter of the word is in the look-alike table (and there is at least one). */
    private static boolean allLookLatin(int[] word) {
        boolean any = false;
        for (int cp : word) {
            if (Character.isLetter(cp)) {
                if (LATIN_LOOKALIKES.indexOf(cp) < 0) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** A letter or digit whose compatibility form is a plain ASCII letter or digit (fullwidth, mathematical). */
    private static boolean styledAscii(int cp) {
        String nfkc = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
        return nfkc.length() == 1 && nfkc.charAt(0) < 0x80 && Character.isLetterOrDigit(nfkc.charAt(0));
    }

    /** The mark at {@code i} is one of several on its letter, or one on an ASCII letter that composes to nothing. */
    private static boolean stacked(int[] word, int i) {
        int base = i - 1;
        while (base >= 0 && Character.getType(word[base]) == Character.NON_SPACING_MARK) {
            base--;
        }
        if (base < 0) {
            return true;
        }
        int marks = 0;
        for (int j = base + 1; j < word.length && Character.getType(word[j]) == Character.NON_SPACING_MARK; j++) {
            marks++;
        }
        if (marks > 1) {
            return true;
        }
        return word[base] < 0x80 && Normalizer.normalize(new String(new int[] {word[base], word[i]}, 0, 2),
                Normalizer.Form.NFC).length() != 1;
    }

    /** Runs of letters, digits and marks (hidden characters inside a word do not split it). */
    private static List<int[]> words(int[] cps) {
        List<int[]> words = new ArrayList<>();
        int start = -1;
        List<Integer> current = new ArrayList<>();
        for (int i = 0; i <= cps.length; i++) {
            boolean part = i < cps.length && (Character.isLetterOrDigit(cps[i])
                    || Character.getType(cps[i]) == Character.NON_SPACING_MARK
                    || Character.getType(cps[i]) == Character.COMBINING_SPACING_MARK
                    || Character.getType(cps[i]) == Character.FORMAT);
            if (part) {
                if (Character.getType(cps[i]) != Character.FORMAT) {
                    current.add(cps[i]);
                }
                start = start < 0 ? i : start;
            } else if (start >= 0) {
                if (!current.isEmpty()) {
                    words.add(current.stream().mapToInt(Integer::intValue).toArray());
                }
                current.clear();
                start = -1;
            }
        }
        return words;
    }

    static boolean isHidden(int cp) {
        if (cp == '\n' || cp == '\t') {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.CONTROL || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED || type == Character.SURROGATE
                || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 // Hangul fillers render blank
                || cp == 0x2800 || cp == 0x034F // braille blank, combining grapheme joiner
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) // variation selectors
                || cp == 0x2028 || cp == 0x2029 // line and paragraph separators break lines unseen
                || cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F
                || cp == 0x3000; // spaces that look like U+0020 but are not
    }

    /** VS15/VS16 after a symbol, or a zero-width joiner between two symbols: part of an emoji, shown as one. */
    private static boolean emojiPart(int[] cps, int i) {
        int cp = cps[i];
        boolean afterSymbol = i > 0 && symbol(cps[i - 1]);
        if (cp == 0xFE0E || cp == 0xFE0F) {
            return afterSymbol;
        }
        if (cp == 0x200D) {
            boolean before = afterSymbol || i > 1 && (cps[i - 1] == 0xFE0F) && symbol(cps[i - 2]);
            return before && i + 1 < cps.length && symbol(cps[i + 1]);
        }
        return false;
    }

    private static boolean symbol(int cp) {
        return Character.getType(cp) == Character.OTHER_SYMBOL;
    }

    private static UnicodeScript mainScript(int[] cps) {
        int[] counts = new int[UnicodeScript.values().length];
        for (int cp : cps) {
            if (Character.isLetter(cp)) {
                counts[UnicodeScript.of(cp).ordinal()]++;
            }
        }
        int best = -1;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && (best < 0 || counts[i] > counts[best])) {
                best = i;
            }
        }
        return best < 0 ? null : UnicodeScript.values()[best];
    }

    private static String code(int cp) {
        return String.format(Locale.ROOT, "U+%04X", cp);
    }

    private static String nameOf(int cp) {
        String name = Character.getName(cp);
        return name == null ? "" : name;
    }
}
