package vn.dti.appraisal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.dti.assessment.AppraisedItem;
import vn.dti.assessment.AssessmentService;
import vn.dti.security.CurrentUser;
import vn.dti.workflow.EngineClock;

import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/assessments/{id}")
@Tag(name = "Thẩm định")
class AppraisalController {

    private final AssessmentService assessments;
    private final AppraisalService appraisals;
    private final CurrentUser currentUser;
    private final EngineClock clock;

    AppraisalController(AssessmentService assessments, AppraisalService appraisals, CurrentUser currentUser,
                        EngineClock clock) {
        this.assessments = assessments;
        this.appraisals = appraisals;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @PutMapping("/appraisal")
    @Operation(summary = "Hội đồng nhập điểm thẩm định các mục, với lý do cho mỗi điểm khác điểm tự đánh giá")
    List<String> appraise(@PathVariable long id, @RequestBody AppraisalRequest request) {
        assessments.appraise(id, request.items() == null ? Map.of() : request.items(), currentUser.get(), clock.now());
        return assessments.appraisalProblems(id);
    }

    @GetMapping("/explanations")
    @Operation(summary = "Các yêu cầu giải trình của phiếu và câu trả lời")
    List<ExplanationRequest> explanations(@PathVariable long id) {
        assessments.readable(id, currentUser.get());
        return appraisals.requests(id);
    }

    record AppraisalRequest(Map<String, AppraisedItem> items) {
    }
}
