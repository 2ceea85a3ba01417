package dev.countersign.app.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;

/**
 * Keeps PDFBox from reading the computer's fonts. A Standard 14 font is written by name and measured with the metrics
 * PDFBox ships, but PDFBox also looks for glyph outlines for it (for rendering, which reports never do): by default it
 * parses every system font file and writes a cache of them to {@code ~/.pdfbox.cache}. This mapper answers every
 * such question with the Liberation Sans that PDFBox ships, so nothing outside the program is read or written
 * (ADR 0010). Installed once per JVM; the console uses PDFBox for nothing else.
 */
final class BundledFontMapper implements FontMapper {
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private TrueTypeFont font;

    private BundledFontMapper() {}

    static void install() {
        if (INSTALLED.compareAndSet(false, true)) {
            FontMappers.set(new BundledFontMapper());
        }
    }

    private synchronized TrueTypeFont font() {
        if (font == null) {
            try (InputStream in = FontMappers.class.getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IOException("PDFBox's bundled font " + FONT + " is missing");
                }
                font = new TTFParser().parse(new RandomAccessReadBuffer(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return font;
    }

    @Override
    public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor descriptor) {
        return new FontMapping<>(font(), false);
    }

    @Override
    public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor descriptor) {
        return new FontMapping<>(font(), false);
    }

    @Override
    public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor descriptor, PDCIDSystemInfo cidSystemInfo) {
        return new CIDFontMapping(null, font(), true);
    }
}
