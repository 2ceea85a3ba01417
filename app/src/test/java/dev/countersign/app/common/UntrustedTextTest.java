package dev.countersign.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.review.UntrustedWarning;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What is revealed in agent-written text: every hidden character, every look-alike letter, and nothing in honest text
 * (English, English with emoji, Japanese, Greek, Russian sentences).
 */
class UntrustedTextTest {

    // ---- honest text is left alone (false positives we guard against) ----

    @Test
    void plainTextIsLeftAlone() {
        UntrustedText.Revealed r = UntrustedText.reveal("Rotate ahead of the 90-day deadline.\nThanks — bot");
        assertEquals("Rotate ahead of the 90-day deadline.\nThanks — bot", r.text());
        assertFalse(r.suspicious());
    }

    @Test
    void englishWithEmojiIsNotFlagged() {
        for (String text : List.of("Done 👍 thanks", "Love it ❤️ really", "Pair with 👩‍💻 on call",
                "Flag 🇳🇴 office", "Thumbs 👍🏽 up")) {
            UntrustedText.Revealed r = UntrustedText.reveal(text);
            assertFalse(r.suspicious(), text + ": " + r);
            assertEquals(text, r.text());
        }
    }

    @Test
    void aLookAlikeIdentifierIsFlaggedHoweverItsPartsArePunctuated() {
        for (String name : new String[] {"асе-рау", "асе_рау", "асе.рау", "рау"}) { // all Cyrillic
            assertTrue(UntrustedText.reveal(name).suspicious(), name);
        }
        assertFalse(UntrustedText.reveal("ace-pay").suspicious(), "the same in Latin");
    }

    @Test
    void wholeSentencesInOneOtherScriptAreNotMixedScript() {
        for (String text : List.of("鍵を交換します。期限は明日です。", "東京のサーバーでAPIキーを更新",
                "Ο κωδικός λήγει αύριο", "Ключ просрочен, нужна ротация сор", "Résumé café naïve",
                "Cafe\u0301 decomposed", "한국어 문장입니다", "ＡＰＩキーを交換")) {
            UntrustedText.Revealed r = UntrustedText.reveal(text);
            assertFalse(r.suspicious(), text + ": " + r);
        }
    }

    @Test
    void aForeignWordInEnglishThatDoesNotLookLatinIsNotFlagged() {
        assertFalse(UntrustedText.reveal("Deploy to the 東京 region, ask Дмитрий").suspicious());
    }

    // ---- Trojan Source (CVE-2021-42574) ----

    @Test
    void trojanSourceCommentingOutIsRevealed() {
        // shows as /* begin admins only */ if (isAdmin) {  but is all one comment
        String raw = "/*\u202E } \u2066if (isAdmin)\u2069 \u2066 begin admins only */";
        UntrustedText.Revealed r = UntrustedText.reveal(raw);
        assertEquals("/*⟦U+202E⟧ } ⟦U+2066⟧if (isAdmin)⟦U+2069⟧ ⟦U+2066⟧ begin admins only */", r.text());
        assertEquals(List.of("U+202E RIGHT-TO-LEFT OVERRIDE", "U+2066 LEFT-TO-RIGHT ISOLATE",
                "U+2069 POP DIRECTIONAL ISOLATE"), r.hidden());
        assertEquals(4, r.hiddenCount());
    }

    @Test
    void trojanSourceStretchedStringIsRevealed() {
        // shows as if (accessLevel != "user") { // Check if admin
        String raw = "if (accessLevel != \"user\u202E \u2066// Check if admin\u2069 \u2066\") {";
        UntrustedText.Revealed r = UntrustedText.reveal(raw);
        assertEquals("if (accessLevel != \"user⟦U+202E⟧ ⟦U+2066⟧// Check if admin⟦U+2069⟧ ⟦U+2066⟧\") {", r.text());
        assertEquals(4, r.hiddenCount());
    }

    @Test
    void trojanSourceEarlyReturnWithRightToLeftIsolateIsRevealed() {
        String raw = "Subtract funds from bank account then \u2067 ;return\u2069";
        assertEquals("Subtract funds from bank account then ⟦U+2067⟧ ;return⟦U+2069⟧",
                UntrustedText.reveal(raw).text());
    }

