package vn.dti.publication;

import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import vn.dti.publication.DecisionDraft.Article;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

/**
 * The decision's draft as a Word document in Nghị định 30/2020/NĐ-CP's layout: A4, Times New Roman, margins 20 mm
 * top and bottom, 30 mm left, 15 mm right; the issuing body and the national motto side by side, number beside place
 * and date, kind and subject centred, the body justified, the ranking table, then recipients beside the signer.
 */
final class DecisionDocx {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String FONT = "Times New Roman";
    /** Twentieths of a point per millimetre. */
    private static final double TWIPS_PER_MM = 56.6929;
    private static final int TEXT_WIDTH = (int) Math.round((210 - 30 - 15) * TWIPS_PER_MM);

    private DecisionDocx() {
    }

    static byte[] write(DecisionDraft draft) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(document);
            XWPFParagraph mark = paragraph(document, ParagraphAlignment.RIGHT);
            run(mark, DecisionDraft.DRAFT, 12, true, false);
            mark.setBorderTop(Borders.SINGLE);
            mark.setBorderBottom(Borders.SINGLE);
            mark.setBorderLeft(Borders.SINGLE);
            mark.setBorderRight(Borders.SINGLE);
            mark.setIndentationLeft(TEXT_WIDTH - 1500);

            heading(document, draft);

            XWPFParagraph kind = paragraph(document, ParagraphAlignment.CENTER);
            kind.setSpacingBefore(240);
            run(kind, draft.kind(), 14, true, false);
            XWPFParagraph subject = paragraph(document, ParagraphAlignment.CENTER);
            for (int i = 0; i < draft.subject().size(); i++) {
                XWPFRun line = run(subject, draft.subject().get(i), 14, true, false);
                if (i < draft.subject().size() - 1) {
                    line.addBreak();
                }
            }
            shortRule(document, 2200);

            XWPFParagraph authority = paragraph(document, ParagraphAlignment.CENTER);
            authority.setSpacingBefore(240);
            authority.setSpacingAfter(240);
            run(authority, draft.authority(), 14, true, false);
            for (String recital : draft.recitals()) {
                XWPFParagraph paragraph = body(document);
                run(paragraph, recital, 14, false, true);
            }
            XWPFParagraph decides = paragraph(document, ParagraphAlignment.CENTER);
            decides.setSpacingBefore(240);
            decides.setSpacingAfter(240);
            run(decides, DecisionDraft.DECIDES, 14, true, false);

