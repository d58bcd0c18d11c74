package vn.dti.calendar;

/**
 * The dated stages of a cycle, in the order they must follow: dataPeriodStart < dataPeriodEnd ≤
 * selfAssessmentDeadline < appraisalStart ≤ appraisalEnd < publicationAt.
 */
public enum CalendarField {
    DATA_PERIOD_START("ngày bắt đầu kỳ số liệu", false),
    DATA_PERIOD_END("ngày kết thúc kỳ số liệu", false),
    // Units may have to submit the moment their data period closes.
    SELF_ASSESSMENT_DEADLINE("hạn tự đánh giá", true),
    APPRAISAL_START("ngày bắt đầu thẩm định", false),
    APPRAISAL_END("ngày kết thúc thẩm định", true),
    PUBLICATION_AT("ngày công bố", false);

    private final String label;
    private final boolean mayEqualPrevious;

    CalendarField(String label, boolean mayEqualPrevious) {
        this.label = label;
        this.mayEqualPrevious = mayEqualPrevious;
    }

    /** How messages name the stage. */
    public String label() {
        return label;
    }

    /** Whether this stage may fall on the very instant of the one before it. */
    boolean mayEqualPrevious() {
        return mayEqualPrevious;
    }
}
