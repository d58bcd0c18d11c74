package vn.dti.publication;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.dti.framework.FieldProblem;
import vn.dti.framework.InvalidInputException;
import vn.dti.framework.VietnameseFormat;
import vn.dti.indicator.IndicatorNode;
import vn.dti.indicator.IndicatorSet;
import vn.dti.publication.ResultsTable.Format;
import vn.dti.publication.ResultsTable.Row;
import vn.dti.publication.ResultsTable.ScoreColumn;
import vn.dti.unit.UnitCatalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a published results table from CSV or XLSX. The format comes from the content, never from the file name:
 * XLSX is a zip archive ("PK"), CSV must be UTF-8 text. Score columns must be the indicator set's top-level nodes,
 * named or coded; every refusal names the row and the column, and all cell problems are reported at once.
 */
final class ResultsTableReader {

    static final String NOT_CSV_OR_XLSX = "tệp không phải CSV hoặc XLSX";
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final Set<String> UNIT_HEADERS = Set.of("đơn vị", "tên đơn vị", "tên huyện");
    private static final Set<String> ORDER_HEADERS = Set.of("tt", "stt");
    private static final String TOTAL_HEADER = "tổng điểm";
    private static final String RANK_HEADER = "xếp hạng";
    private static final Set<String> AVERAGE_LABELS = Set.of("giá trị trung bình", "trung bình");
    /** Tables typed in a word processor write "no data" with a dash of any width. */
    private static final Set<String> NO_DATA = Set.of("-", "–", "—");
    /** Excel keeps 15 significant digits: a SUM's 160.01000000000002 is the 160,01 the sheet shows. */
    private static final MathContext EXCEL_DIGITS = new MathContext(15);

    private ResultsTableReader() {
    }

    static ResultsTable read(byte[] content, IndicatorSet set) {
        if (content.length == 0) {
            throw new InvalidInputException("file", "tệp rỗng");
        }
        if (startsWith(content, ZIP)) {
            return parse(Format.XLSX, xlsxRows(content), set);
        }
        if (startsWith(content, OLE2)) {
            throw new InvalidInputException("file", NOT_CSV_OR_XLSX + " (tệp Excel .xls cũ: hãy lưu lại dạng .xlsx)");
        }
        return parse(Format.CSV, csvRows(content), set);
    }

    /** A cell as found: its text, and its number when the spreadsheet stored one. */
    private record Cell(String text, BigDecimal number) {
        static final Cell BLANK = new Cell("", null);

        boolean blank() {
            return number == null && text.isBlank();
        }
    }

    private record RawRow(int line, List<Cell> cells) {
        Cell cell(int column) {
            return column >= 0 && column < cells.size() ? cells.get(column) : Cell.BLANK;
        }

        boolean blank() {
            return cells.stream().allMatch(Cell::blank);
        }
    }

    /** Where each known column is; the headers as published, to name columns in messages. */
    private record Header(List<String> texts, int unit, int order, int total, int rank,
                          Map<Integer, ScoreColumn> scores) {
        boolean known(int column) {
            return column == unit || column == order || column == total || column == rank
                    || scores.containsKey(column);
        }
    }

