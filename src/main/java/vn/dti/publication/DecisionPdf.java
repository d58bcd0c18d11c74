package vn.dti.publication;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.dti.publication.DecisionDraft.Article;
import vn.dti.publication.DecisionDraft.RankingTable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The decision's draft as a PDF in Nghị định 30/2020/NĐ-CP's layout (A4; margins 20 mm top and bottom, 30 mm left,
 * 15 mm right; page numbers at the top from the second page), set in DejaVu Serif, which the build copies to the
 * classpath's {@code fonts/} and which covers every Vietnamese letter; the fonts are embedded (subset), so the text
 * reads and copies back with its diacritics.
 */
final class DecisionPdf {

    static final String MEDIA_TYPE = "application/pdf";
    private static final float MM = 72f / 25.4f;
    private static final PDRectangle A4 = PDRectangle.A4;
    private static final float LEFT = 30 * MM;
    private static final float RIGHT = A4.getWidth() - 15 * MM;
    private static final float TOP = A4.getHeight() - 20 * MM;
    private static final float BOTTOM = 20 * MM;
    private static final float WIDTH = RIGHT - LEFT;
    private static final float BODY = 13;
    private static final float TABLE = 10;
    private static final float CELL_PADDING = 3;

    private DecisionPdf() {
    }

    static byte[] write(DecisionDraft draft) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation information = document.getDocumentInformation();
            information.setTitle(draft.kind() + " " + String.join(" ", draft.subject()) + " (" + DecisionDraft.DRAFT
                    + ")");
            new Layout(document).draft(draft);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A piece of text in one face and size. */
    private record Run(String text, PDFont font, float size) {
        float width() {
            return width(text);
        }

