package vn.dti.assessment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.dti.scoring.ItemEntry;
import vn.dti.security.CurrentUser;
import vn.dti.unit.Unit;
import vn.dti.workflow.EngineClock;

import java.time.Instant;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/assessments")
@Tag(name = "Phiếu đánh giá")
class AssessmentController {

    private final AssessmentService service;
    private final CurrentUser currentUser;
    private final EngineClock clock;

    AssessmentController(AssessmentService service, CurrentUser currentUser, EngineClock clock) {
        this.service = service;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @GetMapping("/{id}")
    @Operation(summary = "Một phiếu đánh giá: trạng thái, thông tin chung, các mục đã chấm, các vấn đề còn chặn việc nộp")
    AssessmentView get(@PathVariable long id) {
        Assessment assessment = service.readable(id, currentUser.get());
        return AssessmentView.of(assessment, service.unitOf(assessment), service.items(id),
                service.submissionProblems(id), service.notifications(id).stream().map(Notification::getMessage).toList());
    }

    @PutMapping("/{id}")
    @Operation(summary = "Lưu phần tự đánh giá (lưu nháp khi đang nhập: các mục gửi lên thay thế mục cũ, mục khác giữ"
            + " nguyên). Mỗi mục gửi kèm version đã đọc; mục đã được lưu bởi người khác sau đó bị từ chối 409 kèm giá"
            + " trị và version hiện tại")
    AssessmentView selfAssess(@PathVariable long id, @RequestBody SelfAssessmentRequest request) {
        service.selfAssess(id, request.generalInfo(), request.items(), currentUser.get(), clock.now());
        return get(id);
    }

    record SelfAssessmentRequest(Map<String, Object> generalInfo, Map<String, SelfItem> items) {
    }

    /** {@code version}: what a save of the item names, so that it does not overwrite a save made meanwhile. */
    record ItemView(String code, long version, ItemEntry self, String explanation, List<String> evidence,
                    String selfBy, ItemEntry appraised, String appraisalReason, String appraisedBy) {
    }

    record AssessmentView(long id, long cycleId, String unitCode, String unitName, String status,
                          Instant submittedAt, Map<String, Object> generalInfo, List<ItemView> items,
                          List<String> submissionProblems, List<String> notifications) {

        static AssessmentView of(Assessment a, Unit unit, List<AssessmentItem> items, List<String> problems,
                                 List<String> notifications) {
            return new AssessmentView(a.getId(), a.getCycleId(), unit.getCode(), unit.getName(), a.getStatus().name(),
                    a.getSubmittedAt(), a.getGeneralInfo(), items.stream().map(item -> new ItemView(item.getItemCode(),
                    item.getVersion(), item.getSelfEntry(), item.getExplanation(), item.getEvidence(), item.getSelfBy(),
                    item.getAppraisedEntry(), item.getAppraisalReason(), item.getAppraisedBy())).toList(),
                    problems, notifications);
        }
    }
}