            for (Article article : draft.articles()) {
                XWPFParagraph paragraph = body(document);
                run(paragraph, article.label() + " ", 14, true, false);
                run(paragraph, article.text(), 14, false, false);
                if (article == draft.articles().getFirst()) {
                    table(document, draft.table());
                    if (draft.statistics() != null) {
                        run(body(document), draft.statistics(), 14, false, false);
                    }
                }
            }
            closing(document, draft);
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void page(XWPFDocument document) {
        CTSectPr section = document.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(Math.round(210 * TWIPS_PER_MM)));
        size.setH(BigInteger.valueOf(Math.round(297 * TWIPS_PER_MM)));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(Math.round(20 * TWIPS_PER_MM)));
        margins.setBottom(BigInteger.valueOf(Math.round(20 * TWIPS_PER_MM)));
        margins.setLeft(BigInteger.valueOf(Math.round(30 * TWIPS_PER_MM)));
        margins.setRight(BigInteger.valueOf(Math.round(15 * TWIPS_PER_MM)));
    }

    /** Issuing body left, motto right; number under the body, place and date under the motto. */
    private static void heading(XWPFDocument document, DecisionDraft draft) {
        XWPFTable table = borderless(document, 2, 2, new int[] {38, 62});
        XWPFTableCell issuer = table.getRow(0).getCell(0);
        XWPFParagraph body = cellParagraph(issuer, ParagraphAlignment.CENTER);
        for (int i = 0; i < draft.issuer().size(); i++) {
            XWPFRun line = run(body, draft.issuer().get(i), 13, true, false);
            if (i < draft.issuer().size() - 1) {
                line.addBreak();
            }
        }
        rule(issuer.addParagraph(), 700);

        XWPFTableCell nation = table.getRow(0).getCell(1);
        XWPFParagraph motto = cellParagraph(nation, ParagraphAlignment.CENTER);
        run(motto, DecisionDraft.NATION, 13, true, false).addBreak();
        run(motto, DecisionDraft.MOTTO, 14, true, false).setUnderline(UnderlinePatterns.SINGLE);

        run(cellParagraph(table.getRow(1).getCell(0), ParagraphAlignment.CENTER), draft.number(), 13, false, false);
        run(cellParagraph(table.getRow(1).getCell(1), ParagraphAlignment.CENTER), draft.placeAndDate(), 14, false,
                true);
    }

    private static void table(XWPFDocument document, DecisionDraft.RankingTable ranking) {
        int columns = ranking.header().size();
        XWPFTable table = document.createTable(ranking.rows().size() + 2, columns);
        table.setWidth(TEXT_WIDTH);
        table.setTableAlignment(TableRowAlign.CENTER);
        int[] widths = widths(columns);
        fill(table.getRow(0), ranking.header(), widths, true);
        for (int r = 0; r < ranking.rows().size(); r++) {
            fill(table.getRow(r + 1), ranking.rows().get(r), widths, false);
        }
        fill(table.getRow(ranking.rows().size() + 1), ranking.footer(), widths, true);
        table.getRow(0).setRepeatHeader(true);
    }

    /** Percentages of the text width: TT narrow, the unit's name wide, the figures alike. */
    private static int[] widths(int columns) {
        int[] widths = new int[columns];
        int figures = columns - 2;
        widths[0] = 6;
        int each = Math.min(14, (100 - 6 - 30) / figures);
        for (int c = 2; c < columns; c++) {
            widths[c] = each;
        }
        widths[1] = 100 - 6 - each * figures;
        return widths;
    }

    private static void fill(XWPFTableRow row, List<String> cells, int[] widths, boolean bold) {
        row.setCantSplitRow(true);
        for (int c = 0; c < cells.size(); c++) {
            XWPFTableCell cell = row.getCell(c);
            cell.setWidth(widths[c] + "%");
            XWPFParagraph paragraph = cellParagraph(cell, c == 1 ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER);
            run(paragraph, cells.get(c), 12, bold, false);
        }
    }

    /** Recipients left (12 and 11 pt), the signer right (bold 14 pt) with room for the signature. */
    private static void closing(XWPFDocument document, DecisionDraft draft) {
        paragraph(document, ParagraphAlignment.LEFT);
        XWPFTable table = borderless(document, 1, 2, new int[] {50, 50});
        XWPFParagraph recipients = cellParagraph(table.getRow(0).getCell(0), ParagraphAlignment.LEFT);
        XWPFRun title = run(recipients, DecisionDraft.RECIPIENTS, 12, true, true);
        for (String recipient : draft.recipients()) {
            title.addBreak();
            title = run(recipients, recipient, 11, false, false);
        }
        run(cellParagraph(table.getRow(0).getCell(1), ParagraphAlignment.CENTER), draft.signer(), 14, true, false);
    }

    private static XWPFTable borderless(XWPFDocument document, int rows, int columns, int[] percents) {
        XWPFTable table = document.createTable(rows, columns);
        table.setWidth(TEXT_WIDTH);
        table.removeBorders();
        for (XWPFTableRow row : table.getRows()) {
            for (int c = 0; c < columns; c++) {
                row.getCell(c).setWidth(percents[c] + "%");
            }
        }
        return table;
    }

    /** The cell's first, empty paragraph, aligned. */
    private static XWPFParagraph cellParagraph(XWPFTableCell cell, ParagraphAlignment alignment) {
        XWPFParagraph paragraph = cell.getParagraphs().getFirst();
        paragraph.setAlignment(alignment);
        paragraph.setSpacingAfter(0);
        return paragraph;
    }

    private static XWPFParagraph paragraph(XWPFDocument document, ParagraphAlignment alignment) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(alignment);
        paragraph.setSpacingAfter(0);
        return paragraph;
    }

    /** A body paragraph: justified, the first line indented 1 cm, 6 pt after. */
    private static XWPFParagraph body(XWPFDocument document) {
        XWPFParagraph paragraph = paragraph(document, ParagraphAlignment.BOTH);
        paragraph.setFirstLineIndent((int) Math.round(10 * TWIPS_PER_MM));
        paragraph.setSpacingAfter(120);
        return paragraph;
    }

    /** A short centred line below a heading, drawn as the bottom border of an indented empty paragraph. */
    private static void shortRule(XWPFDocument document, int inset) {
        rule(paragraph(document, ParagraphAlignment.CENTER), inset);
    }

    private static void rule(XWPFParagraph paragraph, int inset) {
        paragraph.setBorderBottom(Borders.SINGLE);
        paragraph.setIndentationLeft(inset);
        paragraph.setIndentationRight(inset);
        paragraph.setSpacingAfter(0);
        XWPFRun run = paragraph.createRun();
        run.setFontSize(2);
    }

    private static XWPFRun run(XWPFParagraph paragraph, String text, int size, boolean bold, boolean italic) {
        XWPFRun run = paragraph.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(size);
        run.setBold(bold);
        run.setItalic(italic);
        run.setText(text);
        return run;
    }
}
