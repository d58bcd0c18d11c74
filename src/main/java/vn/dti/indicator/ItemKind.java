package vn.dti.indicator;

/** How a leaf's score follows from what the unit enters. */
public enum ItemKind {
    /** A fact that is met or not: full points or zero. */
    YES_NO("có/không"),
    /** "Tỷ lệ …": points × achieved ratio, given as numerator/denominator or as a percentage. */
    RATIO("tỷ lệ"),
    /** Points entered directly, within [0, maximum]. */
    POINTS("chấm điểm trực tiếp");

    private final String label;

    ItemKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
