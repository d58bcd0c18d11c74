package vn.dti.assessment;

import vn.dti.scoring.ItemEntry;

import java.math.BigDecimal;
import java.util.List;

/**
 * One item as a unit enters it: the value (by the item's kind), or not applicable, with its evidence documents or a
 * written explanation of how it scored (000 Điều 6.2). The same fields as a row of the self-assessment form.
 */
public record SelfItem(Boolean met, BigDecimal numerator, BigDecimal denominator, BigDecimal percent,
                       BigDecimal points, Boolean notApplicable, String explanation, List<String> evidence) {

    public ItemEntry entry() {
        return new ItemEntry(met, numerator, denominator, percent, points, Boolean.TRUE.equals(notApplicable));
    }

    public List<String> evidenceOrEmpty() {
        return evidence == null ? List.of() : evidence.stream().filter(e -> e != null && !e.isBlank()).toList();
    }
}
