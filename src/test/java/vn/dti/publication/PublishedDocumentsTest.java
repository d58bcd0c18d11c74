package vn.dti.publication;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import vn.dti.indicator.IndicatorSet;
import vn.dti.indicator.Level;
import vn.dti.publication.PublishedResults.Column;
import vn.dti.publication.ResultsVerifier.Verification;
import vn.dti.publication.ResultsVerifier.VerifiedRow;
import vn.dti.scoring.RankingRules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The downloads of a published cycle, made from seed 004 (Đắk Lắk 2021, recomputed by the verifier as a publication
 * would freeze it) and read back: the decision's draft as text, DOCX and PDF in the administrative layout, and the
 * spreadsheet with numbers as numbers.
 */
class PublishedDocumentsTest {

    private static final LocalDate DECIDED = LocalDate.of(2022, 5, 4);

    @Test
    void theDraftIsWordedAndNumberedAs004() {
        String text = DecisionDraft.of(seed004(Level.HUYEN), Seed004.set(Level.HUYEN)).text();

        assertThat(text).contains("ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\n", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                        + "Độc lập - Tự do - Hạnh phúc\n", "Số:      /QĐ-UBND\t\tĐắk Lắk, ngày 04 tháng 5 năm 2022",
                "QUYẾT ĐỊNH\nCông bố và xếp hạng Chỉ số chuyển đổi số của cơ quan nhà nước\n"
                        + "trên địa bàn tỉnh Đắk Lắk năm 2021",
                "Căn cứ Bộ chỉ số DLK-HUYEN-2021 ban hành kèm theo Quyết định số 2425/QĐ-UBND ngày 01/09/2021;",
                // 004 has no band column: Đắk Lắk's profile states no bands
                "TT\tĐơn vị\tChính quyền số\tKinh tế số\tXã hội số\tTổng điểm\tXếp hạng\n",
                "1\tUBND huyện Krông Pắc\t153,97\t69,31\t57,94\t281,22\t1\n",
                "15\tUBND huyện M'Drắk\t-\t-\t-\t-\t15\n",
                // 004 prints 30,42 for Xã hội số; the 15 huyện give 31,45 (README, Seed004RankingTest)
                "\tGiá trị trung bình\t101,25\t29,64\t31,45\t162,33\t\n",
                "Nơi nhận:\n- Như Điều 3;", "- Lưu: VT.\n\nCHỦ TỊCH\n");
    }

    @Test
    void theSoDraftPrintsTotalsOnlyWith004sStatistics() {
        String text = DecisionDraft.of(seed004(Level.SO), Seed004.set(Level.SO)).text();

        assertThat(text).contains("TT\tĐơn vị\tTổng điểm\tXếp hạng\n",
                "1\tSở Nông nghiệp và Phát triển nông thôn\t162,08\t1\n", "\tGiá trị trung bình\t128,20\t\n",
                // 004: "152.02 điểm … 110.46 điểm … 41.56 điểm", with the decimal comma it should have had
                "Điểm trung bình của 3 đơn vị đứng đầu là 152,02 điểm, của 3 đơn vị thấp điểm nhất là 110,46 điểm;"
                        + " chênh lệch 41,56 điểm.");
    }

    @Test
    void datesAreWrittenAsNghiDinh30Asks() {
        DecisionDraft draft = DecisionDraft.of(seed004(Level.SO), Seed004.set(Level.SO));

        assertThat(at(draft, LocalDate.of(2072, 1, 5)).placeAndDate()).isEqualTo("Đắk Lắk, ngày 05 tháng 01 năm 2072");
        assertThat(at(draft, LocalDate.of(2072, 2, 28)).placeAndDate()).isEqualTo("Đắk Lắk, ngày 28 tháng 02 năm 2072");
        assertThat(at(draft, LocalDate.of(2072, 11, 20)).placeAndDate()).isEqualTo("Đắk Lắk, ngày 20 tháng 11 năm 2072");
    }

