package vn.dti.assessment;

import vn.dti.scoring.ItemEntry;

import java.math.BigDecimal;
import java.util.List;

/**
 * One item as a unit enters it: the value (by the item's kind), or not applicable, with its evidence documents or a
 * written explanation of how it scored (000 Điều 6.2). The same fields as a row of the self-assessment form.
 * {@code version} is the item's version the entry was made on (0 for an item never saved); null: saved over whatever
 * the item holds.
 */
public record SelfItem(Boolean met, BigDecimal numerator, BigDecimal denominator, BigDecimal percent,
                       BigDecimal points, Boolean notApplicable, String explanation, List<String> evidence,
                       Long version) {

    public SelfItem(Boolean met, BigDecimal numerator, BigDecimal denominator, BigDecimal percent, BigDecimal points,
                    Boolean notApplicable, String explanation, List<String> evidence) {
        this(met, numerator, denominator, percent, points, notApplicable, explanation, evidence, null);
    }

    public ItemEntry entry() {
        return new ItemEntry(met, numerator, denominator, percent, points, Boolean.TRUE.equals(notApplicable));
    }

    public List<String> evidenceOrEmpty() {
        return evidence == null ? List.of() : evidence.stream().filter(e -> e != null && !e.isBlank()).toList();
    }
}
