package dev.countersign.app.report;

import dev.countersign.app.report.PdfLayout.Style;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** Measures and wraps writable text (see {@link PdfText}) in a font at a size; widths are cached per character. */
final class TextMeasure {
    private final Map<PDFont, Map<Character, Float>> widths = new HashMap<>();

    /** Lines of at most {@code width} points: breaks at spaces, and inside a word only when it is too long. */
    List<String> wrap(String text, Style style, float width) {
        List<String> out = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            String line = "";
            for (String word : paragraph.split(" ", -1)) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, style) <= width) {
                    line = candidate;
                    continue;
                }
                if (!line.isEmpty()) {
                    out.add(line);
                }
                while (width(word, style) > width) {
                    int cut = cut(word, style, width);
                    out.add(word.substring(0, cut));
                    word = word.substring(cut);
                }
                line = word;
            }
            out.add(line);
        }
        return out;
    }

    /** Where to break a word too long for the width: after a separator in its last two thirds, else at the edge. */
    private int cut(String word, Style style, float width) {
        float sum = 0;
        int fit = 0;
        while (fit < word.length()) {
            sum += charWidth(word.charAt(fit), style);
            if (sum > width) {
                break;
            }
            fit++;
        }
        fit = Math.max(1, fit);
        for (int i = fit - 1; i >= fit / 3 && i > 0; i--) {
            if ("/.-_:@,;".indexOf(word.charAt(i)) >= 0) {
                return i + 1;
            }
        }
        return fit;
    }

    float width(String s, Style style) {
        float sum = 0;
        for (int i = 0; i < s.length(); i++) {
            sum += charWidth(s.charAt(i), style);
        }
        return sum;
    }

    private float charWidth(char c, Style style) {
        Float units = widths.computeIfAbsent(style.font(), f -> new HashMap<>()).computeIfAbsent(c, ch -> {
            try {
                return style.font().getStringWidth(String.valueOf(ch));
            } catch (IOException | IllegalArgumentException e) {
                return 600f; // never reached for writable text; a safe guess if it were
            }
        });
        return units / 1000 * style.size();
    }

    String clip(String s, Style style, float width) {
        if (width(s, style) <= width) {
            return s;
        }
        String out = s;
        while (!out.isEmpty() && width(out + "…", style) > width) {
            out = out.substring(0, out.length() - 1);
        }
        return out + "…";
    }
}
