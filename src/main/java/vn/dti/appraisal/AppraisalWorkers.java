package vn.dti.appraisal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import org.springframework.stereotype.Component;
import vn.dti.assessment.AppraisedItem;
import vn.dti.assessment.AssessmentAccess;
import vn.dti.assessment.Assessment;
import vn.dti.assessment.AssessmentService;
import vn.dti.assessment.FormRows;
import vn.dti.calendar.CalendarService;
import vn.dti.calendar.CycleCalendar;
import vn.dti.indicator.IndicatorNode;
import vn.dti.scoring.ItemScorer;
import vn.dti.security.DtiUser;
import vn.dti.security.Role;
import vn.dti.unit.Unit;
import vn.dti.workflow.EngineClock;
import vn.dti.workflow.EngineEpoch;
import vn.dti.workflow.ProcessDates;
import vn.dti.workflow.ProcessModel.Appraisal;
import vn.dti.workflow.ProcessModel.Errors;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The service tasks of the council's appraisal of one unit: one method per job type, named after it. */
@Component
public class AppraisalWorkers {

    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    private final AppraisalService appraisals;
    private final AssessmentService assessments;
    private final CalendarService calendars;
    private final EngineClock clock;
    private final EngineEpoch epoch;

    AppraisalWorkers(AppraisalService appraisals, AssessmentService assessments, CalendarService calendars,
                     EngineClock clock, EngineEpoch epoch) {
        this.appraisals = appraisals;
        this.assessments = assessments;
        this.calendars = calendars;
        this.clock = clock;
        this.epoch = epoch;
    }

    /**
     * Gives the review the unit and its window. An explanation request still open (the embedded engine restarted while
     * the unit had it) is taken up again: {@code explanationOpen} sends the process straight back to the unit's
     * answer, with the request's question, items and reply deadline.
     */
    @JobWorker(type = Appraisal.BEGIN_APPRAISAL)
    public Map<String, Object> beginAppraisal(@Variable long assessmentId) {
        Assessment assessment = assessments.get(assessmentId);
        Unit unit = assessments.unitOf(assessment);
        CycleCalendar calendar = calendars.calendar(assessment.getCycleId());
        Map<String, Object> variables = new HashMap<>(Map.of("unitGroup", Role.UNIT_OFFICER.group(unit.getCode()),
                "unitName", unit.getName(), "appraisalDue", ProcessDates.format(calendar.appraisalEnd()),
                "itemOptions", assessments.setOf(assessment).leaves().stream()
                        .map(leaf -> Map.of("value", leaf.code(), "label", leaf.code() + ". " + leaf.name())).toList(),
                "defaultReplyDays", calendar.explanationReplyTime().toDays(), "explanationOpen", false));
        appraisals.openRequest(assessmentId).ifPresent(open -> {
            variables.put("explanationOpen", true);
            variables.putAll(requestVariables(open));
            variables.put("explanationItems", open.getItemCodes());
            variables.put("explanationQuestion", open.getQuestion());
        });
        return variables;
    }

    @JobWorker(type = Appraisal.RECORD_EXPLANATION_REQUEST)
    public Map<String, Object> recordExplanationRequest(ActivatedJob job, @Variable long assessmentId) {
        Map<String, Object> variables = job.getVariablesAsMap();
        Assessment assessment = assessments.get(assessmentId);
        Duration replyTime = variables.get("replyDays") instanceof Number days && days.intValue() > 0
                ? Duration.ofDays(days.longValue())
                : calendars.calendar(assessment.getCycleId()).explanationReplyTime();
        ExplanationRequest request = appraisals.recordRequest(assessmentId, FormRows.documentNames(variables.get("explanationItems")),
                (String) variables.get("explanationQuestion"), replyTime, completedBy(variables, "council"),
                clock.now(), epoch.of(job));
        return requestVariables(request);
    }

    /** What the unit's answer task and its reply-deadline timer read of the request. */
    private static Map<String, Object> requestVariables(ExplanationRequest request) {
        return Map.of("explanationRequestId", request.getId(),
                "replyDeadline", ProcessDates.format(request.getReplyDeadline().atOffset(VIETNAM)));
    }

