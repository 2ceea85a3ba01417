package dev.countersign.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Names that separation of duties compares must read as what they are. */
class IdentitiesTest {
    @ParameterizedTest
    @ValueSource(strings = {"priya.raman@northwind.example", "spiffe://northwind.example/agents/rotation-bot",
            "josé.müller@beispiel.de", "田中@example.jp", "すずき.タロウ@例え.jp", "o'brien+ops@northwind.example"})
    void plainIdentitiesPass(String name) {
        assertEquals(name, Identities.require(name, "owner"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // zero-width space hides inside a name that otherwise matches the reviewer's
            "priya\u200b.raman@northwind.example|contains U+200B ZERO WIDTH SPACE, an invisible",
            // Trojan Source (CVE-2021-42574): a right-to-left override reorders what is shown
            "priya\u202e.raman@northwind.example|contains U+202E RIGHT-TO-LEFT OVERRIDE",
            "priya\u2066.raman@northwind.example|contains U+2066 LEFT-TO-RIGHT ISOLATE",
            "priya.raman@northwind.example\u00ad|contains U+00AD SOFT HYPHEN",
            // a Cyrillic а (U+0430) looks exactly like a Latin a
            "priy\u0430.raman@northwind.example|mixes Latin and Cyrillic letters (U+0430 CYRILLIC SMALL LETTER A)",
            "priya.raman@northwind.example\u3164|contains U+3164 HANGUL FILLER",
            "priya raman@northwind.example|contains white space (U+0020 SPACE)",
            "priya.raman@northwind.example\u00a0|contains white space (U+00A0 NO-BREAK SPACE)",
            // a whole word in look-alike Cyrillic letters, beside a Latin domain
            "\u0441\u0435\u043e@corp.example|mixes Latin and Cyrillic letters",
            "priya\u2800@northwind.example|contains white space (U+2800 BRAILLE PATTERN BLANK)",
            "priya\u2010raman@northwind.example|contains U+2010 HYPHEN; a name may use letters, digits and ASCII",
            "priya\u2764@northwind.example|contains U+2764 HEAVY BLACK HEART; a name may use letters"})
    void invisibleBidiAndLookAlikeNamesAreRefusedInWords(String name, String expected) {
        InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> Identities.require(name, "owner"));
        assertEquals("owner", e.field());
        assertTrue(e.problem().startsWith(expected), e.problem());
    }

    @Test
    void aDecomposedNameIsAskedToBeNormalised() {
        InvalidFieldException e = assertThrows(InvalidFieldException.class,
                () -> Identities.require("jose\u0301@beispiel.de", "reviewer"));
        assertEquals("is not in Unicode NFC form; send it normalised", e.problem());
    }

    @Test
    void sameIgnoresCaseAndCompatibilityForms() {
        assertTrue(Identities.same("Priya.Raman@Northwind.example", "priya.raman@northwind.example"));
        assertTrue(Identities.same("ｐriya@northwind.example", "priya@northwind.example"), "fullwidth p");
        assertFalse(Identities.same("priya@northwind.example", "priyа@northwind.example"));
        assertFalse(Identities.same(null, "priya@northwind.example"));
    }
}
