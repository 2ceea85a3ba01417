package dev.countersign.app.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;

/**
 * Flows text down A4 portrait pages: a title, headings, wrapped paragraphs, label/value fields, quoted blocks and
 * tables whose header repeats on each page and whose rows break across pages when they must. Words too long for their
 * column (digests, ids) break at a slash, dot or dash near the edge, else anywhere. Every string goes through
 * {@link PdfText#writable} first, so no character can make the font fail. A footer with "page x of y" is added to
 * every page once the number of pages is known.
 */
final class PdfLayout implements AutoCloseable {
    static final float PAGE_W = PDRectangle.A4.getWidth();
    static final float PAGE_H = PDRectangle.A4.getHeight();
    static final float MARGIN = 54;
    static final float TOP = PAGE_H - 50;
    static final float BOTTOM = 62;
    static final float WIDTH = PAGE_W - 2 * MARGIN;
    private static final float CELL_PAD_X = 4;
    private static final float CELL_PAD_Y = 3;
    private static final float LABEL_WIDTH = 138;

    /** A font at a size, with the line height it is set on and its grey (0 black, 1 white). */
    record Style(PDFont font, float size, float leading, float grey) {}

    /** A tone for the verdict banner: said in words too, never by colour alone. */
    enum Tone {
        GOOD(0.10f, 0.45f, 0.20f), BAD(0.70f, 0.10f, 0.10f), WARN(0.72f, 0.45f, 0.0f), NEUTRAL(0.35f, 0.35f, 0.35f);

        final float r;
        final float g;
        final float b;

        Tone(float r, float g, float b) {
            this.r = r;
            this.g = g;
            this.b = b;
        }
    }

    /** One table cell: its text and style. */
    record Cell(String text, Style style) {}

    /** A label and its value; a strong value is set in bold. */
    record Field(String label, String value, boolean strong) {
        Field(String label, String value) {
            this(label, value, false);
        }
    }

    /** A table column: its header and its share of the width. */
    record Column(String header, float weight) {}

    private final PDDocument document = new PDDocument();
    private final PDFont regular = standard(FontName.HELVETICA);
    private final PDFont bold = standard(FontName.HELVETICA_BOLD);
    private final PDFont italic = standard(FontName.HELVETICA_OBLIQUE);
    final Style title = new Style(bold, 19, 23, 0);
    final Style subtitle = new Style(regular, 10.5f, 14, 0.3f);
    final Style heading = new Style(bold, 12.5f, 16, 0);
    final Style subheading = new Style(bold, 10, 13, 0.15f);
    final Style body = new Style(regular, 9.5f, 12.2f, 0);
    final Style strong = new Style(bold, 9.5f, 12.2f, 0);
    final Style label = new Style(bold, 8.5f, 12.2f, 0.35f);
    final Style compact = new Style(regular, 8.5f, 10.6f, 0);
    final Style compactStrong = new Style(bold, 8.5f, 10.6f, 0);
    final Style quote = new Style(italic, 10, 13.5f, 0.1f);
    final Style small = new Style(regular, 8, 10.5f, 0.3f);
    final Style smallItalic = new Style(italic, 8, 10.5f, 0.3f);
    final Style banner = new Style(bold, 17, 21, 0);

    private final TextMeasure measure = new TextMeasure();
    private PDPageContentStream stream;
    private float y;
    private Runnable onNewPage;

    PdfLayout() {
        newPage();
    }

    private static PDFont standard(FontName name) {
        BundledFontMapper.install();
        return new PDType1Font(name);
    }

    // ---- flowing content ------------------------------------------------------------------------------------------

    void title(String text, String sub) {
        lines(text, title, 0, WIDTH, false);
        gap(2);
        lines(sub, subtitle, 0, WIDTH, false);
        gap(10);
    }

    /** A section heading with a rule under it, kept with at least a few lines of what follows. */
    void heading(String text) {
        gap(12);
        if (y - heading.leading() - 5 * body.leading() < BOTTOM) {
            newPage();
        }
        lines(text, heading, 0, WIDTH, false);
        rule(y - 2, 0.6f, 0.55f);
        gap(7);
    }

    void subheading(String text) {
        gap(6);
        if (y - subheading.leading() - 3 * body.leading() < BOTTOM) {
            newPage();
        }
        lines(text, subheading, 0, WIDTH, false);
        gap(2);
    }

