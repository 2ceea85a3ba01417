package dev.countersign.app.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class UntrustedTextTest {

    @Test
    void plainTextIsLeftAlone() {
        UntrustedText.Revealed r = UntrustedText.reveal("Rotate ahead of the 90-day deadline.\nThanks — bot");
        assertEquals("Rotate ahead of the 90-day deadline.\nThanks — bot", r.text());
        assertFalse(r.suspicious());
    }

    @Test
    void bidiOverridesAndZeroWidthCharactersAreShownAsCodes() {
        UntrustedText.Revealed r = UntrustedText.reveal("approve\u202Eevil\u200B");
        assertEquals("approve⟦U+202E⟧evil⟦U+200B⟧", r.text());
        assertEquals(List.of("U+202E RIGHT-TO-LEFT OVERRIDE", "U+200B ZERO WIDTH SPACE"), r.hidden());
    }

    @Test
    void lookAlikeLettersFromAnotherScriptAreNamed() {
        UntrustedText.Revealed r = UntrustedText.reveal("rotate the p\u0430yments key");
        assertTrue(r.suspicious());
        assertEquals(List.of("\u0430 U+0430 CYRILLIC SMALL LETTER A"), r.mixedScript());
        assertEquals("rotate the p\u0430yments key", r.text());
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
            assertEquals(String.format(java.util.Locale.ROOT, "a⟦U+%04X⟧b", cp), r.text());
            assertEquals(1, r.hidden().size());
        }
        assertEquals("a b", UntrustedText.reveal("a b").text());
    }
}
