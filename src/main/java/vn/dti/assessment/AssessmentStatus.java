package vn.dti.assessment;

public enum AssessmentStatus {
    /** The unit is self-assessing. */
    OPEN,
    /** Submitted and checked; waiting for the council. */
    SUBMITTED,
    /** Closed at the deadline without a submission: Yếu, shown with "-" (000 Điều 9.2.e). */
    NOT_REPORTED,
    /** The council has set its appraised scores. */
    APPRAISED;

    public boolean reported() {
        return this == SUBMITTED || this == APPRAISED;
    }
}
