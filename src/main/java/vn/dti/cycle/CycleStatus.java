package vn.dti.cycle;

/** Where a cycle stands, as the people following it name the stages. */
public enum CycleStatus {
    OPEN("Mở kỳ"),
    SELF_ASSESSMENT("Đơn vị tự đánh giá"),
    AWAITING_APPRAISAL("Chờ thẩm định"),
    APPRAISAL("Hội đồng thẩm định"),
    APPROVAL("Chờ Chủ tịch phê duyệt"),
    REVISION("Hội đồng xem xét lại"),
    AWAITING_PUBLICATION("Chờ công bố"),
    PUBLISHED("Đã công bố");

    private final String label;

    CycleStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