        float width(String part) {
            try {
                return font.getStringWidth(part) / 1000 * size;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private enum Align { LEFT, CENTER }

    /** Lays the draft out top to bottom, starting a page when the next block does not fit. */
    private static final class Layout {
        private final PDDocument document;
        private final PDFont regular;
        private final PDFont bold;
        private final PDFont italic;
        private final PDFont boldItalic;
        private PDPageContentStream page;
        private float y;

        Layout(PDDocument document) throws IOException {
            this.document = document;
            regular = font("DejaVuSerif.ttf");
            bold = font("DejaVuSerif-Bold.ttf");
            italic = font("DejaVuSerif-Italic.ttf");
            boldItalic = font("DejaVuSerif-BoldItalic.ttf");
        }

        private PDFont font(String file) throws IOException {
            try (InputStream in = DecisionPdf.class.getClassLoader().getResourceAsStream("fonts/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("thiếu phông chữ fonts/" + file + " (bản dựng chép DejaVu Serif vào"
                            + " classpath)");
                }
                return PDType0Font.load(document, in);
            }
        }

        void draft(DecisionDraft draft) throws IOException {
            newPage();
            draftMark();
            heading(draft);
            y -= 10;
            paragraph(List.of(new Run(draft.kind(), bold, 14)), Align.CENTER, 0, 0);
            for (String line : draft.subject()) {
                paragraph(List.of(fitted(line, bold, 14, WIDTH)), Align.CENTER, 0, 0);
            }
            rule(LEFT + WIDTH / 2, y - 3, 45 * MM);
            y -= 16;
            paragraph(List.of(new Run(draft.authority(), bold, BODY)), Align.CENTER, 0, 10);
            for (String recital : draft.recitals()) {
                paragraph(List.of(new Run(recital, italic, BODY)), Align.LEFT, 10 * MM, 4);
            }
            y -= 6;
            paragraph(List.of(new Run(DecisionDraft.DECIDES, bold, BODY)), Align.CENTER, 0, 10);
            for (Article article : draft.articles()) {
                paragraph(List.of(new Run(article.label() + " ", bold, BODY), new Run(article.text(), regular, BODY)),
                        Align.LEFT, 10 * MM, 6);
                if (article == draft.articles().getFirst()) {
                    table(draft.table());
                    y -= 6;
                    if (draft.statistics() != null) {
                        paragraph(List.of(new Run(draft.statistics(), regular, BODY)), Align.LEFT, 10 * MM, 6);
                    }
                }
            }
            closing(draft);
            page.close();
            pageNumbers();
        }

        /** "DỰ THẢO" boxed at the top right. */
        private void draftMark() throws IOException {
            Run mark = new Run(DecisionDraft.DRAFT, bold, 10);
            float x = RIGHT - mark.width() - 8;
            page.addRect(x - 4, y - 4, mark.width() + 8, 15);
            page.stroke();
            show(List.of(mark), x, y);
            y -= 22;
        }

        /** The issuing body (38 %) beside the national name and motto (62 %), each centred in its column. */
        private void heading(DecisionDraft draft) throws IOException {
            float leftWidth = WIDTH * 0.38f;
            float rightX = LEFT + leftWidth;
            float rightWidth = WIDTH - leftWidth;
            float top = y;
            float longest = 0;
            for (String line : draft.issuer()) {
                Run run = fitted(line, bold, 12, leftWidth);
                longest = Math.max(longest, run.width());
                centred(run, LEFT, leftWidth, y);
                y -= 16;
            }
            rule(LEFT + leftWidth / 2, y + 8, longest / 2);
            float leftEnd = y;

            y = top;
            centred(fitted(DecisionDraft.NATION, bold, 12, rightWidth), rightX, rightWidth, y);
            y -= 16;
            Run motto = fitted(DecisionDraft.MOTTO, bold, 13, rightWidth);
            centred(motto, rightX, rightWidth, y);
            rule(rightX + rightWidth / 2, y - 4, motto.width());
            y = Math.min(y - 16, leftEnd) - 10;

            centred(fitted(draft.number(), regular, BODY, leftWidth), LEFT, leftWidth, y);
            centred(fitted(draft.placeAndDate(), italic, BODY, rightWidth), rightX, rightWidth, y);
            y -= 24;
        }

        /** The ranking table: header repeated on each page, the unit's name left, figures centred. */
        private void table(RankingTable table) throws IOException {
            float[] widths = widths(table);
            float leading = TABLE * 1.3f;
            boolean first = true;
            List<List<String>> rows = new ArrayList<>(table.rows());
            rows.add(table.footer());
            float headerHeight = rowHeight(table.header(), widths, bold, leading);
            for (int r = 0; r < rows.size(); r++) {
                boolean footer = r == rows.size() - 1;
                PDFont face = footer ? bold : regular;
                float height = rowHeight(rows.get(r), widths, face, leading);
                if (first || y - height < BOTTOM) {
                    if (!first) {
                        newPage();
                    }
                    row(table.header(), widths, bold, leading, headerHeight);
                    first = false;
                }
                row(rows.get(r), widths, face, leading, height);
            }
        }

        /**
         * Each column but the unit's as wide as its widest figure and its header's longest word; the unit's name takes
         * what they leave.
         */
        private float[] widths(RankingTable table) {
            int columns = table.header().size();
            float[] widths = new float[columns];
            List<List<String>> rows = new ArrayList<>(table.rows());
            rows.add(table.footer());
            float others = 0;
            for (int c = 0; c < columns; c++) {
                if (c == 1) {
                    continue;
                }
                float widest = 0;
                for (String word : table.header().get(c).split(" ")) {
                    widest = Math.max(widest, new Run(word, bold, TABLE).width());
                }
                for (List<String> row : rows) {
                    widest = Math.max(widest, new Run(row.get(c), bold, TABLE).width());
                }
                widths[c] = widest + 2 * CELL_PADDING + 2;
                others += widths[c];
            }
            widths[1] = WIDTH - others;
            return widths;
        }

        private float rowHeight(List<String> cells, float[] widths, PDFont face, float leading) {
            int lines = 1;
            for (int c = 0; c < cells.size(); c++) {
                lines = Math.max(lines, wrap(List.of(new Run(cells.get(c), face, TABLE)), widths[c] - 2 * CELL_PADDING,
                        0).size());
            }
            return lines * leading + 2 * CELL_PADDING;
        }

        private void row(List<String> cells, float[] widths, PDFont face, float leading, float height)
                throws IOException {
            float x = LEFT;
            for (float width : widths) {
                page.addRect(x, y - height, width, height);
                x += width;
            }
            page.setLineWidth(0.6f);
            page.stroke();
            x = LEFT;
            for (int c = 0; c < cells.size(); c++) {
                float lineY = y - CELL_PADDING - TABLE;
                for (List<Run> line : wrap(List.of(new Run(cells.get(c), face, TABLE)), widths[c] - 2 * CELL_PADDING,
                        0)) {
                    float lineWidth = (float) line.stream().mapToDouble(Run::width).sum();
                    float lineX = c == 1 ? x + CELL_PADDING : x + (widths[c] - lineWidth) / 2;
                    show(line, lineX, lineY);
                    lineY -= leading;
                }
                x += widths[c];
            }
            y -= height;
        }

        /** "Nơi nhận:" with its list on the left, the signer on the right with room to sign; kept on one page. */
        private void closing(DecisionDraft draft) throws IOException {
            float half = WIDTH / 2;
            float height = 20 + (draft.recipients().size() + 1) * 14;
            y -= 12;
            if (y - Math.max(height, 90) < BOTTOM) {
                newPage();
            }
            float top = y;
            show(List.of(new Run(DecisionDraft.RECIPIENTS, boldItalic, 12)), LEFT, y);
            for (String recipient : draft.recipients()) {
                y -= 14;
                show(List.of(fitted(recipient, regular, 11, half)), LEFT, y);
            }
            centred(new Run(draft.signer(), bold, BODY), LEFT + half, half, top);
            y = Math.min(y, top - 90);
        }

        /**
         * Writes runs wrapped to the text width, a page at a time; {@code indent} is the first line's, {@code after}
         * the space below.
         */
        private void paragraph(List<Run> runs, Align align, float indent, float after) throws IOException {
            float leading = runs.getFirst().size() * 1.35f;
            List<List<Run>> lines = wrap(runs, WIDTH, indent);
            for (int i = 0; i < lines.size(); i++) {
                if (y - leading < BOTTOM) {
                    newPage();
                }
                y -= leading;
                List<Run> line = lines.get(i);
                float lineWidth = (float) line.stream().mapToDouble(Run::width).sum();
                float x = align == Align.CENTER ? LEFT + (WIDTH - lineWidth) / 2 : LEFT + (i == 0 ? indent : 0);
                show(line, x, y + leading - runs.getFirst().size());
            }
            y -= after;
        }

        /** Greedy word wrap: each line a list of runs whose widths fit; a word longer than a line is cut. */
        private List<List<Run>> wrap(List<Run> runs, float width, float indent) {
            List<List<Run>> lines = new ArrayList<>();
            List<Run> line = new ArrayList<>();
            float used = indent;
            for (Run run : runs) {
                for (String word : run.text().split("(?<= )")) {
                    Run piece = new Run(word, run.font(), run.size());
                    float pieceWidth = piece.width(word.stripTrailing());
                    if (used + pieceWidth > width && !line.isEmpty()) {
                        lines.add(merge(line));
                        line = new ArrayList<>();
                        used = 0;
                    }
                    while (pieceWidth > width) {
                        int fits = word.length() - 1;
                        while (fits > 1 && piece.width(word.substring(0, fits)) > width) {
                            fits--;
                        }
                        lines.add(List.of(new Run(word.substring(0, fits), run.font(), run.size())));
                        word = word.substring(fits);
                        piece = new Run(word, run.font(), run.size());
                        pieceWidth = piece.width(word.stripTrailing());
                    }
                    line.add(piece);
                    used += piece.width();
                }
            }
            if (!line.isEmpty()) {
                lines.add(merge(line));
            }
            return lines;
        }

        /** Joins neighbouring pieces of the same face, and drops the line's trailing space. */
        private static List<Run> merge(List<Run> pieces) {
            List<Run> merged = new ArrayList<>();
            for (Run piece : pieces) {
                Run last = merged.isEmpty() ? null : merged.getLast();
                if (last != null && last.font() == piece.font() && last.size() == piece.size()) {
                    merged.set(merged.size() - 1, new Run(last.text() + piece.text(), piece.font(), piece.size()));
                } else {
                    merged.add(piece);
                }
            }
            Run last = merged.getLast();
            merged.set(merged.size() - 1, new Run(last.text().stripTrailing(), last.font(), last.size()));
            return merged;
        }

        /** The run in its size, or smaller so that it fits the width on one line. */
        private static Run fitted(String text, PDFont font, float size, float width) {
            Run run = new Run(text, font, size);
            float natural = run.width();
            return natural <= width ? run : new Run(text, font, size * width / natural * 0.98f);
        }

        private void centred(Run run, float x, float width, float baseline) throws IOException {
            show(List.of(run), x + (width - run.width()) / 2, baseline);
        }

        private void show(List<Run> runs, float x, float baseline) throws IOException {
            page.beginText();
            page.newLineAtOffset(x, baseline);
            for (Run run : runs) {
                page.setFont(run.font(), run.size());
                page.showText(run.text());
            }
            page.endText();
        }

        /** A horizontal line of that length centred on {@code centre}. */
        private void rule(float centre, float at, float length) throws IOException {
            page.setLineWidth(0.6f);
            page.moveTo(centre - length / 2, at);
            page.lineTo(centre + length / 2, at);
            page.stroke();
        }

        private void newPage() throws IOException {
            if (page != null) {
                page.close();
            }
            PDPage next = new PDPage(A4);
            document.addPage(next);
            page = new PDPageContentStream(document, next);
            y = TOP;
        }

        /** Nghị định 30: numbered from the second page, centred in the top margin. */
        private void pageNumbers() throws IOException {
            for (int i = 1; i < document.getNumberOfPages(); i++) {
                PDPage numbered = document.getPage(i);
                try (PDPageContentStream stream = new PDPageContentStream(document, numbered,
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    page = stream;
                    centred(new Run(String.valueOf(i + 1), regular, 12), LEFT, WIDTH, A4.getHeight() - 12 * MM);
                }
            }
        }
    }
}
