package vn.dti.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The actions the platform writes to the audit log, with the Vietnamese name people read. */
final class AuditActions {

    static final Map<String, String> LABELS = labels();

    private AuditActions() {
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("cycle.start", "Mở kỳ đánh giá");
        labels.put("calendar.change", "Đổi lịch của kỳ");
        labels.put("calendar.extend", "Gia hạn cho một đơn vị");
        labels.put("assessment.general-info", "Cập nhật thông tin chung của phiếu");
        labels.put("assessment.self-score", "Tự chấm điểm một mục");
        labels.put("assessment.evidence", "Thêm tài liệu kiểm chứng");
        labels.put("assessment.submitted", "Nộp phiếu tự đánh giá");
        labels.put("assessment.not-reported", "Quá hạn, không báo cáo");
        labels.put("explanation.request", "Yêu cầu giải trình");
        labels.put("explanation.answer", "Trả lời giải trình");
        labels.put("explanation.unanswered", "Quá hạn trả lời giải trình");
        labels.put("appraisal.score", "Chấm điểm thẩm định");
        labels.put("assessment.appraised", "Hoàn thành thẩm định phiếu");
        labels.put("task.complete", "Hoàn thành một công việc");
        labels.put("cycle.approve", "Phê duyệt kết quả");
        labels.put("cycle.return", "Trả lại kết quả để xem lại");
        labels.put("cycle.publish", "Công bố kết quả");
        labels.put("cycle.recover", "Khôi phục kỳ sau khi khởi động lại");
        labels.put("results-import.create", "Nhập bảng kết quả để đối chiếu");
        labels.put("engine.clock", "Dời đồng hồ quy trình");
        return Collections.unmodifiableMap(labels);
    }

    static String label(String action) {
        return LABELS.getOrDefault(action, action);
    }
}
