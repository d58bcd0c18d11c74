package vn.dti.appraisal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dti.assessment.Assessment;
import vn.dti.assessment.AssessmentService;
import vn.dti.framework.AuditLog;
import vn.dti.framework.NotFoundException;
import vn.dti.indicator.IndicatorSet;
import vn.dti.workflow.EngineEpoch.JobId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Requests for explanation and their answers; every step audited, each idempotent (jobs can arrive twice). */
@Service
@Transactional
public class AppraisalService {

    private final ExplanationRequestRepository requests;
    private final AssessmentService assessments;
    private final AuditLog audit;

    AppraisalService(ExplanationRequestRepository requests, AssessmentService assessments, AuditLog audit) {
        this.requests = requests;
        this.assessments = assessments;
        this.audit = audit;
    }

    public ExplanationRequest recordRequest(long assessmentId, List<String> itemCodes, String question,
                                            Duration replyTime, String requestedBy, Instant now, JobId job) {
        var existing = requests.findByJobEpochAndJobKey(job.epoch(), job.key());
        if (existing.isPresent()) {
            return existing.get();
        }
        Assessment assessment = assessments.get(assessmentId);
        IndicatorSet set = assessments.setOf(assessment);
        List<String> known = itemCodes.stream().filter(code -> set.find(code).isPresent()).toList();
        ExplanationRequest request = requests.save(new ExplanationRequest(assessmentId, known,
                question == null || question.isBlank() ? "Đề nghị giải trình các mục đã nêu." : question,
                requestedBy, now, now.plus(replyTime), job));
        audit.record(now, requestedBy, "explanation.request", "assessment", String.valueOf(assessmentId), null,
                Map.of("request", request.getId(), "items", known, "question", request.getQuestion(),
                        "replyDeadline", request.getReplyDeadline().toString()));
        return request;
    }

    public void recordAnswer(long requestId, String answer, List<String> evidence, String by, Instant now) {
        ExplanationRequest request = get(requestId);
        if (request.getStatus() != ExplanationRequest.Status.OPEN) {
            return;
        }
        request.answer(answer == null ? "" : answer, evidence, by, now);
        audit.record(now, by, "explanation.answer", "assessment", String.valueOf(request.getAssessmentId()),
                Map.of("request", requestId, "status", ExplanationRequest.Status.OPEN),
                Map.of("request", requestId, "status", request.getStatus(), "answer", request.getAnswer(),
                        "evidence", evidence == null ? List.of() : evidence));
    }

    /** No answer by the reply deadline: the council appraises with what it has. */
    public void noteUnanswered(long requestId, Instant now) {
        ExplanationRequest request = get(requestId);
        if (request.getStatus() != ExplanationRequest.Status.OPEN) {
            return;
        }
        request.unanswered();
        audit.record(now, "hệ thống", "explanation.unanswered", "assessment",
                String.valueOf(request.getAssessmentId()), Map.of("request", requestId, "status",
                        ExplanationRequest.Status.OPEN), Map.of("request", requestId, "status", request.getStatus()));
    }

    /** The request the unit has yet to answer, if any (at most one: the review waits for its answer). */
    @Transactional(readOnly = true)
    public Optional<ExplanationRequest> openRequest(long assessmentId) {
        return requests.findByAssessmentIdOrderById(assessmentId).stream()
                .filter(request -> request.getStatus() == ExplanationRequest.Status.OPEN).reduce((first, last) -> last);
    }

    @Transactional(readOnly = true)
    public List<ExplanationRequest> requests(long assessmentId) {
        return requests.findByAssessmentIdOrderById(assessmentId);
    }

    /** The requests of many assessments at once (a council's board), by assessment, oldest first. */
    @Transactional(readOnly = true)
    public Map<Long, List<ExplanationRequest>> requests(Collection<Long> assessmentIds) {
        Map<Long, List<ExplanationRequest>> byAssessment = new LinkedHashMap<>();
        if (!assessmentIds.isEmpty()) {
            requests.findByAssessmentIdInOrderById(assessmentIds).forEach(request -> byAssessment
                    .computeIfAbsent(request.getAssessmentId(), k -> new ArrayList<>()).add(request));
        }
        return byAssessment;
    }

    private ExplanationRequest get(long id) {
        return requests.findById(id).orElseThrow(() -> new NotFoundException("Không có yêu cầu giải trình số " + id));
    }
}