    @Test
    void everyBidiControlIsRevealed() {
        int[] bidi = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F,
                0x061C};
        for (int cp : bidi) {
            UntrustedText.Revealed r = UntrustedText.reveal("grant" + Character.toString(cp) + "admin");
            assertEquals(String.format(Locale.ROOT, "grant⟦U+%04X⟧admin", cp), r.text());
            assertEquals(1, r.hiddenCount());
        }
    }

    // ---- invisible characters ----

    @Test
    void bidiOverridesAndZeroWidthCharactersAreShownAsCodes() {
        UntrustedText.Revealed r = UntrustedText.reveal("approve\u202Eevil\u200B");
        assertEquals("approve⟦U+202E⟧evil⟦U+200B⟧", r.text());
        assertEquals(List.of("U+202E RIGHT-TO-LEFT OVERRIDE", "U+200B ZERO WIDTH SPACE"), r.hidden());
    }

    @Test
    void zeroWidthCharactersSoftHyphenAndBomAreRevealed() {
        String raw = "svc\u200B-\u200Csettle\u200Dment\u2060ok\uFEFFpay\u00ADroll";
        UntrustedText.Revealed r = UntrustedText.reveal(raw);
        assertEquals("svc⟦U+200B⟧-⟦U+200C⟧settle⟦U+200D⟧ment⟦U+2060⟧ok⟦U+FEFF⟧pay⟦U+00AD⟧roll", r.text());
        assertEquals(List.of("U+200B ZERO WIDTH SPACE", "U+200C ZERO WIDTH NON-JOINER", "U+200D ZERO WIDTH JOINER",
                "U+2060 WORD JOINER", "U+FEFF ZERO WIDTH NO-BREAK SPACE", "U+00AD SOFT HYPHEN"), r.hidden());
        assertEquals(0, r.lookalikeCount());
    }

    @Test
    void tagCharactersHangulFillersAndVariationSelectorsOnLettersAreRevealed() {
        String tags = "ok" + Character.toString(0xE0041) + Character.toString(0xE0064) + "!";
        assertEquals("ok⟦U+E0041⟧⟦U+E0064⟧!", UntrustedText.reveal(tags).text());
        assertEquals("a⟦U+3164⟧b⟦U+115F⟧", UntrustedText.reveal("a\u3164b\u115F").text());
        assertEquals("a⟦U+FE0F⟧b", UntrustedText.reveal("a\uFE0Fb").text(), "a variation selector on a letter");
        assertEquals("x⟦U+E0100⟧", UntrustedText.reveal("x" + Character.toString(0xE0100)).text());
    }

    @Test
    void controlCharactersOtherThanNewlineAndTabAreRevealed() {
        assertEquals("a⟦U+001B⟧[2Jb\tc", UntrustedText.reveal("a\u001B[2Jb\tc").text());
    }

    @Test
    void lineAndParagraphSeparatorsAreRevealed() {
        assertEquals("a⟦U+2028⟧b⟦U+2029⟧c", UntrustedText.reveal("a\u2028b\u2029c").text());
    }

    @Test
    void spacesThatAreNotAnAsciiSpaceAreRevealed() {
        int[] spaces = {0x00A0, 0x2000, 0x2005, 0x200A, 0x202F, 0x205F, 0x3000};
        for (int cp : spaces) {
            UntrustedText.Revealed r = UntrustedText.reveal("a" + Character.toString(cp) + "b");
            assertEquals(String.format(Locale.ROOT, "a⟦U+%04X⟧b", cp), r.text());
            assertEquals(1, r.hidden().size());
        }
        assertEquals("a b", UntrustedText.reveal("a b").text());
    }

    // ---- look-alikes ----

    @Test
    void oneCyrillicLetterInALatinWordIsNamedWithItsWord() {
        UntrustedText.Revealed r = UntrustedText.reveal("rotate the p\u0430ypal key");
        assertTrue(r.suspicious());
        assertEquals(List.of("\u0430 (U+0430 CYRILLIC SMALL LETTER A) mixed into “p\u0430ypal”"), r.lookalikes());
        assertEquals("rotate the p\u0430ypal key", r.text(), "look-alikes stay in place; they are listed");
        assertEquals(0, r.hiddenCount());
    }

    @Test
    void everyCommonCyrillicAndGreekLookAlikeInALatinWordIsFlagged() {
        String[] letters = {"\u0430", "\u0435", "\u043E", "\u0440", "\u0441", "\u0445", "\u0443", "\u03BF", "\u03BD"};
        for (String letter : letters) {
            UntrustedText.Revealed r = UntrustedText.reveal("svc-settlement" + letter + "x admin");
            assertEquals(1, r.lookalikeCount(), letter + ": " + r);
        }
    }

    @Test
    void aWordWrittenWhollyInCyrillicLookAlikesInsideEnglishIsFlagged() {
        // "рауrоll" would mix scripts; this one is entirely Cyrillic: р а у о х с
        UntrustedText.Revealed r = UntrustedText.reveal("Grant read on \u0440\u0430\u0443\u0441\u043E\u0445 today");
        assertEquals(6, r.lookalikeCount(), r.toString());
        assertTrue(r.lookalikes().get(0).contains("looks Latin in"), r.toString());
    }

    @Test
    void aMixedScriptNameSplitByHyphensIsFlaggedPerWord() {
        UntrustedText.Revealed r = UntrustedText.reveal("\u0455v\u0441-settlement");
        assertEquals(2, r.lookalikeCount(), r.toString());
        assertTrue(r.lookalikes().get(0).contains("CYRILLIC SMALL LETTER DZE"), r.toString());
    }

    @Test
    void aMixedLatinCyrillicPayrollIsFlagged() {
        UntrustedText.Revealed r = UntrustedText.reveal("\u0440\u0430\u0443r\u043Ell");
        assertEquals(4, r.lookalikeCount(), r.toString());
    }

    @Test
    void anAllCyrillicIdentifierIsFlaggedOnItsOwn() {
        assertEquals(6, UntrustedText.reveal("\u0440\u0430\u0443\u0440\u0430l".replace("l", "\u04CF"))
                .lookalikeCount());
        assertTrue(UntrustedText.reveal("\u0430\u0440\u0440\u0435\u0441").suspicious(), "аррес on its own");
    }

    @Test
    void greekLookAlikesInALatinIdentifierAreFlagged() {
        UntrustedText.Revealed r = UntrustedText.reveal("nhi-\u03BFkta-scim-prod");
        assertEquals(1, r.lookalikeCount());
        assertTrue(r.lookalikes().get(0).contains("GREEK SMALL LETTER OMICRON"), r.toString());
    }

    @Test
    void fullwidthAndMathematicalLatinAreFlagged() {
        UntrustedText.Revealed full = UntrustedText.reveal("grant \uFF41\uFF44\uFF4D\uFF49\uFF4E now");
        assertEquals(5, full.lookalikeCount(), full.toString());
        UntrustedText.Revealed math = UntrustedText.reveal("role " + Character.toString(0x1D41A) + "dmin");
        assertEquals(1, math.lookalikeCount(), math.toString());
        assertTrue(math.lookalikes().get(0).contains("styled as Latin"), math.toString());
    }

    @Test
    void stackedCombiningMarksOnAsciiAreFlagged() {
        assertEquals(2, UntrustedText.reveal("admin\u0336\u0337 ok").lookalikeCount());
        assertEquals(1, UntrustedText.reveal("i\u0307d").lookalikeCount(), "a dot that composes to nothing");
    }

    @Test
    void countsAreOccurrencesAndListsAreDistinct() {
        UntrustedText.Revealed r = UntrustedText.reveal("\u202Ep\u0430y\u202E \u200Bp\u0430l");
        assertEquals(3, r.hiddenCount());
        assertEquals(2, r.hidden().size());
        assertEquals(2, r.lookalikeCount());
    }

    // ---- the warning a reviewer reads ----

    @Test
    void theWarningCountsAndListsEachFinding() {
        Messages messages = Messages.load(Locale.ENGLISH);
        String warning = UntrustedWarning.of(messages, "untrusted.subject.text", List.of(
                UntrustedText.reveal("pay\u202Eroll\u200B\u200B"), UntrustedText.reveal("p\u0430ypal")));
        assertEquals("This text contains 3 hidden characters and 1 look-alike letter, shown below as ⟦U+…⟧ or named"
                + " here. Read it as the bytes say, not as it looks:\n"
                + "• hidden: U+202E RIGHT-TO-LEFT OVERRIDE\n"
                + "• hidden: U+200B ZERO WIDTH SPACE\n"
                + "• look-alike: \u0430 (U+0430 CYRILLIC SMALL LETTER A) mixed into “p\u0430ypal”", warning);
        assertEquals("", UntrustedWarning.of(messages, "untrusted.subject.text",
                List.of(UntrustedText.reveal("All fine 👍"))));
        assertTrue(UntrustedWarning.of(messages, "untrusted.subject.parameters",
                List.of(UntrustedText.reveal("\u200B"))).startsWith("The parameters contain 1 hidden character,"));
    }
}
