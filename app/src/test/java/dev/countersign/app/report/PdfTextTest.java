package dev.countersign.app.report;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;
import org.junit.jupiter.api.Test;

class PdfTextTest {

    @Test
    void everyCharacterTakenAsWritableIsEncodedByHelvetica() {
        BundledFontMapper.install(); // as the layout does: no scan of the system's fonts
        PDType1Font helvetica = new PDType1Font(FontName.HELVETICA);
        int writable = 0;
        for (int cp = 0; cp <= 0xFFFF; cp++) {
            if (PdfText.encodable(cp)) {
                String s = new String(Character.toChars(cp));
                assertDoesNotThrow(() -> helvetica.encode(s), () -> PdfText.code(s.codePointAt(0)));
                writable++;
            }
        }
        assertEquals(95 + 95 + 27, writable, "ASCII, Latin-1 and the 27 extra characters of Windows-1252");
    }

    @Test
    void otherCharactersBecomeTheirCodePoints() {
        assertEquals("caf\u00E9 [U+043E] [U+1F600] [U+0007] \u20AC",
                PdfText.writable("caf\u00E9 \u043E \uD83D\uDE00 \u0007 \u20AC"));
        assertEquals("a b    c\nd\ne", PdfText.writable("a\u00A0b\tc\r\nd\ne"));
    }

    @Test
    void agentTextShowsHiddenCharactersDoubleBracketed() {
        assertEquals("pay[[U+202E]]lap [U+0430]", PdfText.untrusted("pay\u202Elap \u0430"));
        assertTrue(PdfText.untrusted("x\u200By").contains("[[U+200B]]"));
        assertEquals("", PdfText.untrusted(null));
    }
}
