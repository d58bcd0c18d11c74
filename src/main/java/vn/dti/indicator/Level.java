package vn.dti.indicator;

/** The three levels of state bodies; each has its own indicator set and is ranked separately. */
public enum Level {
    SO("cấp sở"),
    HUYEN("cấp huyện"),
    XA("cấp xã");

    private final String label;

    Level(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