    @JobWorker(type = Appraisal.RECORD_EXPLANATION_ANSWER)
    public void recordExplanationAnswer(ActivatedJob job, @Variable long explanationRequestId) {
        Map<String, Object> variables = job.getVariablesAsMap();
        appraisals.recordAnswer(explanationRequestId, (String) variables.get("explanationAnswer"),
                FormRows.documentNames(variables.get("explanationEvidence")), completedBy(variables, "unit"), clock.now());
    }

    @JobWorker(type = Appraisal.NOTE_UNANSWERED)
    public void noteUnanswered(@Variable long explanationRequestId) {
        appraisals.noteUnanswered(explanationRequestId, clock.now());
    }

    /**
     * Rows given with the task (a Tasklist form) are stored first; then every change from the self-score must have
     * its reason, or the review goes back to the council (a BPMN error with its own path).
     */
    @JobWorker(type = Appraisal.RECORD_APPRAISAL)
    public Map<String, Object> recordAppraisal(ActivatedJob job, @Variable long assessmentId) {
        Map<String, Object> variables = job.getVariablesAsMap();
        if (variables.get("appraisedItems") instanceof List<?> rows && !rows.isEmpty()) {
            Assessment assessment = assessments.get(assessmentId);
            Unit unit = assessments.unitOf(assessment);
            DtiUser council = new DtiUser(completedBy(variables, "council"), Role.COUNCIL,
                    AssessmentAccess.appraisalScope(unit), unit.getProvinceCode());
            assessments.appraise(assessmentId, appraisedRows(rows, assessment), council, clock.now());
        }
        List<String> problems = assessments.appraisalProblems(assessmentId);
        if (!problems.isEmpty()) {
            throw CamundaError.bpmnError(Errors.APPRAISAL_REJECTED, "Thiếu lý do điều chỉnh: " + problems.size() + " mục",
                    Map.of("rejectionReasons", String.join("\n", problems)));
        }
        assessments.markAppraised(assessmentId, clock.now());
        Map<String, Object> cleared = new HashMap<>();
        cleared.put("appraisedItems", null);
        cleared.put("rejectionReasons", null);
        return cleared;
    }

    private Map<String, AppraisedItem> appraisedRows(List<?> rows, Assessment assessment) {
        Map<String, IndicatorNode> nodes = assessments.setOf(assessment).nodesByCode();
        Map<String, AppraisedItem> items = new LinkedHashMap<>();
        for (Object row : rows) {
            if (row instanceof Map<?, ?> map && map.get("code") != null && map.get("appraisedPoints") != null) {
                String code = map.get("code").toString();
                IndicatorNode node = nodes.get(code);
                BigDecimal points = new BigDecimal(map.get("appraisedPoints").toString());
                String reason = (String) map.get("reason");
                items.put(code, node == null ? new AppraisedItem(null, null, null, null, points, null, reason)
                        : fromPoints(node, points, reason));
            }
        }
        return items;
    }

    /**
     * The form asks for points; a yes/no item takes 0 or its maximum (anything else is refused when stored, as an
     * incident with the reason), a ratio item takes them as a share of its maximum.
     */
    static AppraisedItem fromPoints(IndicatorNode node, BigDecimal points, String reason) {
        return switch (node.kind()) {
            case POINTS -> new AppraisedItem(null, null, null, null, points, null, reason);
            case RATIO -> new AppraisedItem(null, null, null, points.multiply(BigDecimal.valueOf(100))
                    .divide(node.points(), ItemScorer.PRECISION), null, null, reason);
            case YES_NO -> points.signum() == 0 || points.compareTo(node.points()) == 0
                    ? new AppraisedItem(points.signum() > 0, null, null, null, null, null, reason)
                    : new AppraisedItem(null, null, null, null, points, null, reason);
        };
    }

    private static String completedBy(Map<String, Object> variables, String fallback) {
        Object by = variables.get("completedBy");
        return by == null ? "tasklist:" + fallback : by.toString();
    }
}
