package vn.dti.scoring;

/** The four ranking bands of 000 Điều 9.2. */
public enum Band {
    TOT("Tốt"),
    KHA("Khá"),
    TRUNG_BINH("Trung bình"),
    YEU("Yếu");

    private final String label;

    Band(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
