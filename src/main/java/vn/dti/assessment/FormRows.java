package vn.dti.assessment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Reads a row of the self-assessment form's item list (Tasklist sends numbers, booleans and file lists as JSON). */
public final class FormRows {

    private FormRows() {
    }

    private static final List<String> ENTRY_FIELDS = List.of("met", "numerator", "denominator", "percent", "points",
            "notApplicable", "explanation", "evidence");

    /** A row the unit filled in; the rows the process prefills carry only the item's code, name, kind and maximum. */
    static boolean filled(Map<String, Object> row) {
        return ENTRY_FIELDS.stream().anyMatch(field -> row.get(field) != null);
    }

    static SelfItem selfItem(Map<String, Object> row) {
        return new SelfItem(bool(row.get("met")), number(row.get("numerator")), number(row.get("denominator")),
                number(row.get("percent")), number(row.get("points")), bool(row.get("notApplicable")),
                row.get("explanation") == null ? null : row.get("explanation").toString(), documentNames(row.get("evidence")));
    }

    private static Boolean bool(Object value) {
        return value == null ? null : Boolean.valueOf(value.toString());
    }

    private static BigDecimal number(Object value) {
        return value == null || value.toString().isBlank() ? null : new BigDecimal(value.toString());
    }

    /**
     * The names of the files a form's file picker gave (Camunda document references carry the name in their
     * metadata), or the values given, as text.
     */
    public static List<String> documentNames(Object value) {
        if (value instanceof List<?> files) {
            return files.stream().map(file -> file instanceof Map<?, ?> document
                    && document.get("metadata") instanceof Map<?, ?> metadata
                    ? String.valueOf(metadata.get("fileName")) : String.valueOf(file)).toList();
        }
        return value == null ? List.of() : List.of(value.toString());
    }
}