    private static List<RawRow> csvRows(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("file", NOT_CSV_OR_XLSX);
        }
        // Binary data can happen to be valid UTF-8; text has no control characters besides tab and line breaks.
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
            throw new InvalidInputException("file", NOT_CSV_OR_XLSX);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String headerLine = text.lines().filter(line -> !line.isBlank()).findFirst().orElse("");
        // Empty lines are kept as records so that record numbers are the line numbers people see.
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(headerLine))
                .setIgnoreEmptyLines(false).get();
        List<RawRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            for (CSVRecord record : parser) {
                rows.add(new RawRow((int) record.getRecordNumber(),
                        record.stream().map(value -> new Cell(value, null)).toList()));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new InvalidInputException("file", "CSV không đọc được: " + e.getMessage());
        }
        return rows;
    }

    /** Header text has no separator of its own, so the one it uses more is the file's. */
    private static char delimiter(String headerLine) {
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (char c : headerLine.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            }
        }
        return semicolons > 0 && semicolons >= commas ? ';' : ',';
    }

    private static List<RawRow> xlsxRows(byte[] content) {
        Workbook workbook;
        try {
            workbook = new XSSFWorkbook(new ByteArrayInputStream(content));
        } catch (IOException | RuntimeException e) {
            // POI refuses a zip that is not a spreadsheet with several unchecked exceptions.
            throw new InvalidInputException("file", NOT_CSV_OR_XLSX + " (tệp nén nhưng không phải bảng tính XLSX)");
        }
        try (workbook) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new InvalidInputException("file", "tệp XLSX không có trang tính nào");
            }
            Sheet sheet = workbook.getSheetAt(0);
            List<RawRow> rows = new ArrayList<>();
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                List<Cell> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(cell(row.getCell(c)));
                }
                rows.add(new RawRow(row.getRowNum() + 1, cells));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Cell cell(org.apache.poi.ss.usermodel.Cell cell) {
        if (cell == null) {
            return Cell.BLANK;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> {
                BigDecimal number = new BigDecimal(cell.getNumericCellValue(), EXCEL_DIGITS).stripTrailingZeros();
                number = number.scale() < 0 ? number.setScale(0) : number;
                yield new Cell(ResultsTable.published(number), number);
            }
            case STRING -> new Cell(cell.getStringCellValue(), null);
            case BOOLEAN -> new Cell(String.valueOf(cell.getBooleanCellValue()), null);
            case ERROR -> new Cell(FormulaError.forInt(cell.getErrorCellValue()).getString(), null);
            default -> Cell.BLANK;
        };
    }

    private static ResultsTable parse(Format format, List<RawRow> all, IndicatorSet set) {
        List<RawRow> rows = all.stream().filter(row -> !row.blank()).toList();
        if (rows.isEmpty()) {
            throw new InvalidInputException("file", "tệp không có dữ liệu");
        }
        Header header = header(rows.getFirst(), set);
        List<FieldProblem> problems = new ArrayList<>();
        List<Row> units = new ArrayList<>();
        Row averages = null;
        for (RawRow raw : rows.subList(1, rows.size())) {
            String unitName = raw.cell(header.unit()).text().strip();
            // A merged "Giá trị trung bình" cell keeps its text in the first column it spans, often TT.
            String label = unitName.isEmpty() ? raw.cell(header.order()).text().strip() : unitName;
            boolean averagesRow = AVERAGE_LABELS.contains(UnitCatalog.nameKey(label));
            if (!averagesRow && unitName.isEmpty()) {
                problems.add(new FieldProblem(line(raw), "thiếu tên đơn vị"));
                continue;
            }
            for (int c = 0; c < raw.cells().size(); c++) {
                if (!header.known(c) && !raw.cell(c).blank()) {
                    problems.add(new FieldProblem(line(raw) + ", cột số " + (c + 1),
                            "ô có dữ liệu ('" + raw.cell(c).text().strip() + "') nhưng cột không có tiêu đề"));
                }
            }
            Map<String, BigDecimal> scores = new LinkedHashMap<>();
            header.scores().forEach((column, score) ->
                    scores.put(score.code(), score(raw, column, score.header(), problems)));
            BigDecimal total = header.total() < 0 ? null
                    : score(raw, header.total(), header.texts().get(header.total()), problems);
            Integer rank = header.rank() < 0 || averagesRow ? null : rank(raw, header, problems);
            Row row = new Row(raw.line(), averagesRow ? label : unitName, Collections.unmodifiableMap(scores),
                    total, rank);
            if (!averagesRow) {
                units.add(row);
            } else if (averages == null) {
                averages = row;
            } else {
                problems.add(new FieldProblem(line(raw), "bảng đã có dòng giá trị trung bình ở dòng " + averages.line()));
            }
        }
        if (units.isEmpty() && problems.isEmpty()) {
            problems.add(new FieldProblem("file", "bảng không có dòng đơn vị nào"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ResultsTable(format, List.copyOf(header.scores().values()), header.total() >= 0,
                header.rank() >= 0, List.copyOf(units), averages);
    }

    private static Header header(RawRow row, IndicatorSet set) {
        Map<String, IndicatorNode> topLevel = new HashMap<>();
        for (IndicatorNode node : set.items()) {
            topLevel.put(UnitCatalog.nameKey(node.name()), node);
            topLevel.putIfAbsent(UnitCatalog.nameKey(node.code()), node);
        }
        List<String> texts = row.cells().stream().map(cell -> cell.text().strip()).toList();
        int unit = -1;
        int order = -1;
        int total = -1;
        int rank = -1;
        Map<Integer, ScoreColumn> scores = new LinkedHashMap<>();
        Map<String, String> roles = new HashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int c = 0; c < texts.size(); c++) {
            String text = texts.get(c);
            String key = UnitCatalog.nameKey(text);
            if (key.isEmpty()) {
                continue;
            }
            IndicatorNode node = topLevel.get(key);
            String role = UNIT_HEADERS.contains(key) ? "unit" : ORDER_HEADERS.contains(key) ? "order"
                    : key.equals(TOTAL_HEADER) ? "total" : key.equals(RANK_HEADER) ? "rank"
                    : node != null ? "score " + node.code() : null;
            if (role == null) {
                problems.add(new FieldProblem("cột " + text, "không phải cột của bảng kết quả theo bộ chỉ số "
                        + set.id() + "; các cột được chấp nhận: " + accepted(set)));
                continue;
            }
            String earlier = roles.putIfAbsent(role, text);
            if (earlier != null) {
                problems.add(new FieldProblem("cột " + text, "trùng với cột '" + earlier + "'"));
                continue;
            }
            switch (role) {
                case "unit" -> unit = c;
                case "order" -> order = c;
                case "total" -> total = c;
                case "rank" -> rank = c;
                default -> scores.put(c, new ScoreColumn(text, node.code(), node.name(), node.points()));
            }
        }
        if (unit < 0) {
            problems.add(new FieldProblem("file", "dòng tiêu đề (dòng " + row.line()
                    + ") thiếu cột tên đơn vị: Đơn vị, Tên đơn vị hoặc Tên huyện"));
        }
        if (scores.isEmpty() && total < 0) {
            problems.add(new FieldProblem("file", "bảng không có cột điểm nào; các cột được chấp nhận: "
                    + accepted(set)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Header(texts, unit, order, total, rank, scores);
    }

    private static String accepted(IndicatorSet set) {
        return "TT hoặc STT, Đơn vị (hoặc Tên đơn vị, Tên huyện), "
                + set.items().stream().map(node -> node.name() + " (hoặc " + node.code() + ")")
                .collect(Collectors.joining(", "))
                + ", Tổng điểm, Xếp hạng";
    }

    private static BigDecimal score(RawRow row, int column, String header, List<FieldProblem> problems) {
        String field = line(row) + ", cột " + header;
        BigDecimal value = number(row.cell(column), field, problems);
        if (value != null && value.signum() < 0) {
            problems.add(new FieldProblem(field, "điểm không được âm: " + ResultsTable.published(value)));
            return null;
        }
        return value;
    }

    private static Integer rank(RawRow row, Header header, List<FieldProblem> problems) {
        String field = line(row) + ", cột " + header.texts().get(header.rank());
        BigDecimal value = number(row.cell(header.rank()), field, problems);
        if (value == null) {
            return null;
        }
        try {
            int rank = value.intValueExact();
            if (rank >= 1) {
                return rank;
            }
        } catch (ArithmeticException notAnInteger) {
            // reported below, with the other bad ranks
        }
        problems.add(new FieldProblem(field, "thứ hạng phải là số nguyên dương: " + ResultsTable.published(value)));
        return null;
    }

    private static BigDecimal number(Cell cell, String field, List<FieldProblem> problems) {
        if (cell.number() != null) {
            return cell.number();
        }
        String text = cell.text().strip();
        if (NO_DATA.contains(text)) {
            return null;
        }
        try {
            return VietnameseFormat.parseScore(text);
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "'" + text + "' không phải là số"));
            return null;
        }
    }

    private static String line(RawRow row) {
        return "dòng " + row.line();
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length
                && Arrays.equals(Arrays.copyOf(content, magic.length), magic);
    }
}
