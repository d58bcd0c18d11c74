package vn.dti.publication;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.dti.framework.VietnameseFormat;
import vn.dti.publication.PublishedResults.Column;
import vn.dti.scoring.Band;
import vn.dti.scoring.GroupStatistics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The published ranking as a spreadsheet: the table as the page shows it (rank, unit, pillar scores, total, band, the
 * group averages), then the group's statistics. Scores are numbers rounded as published, shown with two decimals (a
 * Vietnamese Excel shows them with a decimal comma); "-" marks a unit that did not report.
 */
final class ResultsWorkbook {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private ResultsWorkbook() {
    }

    static byte[] write(PublishedResults results) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            Sheet sheet = workbook.createSheet("Kết quả " + results.year());
            List<Column> columns = results.scoreColumns();
            int width = columns.size() + (results.banded() ? 4 : 3);

            int r = 0;
            title(sheet, r++, width, "KẾT QUẢ CHỈ SỐ CHUYỂN ĐỔI SỐ NĂM " + results.year(), styles.title);
            title(sheet, r++, width, results.groupTitle() + " - tỉnh "
                    + results.provinceName(), styles.subtitle);
            title(sheet, r++, width, "Công bố ngày " + VietnameseFormat.date(results.publishedOn()) + "; bộ chỉ số "
                    + results.indicatorSetId() + ", thang điểm " + results.scaleText(), styles.text);
            r++;

            int headerRow = r;
            List<String> header = new ArrayList<>(List.of("Xếp hạng", "Đơn vị"));
            columns.forEach(column -> header.add(column.name() + " (tối đa " + column.pointsText() + ")"));
            header.add("Tổng điểm");
            if (results.banded()) {
                header.add("Xếp loại");
            }
            Row row = sheet.createRow(r++);
            for (int c = 0; c < header.size(); c++) {
                text(row, c, header.get(c), styles.header);
            }
            for (PublishedResults.Row unit : results.rows()) {
                row = sheet.createRow(r++);
                int c = 0;
                row.createCell(c++).setCellValue(unit.rank());
                row.getCell(0).setCellStyle(styles.rank);
                text(row, c++, unit.unitName(), styles.cell);
                for (Column column : columns) {
                    score(row, c++, unit.reported() ? unit.scores().get(column.code()) : null, styles);
                }
                score(row, c++, unit.total(), styles);
                if (results.banded()) {
                    text(row, c, unit.band().label(), styles.cell);
                }
            }
            GroupStatistics statistics = results.statistics();
            row = sheet.createRow(r++);
            text(row, 0, "", styles.footer);
            text(row, 1, "Giá trị trung bình", styles.footer);
            int c = 2;
            for (Column column : columns) {
                number(row, c++, statistics.subtotalAverages().get(column.code()), styles.footerScore);
            }
            number(row, c++, statistics.averageTotal(), styles.footerScore);
            if (results.banded()) {
                text(row, c, "", styles.footer);
            }

            r++;
            label(sheet, r++, "Số đơn vị của nhóm", statistics.unitCount(), styles);
            label(sheet, r++, "Số đơn vị báo cáo", statistics.reportedCount(), styles);
            if (statistics.topCount() > 0) {
                labelScore(sheet, r++, "Trung bình " + statistics.topCount() + " đơn vị đứng đầu ("
                        + names(results.top()) + ")", statistics.topAverage(), styles);
                labelScore(sheet, r++, "Trung bình " + statistics.topCount() + " đơn vị thấp điểm nhất ("
                        + names(results.bottom()) + ")", statistics.bottomAverage(), styles);
                labelScore(sheet, r++, "Chênh lệch", statistics.gap(), styles);
            }
            if (results.banded()) {
                for (Band band : Band.values()) {
                    label(sheet, r++, "Số đơn vị xếp loại " + band.label(), statistics.bandCounts().get(band), styles);
                }
            }
            for (PublishedResults.Exclusion excluded : results.exclusions()) {
                text(sheet.createRow(r++), 1, "Tiêu chí loại trừ khỏi xếp hạng: " + excluded.text(), styles.text);
            }

            sheet.setColumnWidth(0, 11 * 256);
            sheet.setColumnWidth(1, 44 * 256);
            for (int i = 2; i < width - 1; i++) {
                sheet.setColumnWidth(i, 16 * 256);
            }
            sheet.setColumnWidth(width - 1, 13 * 256);
            sheet.createFreezePane(2, headerRow + 1);
            sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
            sheet.getPrintSetup().setLandscape(columns.size() > 2);
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            workbook.getProperties().getCoreProperties().setTitle("Kết quả Chỉ số chuyển đổi số năm "
                    + results.year() + " - " + results.groupName() + " - tỉnh " + results.provinceName());
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String names(List<PublishedResults.Row> rows) {
        return rows.stream().map(PublishedResults.Row::unitName).collect(Collectors.joining(", "));
    }

    private static void title(Sheet sheet, int r, int width, String text, CellStyle style) {
        text(sheet.createRow(r), 0, text, style);
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, width - 1));
    }

    private static void label(Sheet sheet, int r, String label, int value, Styles styles) {
        Row row = sheet.createRow(r);
        text(row, 1, label, styles.text);
        row.createCell(2).setCellValue(value);
    }

    private static void labelScore(Sheet sheet, int r, String label, BigDecimal value, Styles styles) {
        Row row = sheet.createRow(r);
        text(row, 1, label, styles.text);
        number(row, 2, value, styles.plainScore);
    }

    private static void text(Row row, int c, String value, CellStyle style) {
        var cell = row.createCell(c);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static void score(Row row, int c, BigDecimal value, Styles styles) {
        if (value == null) {
            text(row, c, "-", styles.dash);
        } else {
            number(row, c, value, styles.score);
        }
    }

    /** The number as published: rounded half-up to the hundredth, so the cell holds exactly what it shows. */
    private static void number(Row row, int c, BigDecimal value, CellStyle style) {
        var cell = row.createCell(c);
        if (value != null) {
            cell.setCellValue(value.setScale(2, RoundingMode.HALF_UP).doubleValue());
        }
        cell.setCellStyle(style);
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle subtitle;
        final CellStyle text;
        final CellStyle header;
        final CellStyle cell;
        final CellStyle rank;
        final CellStyle score;
        final CellStyle dash;
        final CellStyle footer;
        final CellStyle footerScore;
        final CellStyle plainScore;

        Styles(XSSFWorkbook workbook) {
            short twoDecimals = workbook.createDataFormat().getFormat("0.00");
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);

            title = workbook.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            subtitle = workbook.createCellStyle();
            subtitle.setFont(bold);
            subtitle.setAlignment(HorizontalAlignment.CENTER);
            text = workbook.createCellStyle();

            cell = bordered(workbook);
            cell.setWrapText(true);
            header = bordered(workbook);
            header.setFont(bold);
            header.setWrapText(true);
            header.setAlignment(HorizontalAlignment.CENTER);
            rank = bordered(workbook);
            rank.setAlignment(HorizontalAlignment.CENTER);
            score = bordered(workbook);
            score.setDataFormat(twoDecimals);
            dash = bordered(workbook);
            dash.setAlignment(HorizontalAlignment.RIGHT);
            footer = bordered(workbook);
            footer.setFont(bold);
            footerScore = bordered(workbook);
            footerScore.setFont(bold);
            footerScore.setDataFormat(twoDecimals);
            plainScore = workbook.createCellStyle();
            plainScore.setDataFormat(twoDecimals);
        }

        private static CellStyle bordered(XSSFWorkbook workbook) {
            CellStyle style = workbook.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            return style;
        }
    }
}
