package vn.dti.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A unit's scored result before ranking. {@code subtotals} has every non-leaf node by code (pillars, main
 * indicators …) in document order; {@code total} and {@code applicableMax} are over the applicable items. For a unit
 * that did not report, {@code total} is null.
 */
public record UnitScore(String unitCode, String unitName, boolean reported, Map<String, NodeScore> subtotals,
                        List<ItemScore> items, BigDecimal total, BigDecimal applicableMax) {
}