    void paragraph(String text, Style style) {
        lines(text, style, 0, WIDTH, false);
    }

    /** A block quoted with a bar at its left, for words the report does not vouch for. */
    void quoted(String caption, String text) {
        lines(caption, smallItalic, 0, WIDTH, false);
        gap(2);
        lines(text, quote, 12, WIDTH - 12, true);
    }

    void gap(float points) {
        y -= points;
    }

    /** Label/value pairs, labels in a narrow column at the left. */
    void fields(List<Field> fields) {
        float[] widthsOf = {LABEL_WIDTH, WIDTH - LABEL_WIDTH};
        for (Field field : fields) {
            row(widthsOf, List.of(new Cell(field.label(), label), new Cell(field.value(), field.strong() ? strong : body)),
                    false, 1.5f);
        }
        gap(2);
    }

    /** A table: a shaded header row repeated on every page, thin rules between rows. */
    void table(List<Column> columns, List<List<Cell>> rows) {
        float total = (float) columns.stream().mapToDouble(Column::weight).sum();
        float[] w = new float[columns.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = WIDTH * columns.get(i).weight() / total;
        }
        List<Cell> header = columns.stream().map(c -> new Cell(c.header(), label)).toList();
        Runnable repeat = () -> row(w, header, true, CELL_PAD_Y);
        if (y - 3 * (body.leading() + 2 * CELL_PAD_Y) < BOTTOM) {
            newPage();
        }
        repeat.run();
        onNewPage = repeat;
        try {
            for (List<Cell> cells : rows) {
                row(w, cells, false, CELL_PAD_Y);
            }
        } finally {
            onNewPage = null;
        }
        gap(6);
    }

    /** A boxed statement in large type with a coloured bar, then its lines (the first in bold): the verdict, first. */
    void banner(String big, List<String> lines, Tone tone) {
        float inner = WIDTH - 30;
        List<String> bigLines = wrap(PdfText.writable(big), banner, inner);
        List<List<String>> wrapped = new ArrayList<>();
        float height = bigLines.size() * banner.leading() + 18;
        for (int i = 0; i < lines.size(); i++) {
            wrapped.add(wrap(PdfText.writable(lines.get(i)), i == 0 ? strong : body, inner));
            height += wrapped.get(i).size() * body.leading() + 2;
        }
        if (y - height < BOTTOM) {
            newPage();
        }
        float top = y;
        fill(MARGIN, top - height, WIDTH, height, 0.965f);
        try {
            stream.setNonStrokingColor(tone.r, tone.g, tone.b);
            stream.addRect(MARGIN, top - height, 7, height);
            stream.fill();
            stream.setStrokingColor(tone.r, tone.g, tone.b);
            stream.setLineWidth(1);
            stream.addRect(MARGIN, top - height, WIDTH, height);
            stream.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = top - 8;
        for (String s : bigLines) {
            text(s, banner, MARGIN + 20, baseline(y, banner));
            y -= banner.leading();
        }
        y -= 2;
        for (int i = 0; i < wrapped.size(); i++) {
            Style style = i == 0 ? strong : body;
            for (String s : wrapped.get(i)) {
                text(s, style, MARGIN + 20, baseline(y, style));
                y -= style.leading();
            }
            y -= 2;
        }
        y = top - height - 10;
    }

    // ---- output ---------------------------------------------------------------------------------------------------

    int pages() {
        return document.getNumberOfPages();
    }

    /**
     * Adds the footer to every page: {@code left} on the left, {@code pageOf(x, y)} on the right, {@code second} under
     * them.
     */
    void footer(String left, String second, BiFunction<Integer, Integer, String> pageOf) {
        finishPage();
        int count = document.getNumberOfPages();
        for (int i = 0; i < count; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream s = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                stream = s;
                rule(BOTTOM - 9, 0.5f, 0.6f);
                String right = PdfText.writable(pageOf.apply(i + 1, count));
                float rightWidth = width(right, small);
                text(clip(PdfText.writable(left), small, WIDTH - rightWidth - 20), small, MARGIN, BOTTOM - 20);
                text(right, small, MARGIN + WIDTH - rightWidth, BOTTOM - 20);
                text(clip(PdfText.writable(second), small, WIDTH), small, MARGIN, BOTTOM - 31);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                stream = null;
            }
        }
    }

