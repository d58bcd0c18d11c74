package vn.dti.scoring;

import java.util.Map;

/**
 * One unit's entries for a cycle: item code → the three columns. A unit that did not report (or did not
 * self-assess in the software) has {@code reported = false} and no items (000 Điều 9.2.e).
 */
public record UnitSheet(String unitCode, String unitName, boolean reported, Map<String, ItemColumns> items) {

    public UnitSheet {
        items = items == null ? Map.of() : Map.copyOf(items);
    }

    public static UnitSheet notReported(String unitCode, String unitName) {
        return new UnitSheet(unitCode, unitName, false, Map.of());
    }
}
