package vn.dti.scoring;

import java.math.BigDecimal;

/**
 * What was entered for one item in one column (self-assessed, appraised or final). Exactly one way of giving the
 * value fits each kind: {@code met} for yes/no; {@code numerator}/{@code denominator} or {@code percent} for a ratio;
 * {@code points} for points entered directly. An entry with no value is missing data (scored 0, 003 II.2.b).
 */
public record ItemEntry(Boolean met, BigDecimal numerator, BigDecimal denominator, BigDecimal percent,
                        BigDecimal points, boolean notApplicable) {

    public static ItemEntry yes() {
        return new ItemEntry(true, null, null, null, null, false);
    }

    public static ItemEntry no() {
        return new ItemEntry(false, null, null, null, null, false);
    }

    public static ItemEntry ratio(String numerator, String denominator) {
        return new ItemEntry(null, new BigDecimal(numerator), new BigDecimal(denominator), null, null, false);
    }

    public static ItemEntry percent(String percent) {
        return new ItemEntry(null, null, null, new BigDecimal(percent), null, false);
    }

    public static ItemEntry points(String points) {
        return new ItemEntry(null, null, null, null, new BigDecimal(points), false);
    }

    public static ItemEntry notApplicableEntry() {
        return new ItemEntry(null, null, null, null, null, true);
    }

    public boolean hasValue() {
        return met != null || numerator != null || denominator != null || percent != null || points != null;
    }
}
