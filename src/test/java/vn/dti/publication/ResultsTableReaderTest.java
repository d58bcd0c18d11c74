package vn.dti.publication;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.dti.framework.FieldProblem;
import vn.dti.framework.InvalidInputException;
import vn.dti.indicator.IndicatorSet;
import vn.dti.indicator.Level;
import vn.dti.publication.ResultsTable.Format;
import vn.dti.publication.ResultsTable.ScoreColumn;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class ResultsTableReaderTest {

    private static final IndicatorSet HUYEN = Seed004.set(Level.HUYEN);

    @Test
    void readsTheSeedTableWithSemicolons() {
        ResultsTable table = ResultsTableReader.read(Seed004.huyenCsv(), HUYEN);

        assertThat(table.format()).isEqualTo(Format.CSV);
        assertThat(table.columns()).extracting(ScoreColumn::header, ScoreColumn::code, ScoreColumn::max)
                .containsExactly(
                        tuple("Chính quyền số", "I", new BigDecimal("200")),
                        tuple("Kinh tế số", "II", new BigDecimal("95")),
                        tuple("Xã hội số", "III", new BigDecimal("125")));
        assertThat(table.hasTotal()).isTrue();
        assertThat(table.hasRank()).isTrue();
        assertThat(table.rows()).hasSize(15);

        ResultsTable.Row kronBong = table.rows().get(6);
        assertThat(kronBong.line()).isEqualTo(8);
        assertThat(kronBong.unitName()).isEqualTo("UBND huyện Krông Bông");
        assertThat(kronBong.scores()).containsEntry("I", new BigDecimal("101.01"))
                .containsEntry("II", new BigDecimal("20.08")).containsEntry("III", new BigDecimal("38.92"));
        assertThat(kronBong.total()).isEqualTo(new BigDecimal("159.99"));
        assertThat(kronBong.rank()).isEqualTo(7);
        assertThat(kronBong.reported()).isTrue();

        ResultsTable.Row mDrak = table.rows().get(14);
        assertThat(mDrak.reported()).isFalse();
        assertThat(mDrak.scores()).containsEntry("I", null);
        assertThat(mDrak.total()).isNull();
        assertThat(mDrak.rank()).isEqualTo(15);

        assertThat(table.averages().line()).isEqualTo(17);
        assertThat(table.averages().unitName()).isEqualTo("Giá trị trung bình");
        assertThat(table.averages().scores()).containsEntry("III", new BigDecimal("30.42"));
        assertThat(table.averages().total()).isEqualTo(new BigDecimal("162.33"));
    }

    @Test
    void readsCommasWithQuotesBomCodesAndAnAveragesLabelInTheFirstColumn() {
        String csv = "\uFEFFSTT,Tên huyện,\"chính  quyền SỐ\",II,\"Xã hội số\",\"Tổng điểm\",Xếp hạng\r\n"
                + "1,\"UBND huyện Ea H'leo, tỉnh Đắk Lắk\",\"134,78\",\"49,33\",\"46,46\",\"230,57\",1\r\n"
                + "\r\n"
                + "2,UBND huyện Lắk,\"94,67\",\"20,5\",\"8,28\",\"123,45\",2\r\n"
                + "Trung bình,,\"114,73\",\"34,92\",\"27,37\",\"177,01\",\r\n";

        ResultsTable table = ResultsTableReader.read(csv.getBytes(StandardCharsets.UTF_8), HUYEN);

        assertThat(table.columns()).extracting(ScoreColumn::code).containsExactly("I", "II", "III");
        assertThat(table.rows()).extracting(ResultsTable.Row::unitName)
                .containsExactly("UBND huyện Ea H'leo, tỉnh Đắk Lắk", "UBND huyện Lắk");
        assertThat(table.rows().get(1).line()).isEqualTo(4);
        assertThat(table.rows().get(1).scores()).containsEntry("II", new BigDecimal("20.5"));
        assertThat(table.averages().unitName()).isEqualTo("Trung bình");
        assertThat(table.averages().total()).isEqualTo(new BigDecimal("177.01"));
        assertThat(table.averages().rank()).isNull();
    }

    @Test
    void readsATableWithOnlyTotals() {
        ResultsTable table = ResultsTableReader.read(Seed004.soCsv(), Seed004.set(Level.SO));

        assertThat(table.columns()).isEmpty();
        assertThat(table.rows()).hasSize(18);
        assertThat(table.rows().get(4).total()).isEqualTo(new BigDecimal("131.5"));
        assertThat(table.averages().total()).isEqualTo(new BigDecimal("128.20"));
    }

    @Test
    void readsXlsxWithNumericTextAndFormulaCells() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Bảng 2");
            row(sheet, 0, "TT", "Đơn vị", "Chính quyền số", "Kinh tế số", "Xã hội số", "Tổng điểm", "Xếp hạng");
            Row first = row(sheet, 1, 1, "UBND huyện Krông Pắc", 153.97, 69.31, 57.94);
            first.createCell(5).setCellFormula("C2+D2+E2");
            first.createCell(6).setCellValue(1);
            row(sheet, 2, 2, "UBND huyện M'Drắk", "-", "-", "-", "-", 2);
            row(sheet, 3, 3, "UBND huyện Lắk", "94,67", "20,5", 8.28, "123,45", "3");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
            xlsx = out.toByteArray();
        }

        ResultsTable table = ResultsTableReader.read(xlsx, HUYEN);

        assertThat(table.format()).isEqualTo(Format.XLSX);
        assertThat(table.rows()).hasSize(3);
        assertThat(table.rows().get(0).scores()).containsEntry("I", new BigDecimal("153.97"));
        assertThat(table.rows().get(0).total()).isEqualByComparingTo("281.22");
        assertThat(table.rows().get(0).rank()).isEqualTo(1);
        assertThat(table.rows().get(1).reported()).isFalse();
        assertThat(table.rows().get(2).line()).isEqualTo(4);
        assertThat(table.rows().get(2).scores()).containsEntry("I", new BigDecimal("94.67"))
                .containsEntry("II", new BigDecimal("20.5")).containsEntry("III", new BigDecimal("8.28"));
        assertThat(table.rows().get(2).rank()).isEqualTo(3);
        assertThat(table.averages()).isNull();
    }

    @Test
    void refusesBytesThatAreNeitherCsvNorXlsx() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        byte[] random = new byte[4096];
        new Random(42).nextBytes(random);
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("không phải bảng tính".getBytes(StandardCharsets.UTF_8));
        }

        for (byte[] content : new byte[][] {png, random, xls, zip.toByteArray()}) {
            assertThat(problemOf(content).field()).isEqualTo("file");
            assertThat(problemOf(content).reason()).startsWith("tệp không phải CSV hoặc XLSX");
        }
        assertThat(problemOf(xls).reason()).contains(".xlsx");
        assertThat(problemOf(new byte[0])).isEqualTo(new FieldProblem("file", "tệp rỗng"));
    }

    @Test
    void refusesANumberThatIsNotANumberNamingRowAndColumn() {
        String csv = header() + "1;UBND huyện Krông Pắc;153,97;69,31;57,94;281,22;1\n"
                + "2;UBND huyện Lắk;94,67;khoảng 20;8,28;123,45;2\n";

        assertThat(problemOf(csv.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new FieldProblem("dòng 3, cột Kinh tế số", "'khoảng 20' không phải là số"));
    }

    @Test
    void refusesNegativeScoresAndReportsEveryBadCell() {
        String csv = header() + "1;UBND huyện Krông Pắc;-3,5;69,31;57,94;281,22;1\n"
                + "2;UBND huyện Lắk;94,67;20,5;8,28;123,45;hai\n";

        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                () -> ResultsTableReader.read(csv.getBytes(StandardCharsets.UTF_8), HUYEN));

        assertThat(refused).as("refusal").isNotNull();
        assertThat(refused.problems()).containsExactly(
                new FieldProblem("dòng 2, cột Chính quyền số", "điểm không được âm: -3,5"),
                new FieldProblem("dòng 3, cột Xếp hạng", "'hai' không phải là số"));
    }

    @Test
    void refusesAColumnTheIndicatorSetDoesNotHaveListingTheAcceptedOnes() {
        String csv = "TT;Đơn vị;Chính quyền số;Điểm thưởng;Tổng điểm\n1;UBND huyện Lắk;94,67;5;99,67\n";

        FieldProblem problem = problemOf(csv.getBytes(StandardCharsets.UTF_8));

        assertThat(problem.field()).isEqualTo("cột Điểm thưởng");
        assertThat(problem.reason()).contains("DLK-HUYEN-2021")
                .contains("Chính quyền số (hoặc I)", "Kinh tế số (hoặc II)", "Xã hội số (hoặc III)", "Tổng điểm",
                        "Xếp hạng", "Đơn vị");
    }

    @Test
    void refusesATableWithoutUnitColumnOrWithAColumnTwice() {
        assertThat(problemOf("TT;Chính quyền số\n1;94,67\n".getBytes(StandardCharsets.UTF_8)).reason())
                .contains("thiếu cột tên đơn vị");
        assertThat(problemOf("Đơn vị;Chính quyền số;I\nUBND huyện Lắk;1;1\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new FieldProblem("cột I", "trùng với cột 'Chính quyền số'"));
    }

    @Test
    void refusesDataUnderAColumnWithoutHeader() {
        String csv = "Đơn vị;Tổng điểm;\nUBND huyện Lắk;123,45;7\n";

        assertThat(problemOf(csv.getBytes(StandardCharsets.UTF_8))).isEqualTo(
                new FieldProblem("dòng 2, cột số 3", "ô có dữ liệu ('7') nhưng cột không có tiêu đề"));
    }

    private static String header() {
        return "TT;Đơn vị;Chính quyền số;Kinh tế số;Xã hội số;Tổng điểm;Xếp hạng\n";
    }

    private static FieldProblem problemOf(byte[] content) {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                () -> ResultsTableReader.read(content, HUYEN));
        assertThat(refused).as("refusal").isNotNull();
        assertThat(refused.problems()).hasSize(1);
        return refused.problems().getFirst();
    }

    private static Row row(Sheet sheet, int index, Object... values) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < values.length; c++) {
            switch (values[c]) {
                case String text -> row.createCell(c).setCellValue(text);
                case Number number -> row.createCell(c).setCellValue(number.doubleValue());
                default -> throw new IllegalArgumentException(String.valueOf(values[c]));
            }
        }
        return row;
    }
}
