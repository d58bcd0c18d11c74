package vn.dti.indicator;

/** Where a node sits in the indicator tree; sets differ in which of these they use. */
public enum NodeType {
    PILLAR("trụ cột"),
    MAIN("chỉ số chính"),
    COMPONENT("chỉ số thành phần"),
    CRITERION("tiêu chí");

    private final String label;

    NodeType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
