package vn.dti.assessment;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import org.springframework.stereotype.Component;
import vn.dti.calendar.CalendarService;
import vn.dti.framework.VietnameseFormat;
import vn.dti.indicator.IndicatorNode;
import vn.dti.security.Role;
import vn.dti.unit.Unit;
import vn.dti.workflow.EngineClock;
import vn.dti.workflow.ProcessModel.Errors;
import vn.dti.workflow.ProcessModel.UnitAssessment;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The service tasks of a unit's self-assessment process: one method per job type, named after it. */
@Component
public class AssessmentWorkers {

    private final AssessmentService assessments;
    private final CalendarService calendars;
    private final EngineClock clock;

    AssessmentWorkers(AssessmentService assessments, CalendarService calendars, EngineClock clock) {
        this.assessments = assessments;
        this.calendars = calendars;
        this.clock = clock;
    }

    /** Ties the process to the assessment and gives it the unit's group, deadline and first reminder. */
    @JobWorker(type = UnitAssessment.BEGIN_SELF_ASSESSMENT)
    public Map<String, Object> beginSelfAssessment(ActivatedJob job, @Variable long assessmentId) {
        assessments.attachProcess(assessmentId, job.getProcessInstanceKey());
        Assessment assessment = assessments.get(assessmentId);
        Unit unit = assessments.unitOf(assessment);
        Map<String, Object> variables = new HashMap<>(DeadlineVariables.of(calendars, clock, assessment));
        variables.put("unitCode", unit.getCode());
        variables.put("unitName", unit.getName());
        variables.put("unitGroup", Role.UNIT_OFFICER.group(unit.getCode()));
        variables.put("items", assessments.setOf(assessment).leaves().stream().map(AssessmentWorkers::row).toList());
        return variables;
    }

    /**
     * Entries given with the task (a Tasklist form) are stored first; then the assessment is checked. A failing one
     * goes back to the unit with the reasons, as a BPMN error with its own path.
     */
    @JobWorker(type = UnitAssessment.CHECK_SUBMISSION)
    public Map<String, Object> checkSubmission(ActivatedJob job, @Variable long assessmentId) {
        Object rows = job.getVariablesAsMap().get("items");
        if (rows instanceof List<?> list && !list.isEmpty() && list.getFirst() instanceof Map<?, ?>) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> formRows = (List<Map<String, Object>>) list;
            assessments.storeFormRows(assessmentId, formRows, "tasklist:" + job.getVariablesAsMap().get("unitGroup"),
                    clock.now());
        }
        if (assessments.get(assessmentId).getStatus() == AssessmentStatus.OPEN) {
            List<String> problems = assessments.submissionProblems(assessmentId);
            if (!problems.isEmpty()) {
                throw CamundaError.bpmnError(Errors.SUBMISSION_REJECTED, "Phiếu chưa đạt: " + problems.size() + " vấn đề",
                        Map.of("rejectionReasons", String.join("\n", problems)));
            }
            assessments.markSubmitted(assessmentId, clock.now());
        }
        Map<String, Object> cleared = new HashMap<>();
        // The sheet now lives in the database; the process keeps identifiers and flags only.
        cleared.put("items", null);
        cleared.put("rejectionReasons", null);
        return cleared;
    }

    @JobWorker(type = UnitAssessment.CLOSE_UNREPORTED)
    public void closeUnreported(@Variable long assessmentId) {
        assessments.closeUnreported(assessmentId, clock.now());
    }

    @JobWorker(type = UnitAssessment.SEND_REMINDER)
    public Map<String, Object> sendReminder(@Variable long assessmentId, @Variable String nextReminderAt,
                                     @Variable String deadline) {
        OffsetDateTime due = OffsetDateTime.parse(nextReminderAt);
        assessments.remind(assessmentId, due.toInstant(), VietnameseFormat.date(OffsetDateTime.parse(deadline)
                .toLocalDate()), clock.now());
        return DeadlineVariables.of(calendars, clock, assessments.get(assessmentId));
    }

    private static Map<String, Object> row(IndicatorNode leaf) {
        return Map.of("code", leaf.code(), "name", leaf.name(), "kind", leaf.kind().name(),
                "maxPoints", leaf.points());
    }
}
