package vn.dti.publication;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A results table made elsewhere, as read from its file: nothing looked up, nothing checked against arithmetic yet.
 *
 * @param columns  the score columns, in the table's order
 * @param averages the published averages row ("Giá trị trung bình"), null when the table has none
 */
record ResultsTable(Format format, List<ScoreColumn> columns, boolean hasTotal, boolean hasRank, List<Row> rows,
                    Row averages) {

    enum Format { CSV, XLSX }

    /** A published figure as it was typed, with a decimal comma: "131,5" stays "131,5"; no data is "-". */
    static String published(BigDecimal value) {
        return value == null ? "-" : value.toPlainString().replace('.', ',');
    }

    /** A score column and the top-level node of the indicator set it stands for ({@code max} its points). */
    record ScoreColumn(String header, String code, String name, BigDecimal max) {
    }

    /**
     * One row as published. A null figure is a cell left "-" or blank (no data); {@code scores} is keyed by node code
     * and holds every column of the table.
     *
     * @param line the row's number in the file, header included, as a spreadsheet shows it
     */
    record Row(int line, String unitName, Map<String, BigDecimal> scores, BigDecimal total, Integer rank) {

        /** A row whose every score is "-" is a unit that did not report (004: UBND huyện M'Drắk). */
        boolean reported() {
            return total != null || scores.values().stream().anyMatch(Objects::nonNull);
        }
    }
}