    void info(String titleText, String creator, Calendar created) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(PdfText.writable(titleText));
        info.setCreator(PdfText.writable(creator));
        info.setProducer("Countersign");
        info.setCreationDate(created);
    }

    /**
     * Saves to a temporary file beside {@code target} and moves it into place, so that a failure leaves no
     * half-written file (and an existing file at {@code target} untouched).
     */
    void saveAtomically(Path target) throws IOException {
        finishPage();
        Path dir = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, ".countersign-report-", ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                document.save(out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            finishPage();
        } finally {
            document.close();
        }
    }

    // ---- drawing --------------------------------------------------------------------------------------------------

    private void lines(String text, Style style, float indent, float width, boolean bar) {
        for (String line : wrap(PdfText.writable(text), style, width)) {
            if (y - style.leading() < BOTTOM) {
                newPage();
            }
            if (bar) {
                fill(MARGIN, y - style.leading(), 2.5f, style.leading(), 0.55f);
            }
            text(line, style, MARGIN + indent, baseline(y, style));
            y -= style.leading();
        }
    }

    /** One table row, broken across pages only when it is taller than a page. */
    private void row(float[] w, List<Cell> cells, boolean header, float padY) {
        List<List<String>> lines = new ArrayList<>();
        float leading = 0;
        int count = 1;
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            List<String> wrapped = wrap(PdfText.writable(cell.text()), cell.style(), w[i] - 2 * CELL_PAD_X);
            lines.add(wrapped);
            leading = Math.max(leading, cell.style().leading());
            count = Math.max(count, wrapped.size());
        }
        float height = count * leading + 2 * padY;
        float page = TOP - BOTTOM - 2 * (body.leading() + 2 * padY);
        if (y - height < BOTTOM && height <= page) {
            newPage();
        }
        int from = 0;
        while (from < count) {
            int fit = (int) ((y - BOTTOM - 2 * padY) / leading);
            if (fit < 1) {
                newPage();
                continue;
            }
            int to = Math.min(count, from + fit);
            float chunk = (to - from) * leading + 2 * padY;
            if (header) {
                fill(MARGIN, y - chunk, WIDTH, chunk, 0.90f);
            }
            float x = MARGIN;
            for (int i = 0; i < cells.size(); i++) {
                List<String> cellLines = lines.get(i);
                float lineY = y - padY;
                for (int l = from; l < Math.min(to, cellLines.size()); l++) {
                    text(cellLines.get(l), cells.get(i).style(), x + CELL_PAD_X, baseline(lineY, cells.get(i).style(),
                            leading));
                    lineY -= leading;
                }
                x += w[i];
            }
            y -= chunk;
            if (padY >= CELL_PAD_Y) {
                rule(y, header ? 0.8f : 0.4f, header ? 0.35f : 0.75f);
            }
            from = to;
            if (from < count) {
                newPage();
            }
        }
    }

    private void newPage() {
        finishPage();
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try {
            stream = new PDPageContentStream(document, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = TOP;
        if (onNewPage != null) {
            Runnable repeat = onNewPage;
            onNewPage = null;
            repeat.run();
            onNewPage = repeat;
        }
    }

    private void finishPage() {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            stream = null;
        }
    }

    private static float baseline(float top, Style style) {
        return baseline(top, style, style.leading());
    }

    private static float baseline(float top, Style style, float leading) {
        return top - (leading - style.size()) / 2 - style.size() * 0.8f;
    }

    private void text(String s, Style style, float x, float baselineY) {
        if (s.isEmpty()) {
            return;
        }
        try {
            stream.beginText();
            stream.setFont(style.font(), style.size());
            stream.setNonStrokingColor(style.grey(), style.grey(), style.grey());
            stream.newLineAtOffset(x, baselineY);
            stream.showText(s);
            stream.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void rule(float atY, float lineWidth, float grey) {
        try {
            stream.setStrokingColor(grey, grey, grey);
            stream.setLineWidth(lineWidth);
            stream.moveTo(MARGIN, atY);
            stream.lineTo(MARGIN + WIDTH, atY);
            stream.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void fill(float x, float atY, float w, float h, float grey) {
        try {
            stream.setNonStrokingColor(grey, grey, grey);
            stream.addRect(x, atY, w, h);
            stream.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> wrap(String text, Style style, float width) {
        return measure.wrap(text, style, width);
    }

    float width(String s, Style style) {
        return measure.width(s, style);
    }

    private String clip(String s, Style style, float width) {
        return measure.clip(s, style, width);
    }
}
