package vn.dti.indicator;

/** How a leaf's score follows from what the unit enters. */
public enum ItemKind {
    /** A fact that is met or not: full points or zero. */
    YES_NO,
    /** "Tỷ lệ …": points × achieved ratio, given as numerator/denominator or as a percentage. */
    RATIO,
    /** Points entered directly, within [0, maximum]. */
    POINTS
}
