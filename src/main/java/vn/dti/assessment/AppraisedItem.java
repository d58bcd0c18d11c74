package vn.dti.assessment;

import vn.dti.scoring.ItemEntry;

import java.math.BigDecimal;

/**
 * The council's value for an item, and why it differs from the unit's (required when it does). {@code version} as in
 * {@link SelfItem}.
 */
public record AppraisedItem(Boolean met, BigDecimal numerator, BigDecimal denominator, BigDecimal percent,
                            BigDecimal points, Boolean notApplicable, String reason, Long version) {

    public AppraisedItem(Boolean met, BigDecimal numerator, BigDecimal denominator, BigDecimal percent,
                         BigDecimal points, Boolean notApplicable, String reason) {
        this(met, numerator, denominator, percent, points, notApplicable, reason, null);
    }

    /** The same value, entered on the item's {@code version} as the person read it. */
    public AppraisedItem onVersion(Long version) {
        return new AppraisedItem(met, numerator, denominator, percent, points, notApplicable, reason, version);
    }

    public ItemEntry entry() {
        return new ItemEntry(met, numerator, denominator, percent, points, Boolean.TRUE.equals(notApplicable));
    }
}
