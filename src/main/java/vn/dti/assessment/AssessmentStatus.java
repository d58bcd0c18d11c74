package vn.dti.assessment;

public enum AssessmentStatus {
    /** The unit is self-assessing. */
    OPEN("Đang tự đánh giá"),
    /** Submitted and checked; waiting for the council. */
    SUBMITTED("Đã nộp"),
    /** Closed at the deadline without a submission: Yếu, shown with "-" (000 Điều 9.2.e). */
    NOT_REPORTED("Không báo cáo"),
    /** The council has set its appraised scores. */
    APPRAISED("Đã thẩm định");

    private final String label;

    AssessmentStatus(String label) {
        this.label = label;
    }

    /** As the people following the cycle name it. */
    public String label() {
        return label;
    }

    public boolean reported() {
        return this == SUBMITTED || this == APPRAISED;
    }
}