    @Test
    void theDocxHasTheHeadingSideBySideTheRankingTableAndTheSigner() throws IOException {
        byte[] docx = DecisionDocx.write(DecisionDraft.of(seed004(Level.HUYEN), Seed004.set(Level.HUYEN)));

        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            XWPFTable heading = document.getTables().getFirst();
            assertThat(heading.getRow(0).getCell(0).getText()).contains("ỦY BAN NHÂN DÂN", "TỈNH ĐẮK LẮK");
            assertThat(heading.getRow(0).getCell(1).getText())
                    .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc");
            assertThat(heading.getRow(1).getCell(0).getText()).isEqualTo("Số:      /QĐ-UBND");
            assertThat(heading.getRow(1).getCell(1).getText()).isEqualTo("Đắk Lắk, ngày 04 tháng 5 năm 2022");

            XWPFTable ranking = document.getTables().get(1);
            assertThat(ranking.getRows()).hasSize(17);
            assertThat(cells(ranking, 1)).containsExactly("1", "UBND huyện Krông Pắc", "153,97", "69,31", "57,94",
                    "281,22", "1");
            assertThat(cells(ranking, 15)).containsExactly("15", "UBND huyện M'Drắk", "-", "-", "-", "-", "15");
            assertThat(cells(ranking, 16)).containsExactly("", "Giá trị trung bình", "101,25", "29,64", "31,45",
                    "162,33", "");

            XWPFTable closing = document.getTables().get(2);
            assertThat(closing.getRow(0).getCell(0).getText()).startsWith("Nơi nhận:").contains("- Như Điều 3;");
            assertThat(closing.getRow(0).getCell(1).getText()).isEqualTo("CHỦ TỊCH");
            assertThat(extractor.getText()).contains("DỰ THẢO", "QUYẾT ĐỊNH", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
                    "trên địa bàn tỉnh Đắk Lắk năm 2021", "QUYẾT ĐỊNH:", "Điều 1. Phê duyệt và công bố",
                    "Điều 3. Chánh Văn phòng UBND tỉnh");
        }
    }

    @Test
    void thePdfEmbedsDejaVuAndReadsBackWithDiacriticsAndDecimalCommas() throws IOException {
        byte[] pdf = DecisionPdf.write(DecisionDraft.of(seed004(Level.HUYEN), Seed004.set(Level.HUYEN)));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(document);
            List<String> lines = text.lines().map(line -> line.strip().replaceAll("\\s+", " ")).toList();
            // The issuing body and the national name share the first line, the number and the date a later one.
            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("ỦY BAN NHÂN DÂN")
                    .endsWith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("TỈNH ĐẮK LẮK")
                    .endsWith("Độc lập - Tự do - Hạnh phúc"));
            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("Số: /QĐ-UBND")
                    .endsWith("Đắk Lắk, ngày 04 tháng 5 năm 2022"));
            assertThat(lines).contains("QUYẾT ĐỊNH", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "QUYẾT ĐỊNH:");
            assertThat(lines).anySatisfy(line -> assertThat(line)
                    .isEqualTo("1 UBND huyện Krông Pắc 153,97 69,31 57,94 281,22 1"));
            assertThat(lines).anySatisfy(line -> assertThat(line).isEqualTo("15 UBND huyện M'Drắk - - - - 15"));
            assertThat(text).doesNotContain("Xếp loại", "Trung bình 1", "Yếu");
            assertThat(lines).anySatisfy(line -> assertThat(line)
                    .isEqualTo("Giá trị trung bình 101,25 29,64 31,45 162,33"));
            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("Nơi nhận:").endsWith("CHỦ TỊCH"));

            List<String> fonts = new ArrayList<>();
            for (var page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    fonts.add(font.getName());
                }
            }
            assertThat(fonts).anySatisfy(name -> assertThat(name).contains("DejaVuSerif-Bold"))
                    .allSatisfy(name -> assertThat(name).contains("DejaVuSerif"));
        }
    }

    @Test
    void theSpreadsheetHoldsNumbersWithTwoDecimalsAndVietnameseHeaders() throws IOException {
        byte[] xlsx = ResultsWorkbook.write(seed004(Level.HUYEN));

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter vietnamese = new DataFormatter(Locale.forLanguageTag("vi-VN"));
            assertThat(sheet.getSheetName()).isEqualTo("Kết quả 2021");
            assertThat(vietnamese.formatCellValue(sheet.getRow(0).getCell(0)))
                    .isEqualTo("KẾT QUẢ CHỈ SỐ CHUYỂN ĐỔI SỐ NĂM 2021");
            assertThat(vietnamese.formatCellValue(sheet.getRow(1).getCell(0)))
                    .isEqualTo("UBND các huyện, thị xã, thành phố - tỉnh Đắk Lắk");

            Row header = sheet.getRow(4);
            assertThat(texts(header, vietnamese)).containsExactly("Xếp hạng", "Đơn vị", "Chính quyền số (tối đa 200)",
                    "Kinh tế số (tối đa 95)", "Xã hội số (tối đa 125)", "Tổng điểm");
            Row first = sheet.getRow(5);
            assertThat(texts(first, vietnamese)).containsExactly("1", "UBND huyện Krông Pắc", "153,97", "69,31", "57,94",
                    "281,22");
            assertThat(first.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(5).getNumericCellValue()).isEqualTo(281.22);
            assertThat(first.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("0.00");
            assertThat(texts(sheet.getRow(19), vietnamese)).containsExactly("15", "UBND huyện M'Drắk", "-", "-", "-",
                    "-");
            Row averages = sheet.getRow(20);
            assertThat(texts(averages, vietnamese)).containsExactly("", "Giá trị trung bình", "101,25", "29,64",
                    "31,45", "162,33");
            // 31,45 is 471,74 / 15 rounded as published; the cell holds the rounded figure, not 31.4493…
            assertThat(averages.getCell(4).getNumericCellValue()).isEqualTo(31.45);

            Map<String, String> statistics = new LinkedHashMap<>();
            for (int r = 22; r <= sheet.getLastRowNum(); r++) {
                statistics.put(vietnamese.formatCellValue(sheet.getRow(r).getCell(1)),
                        vietnamese.formatCellValue(sheet.getRow(r).getCell(2)));
            }
            // no band counts: 004 publishes none
            assertThat(statistics).containsExactly(Map.entry("Số đơn vị của nhóm", "15"),
                    Map.entry("Số đơn vị báo cáo", "14"),
                    Map.entry("Trung bình 3 đơn vị đứng đầu (UBND huyện Krông Pắc, UBND thành phố Buôn Ma Thuột,"
                            + " UBND huyện Ea H'leo)", "258,18"),
                    Map.entry("Trung bình 3 đơn vị thấp điểm nhất (UBND huyện Ea Súp, UBND huyện Lắk,"
                            + " UBND huyện Krông Búk)", "116,66"),
                    Map.entry("Chênh lệch", "141,52"));
        }
    }

    private static DecisionDraft at(DecisionDraft draft, LocalDate date) {
        return new DecisionDraft(draft.issuer(), draft.number(), draft.place(), date, draft.kind(), draft.subject(),
                draft.authority(), draft.recitals(), draft.articles(), draft.table(), draft.statistics(),
                draft.recipients(), draft.signer());
    }

    private static List<String> cells(XWPFTable table, int row) {
        return table.getRow(row).getTableCells().stream().map(cell -> cell.getText()).toList();
    }

    private static List<String> texts(Row row, DataFormatter formatter) {
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            texts.add(formatter.formatCellValue(row.getCell(c)));
        }
        return texts;
    }

    /** Seed 004's table of a level, ranked and averaged by the verifier, as a publication on 04/5/2022 stores it. */
    static PublishedResults seed004(Level level) {
        IndicatorSet set = Seed004.set(level);
        Verification verification = Seed004.verify(level == Level.SO ? Seed004.soCsv() : Seed004.huyenCsv(), level);
        List<PublishedResults.Row> rows = new ArrayList<>();
        for (VerifiedRow row : verification.rows()) {
            rows.add(new PublishedResults.Row(rows.size() + 1, row.computedRank(), row.unitCode(), row.unitName(),
                    row.reported(), row.computedScores(), row.computedTotal(), row.percent(), row.band()));
        }
        List<Column> columns = set.items().stream()
                .map(node -> new Column(node.code(), node.name(), node.points(), node.type())).toList();
        return new PublishedResults(1, "DLK", Seed004.PROVINCE_NAME, 2021, level, level.name(),
                level == Level.SO ? "các sở, ban, ngành" : "UBND các huyện, thị xã, thành phố", DECIDED, set.id(),
                set.scale(), RankingRules.of(set.profile()).bands(), columns, rows, verification.statistics(),
                List.of());
    }
}
