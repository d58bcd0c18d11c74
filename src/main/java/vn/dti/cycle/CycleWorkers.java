package vn.dti.cycle;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;
import vn.dti.assessment.Assessment;
import vn.dti.assessment.AssessmentService;
import vn.dti.assessment.AssessmentStatus;
import vn.dti.workflow.EngineEpoch;
import vn.dti.workflow.ProcessModel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The service tasks of a cycle's process that belong to the cycle itself: one method per job type. */
@Component
public class CycleWorkers {

    private final CycleService cycles;
    private final AssessmentService assessments;
    private final EngineEpoch epoch;

    CycleWorkers(CycleService cycles, AssessmentService assessments, EngineEpoch epoch) {
        this.cycles = cycles;
        this.assessments = assessments;
        this.epoch = epoch;
    }

    /** Freezes the unit list into one assessment per unit (the indicator set was bound when the cycle started). */
    @JobWorker(type = ProcessModel.Cycle.OPEN_PERIOD)
    public Map<String, Object> openPeriod(ActivatedJob job, @Variable long cycleId) {
        Cycle cycle = cycles.opening(cycleId);
        cycles.attachProcess(cycleId, job.getProcessInstanceKey());
        List<Long> ids = assessments.open(cycleId, cycle.getIndicatorSetId(), cycles.groupUnits(cycle));
        cycles.reached(cycleId, ProcessModel.Cycle.UNIT_ASSESSMENTS, CycleStatus.SELF_ASSESSMENT);
        return Map.of("assessmentIds", ids);
    }

    /** The council appraises every unit that reported; the others stay Yếu and unappraised. */
    @JobWorker(type = ProcessModel.Cycle.START_APPRAISAL)
    public Map<String, Object> startAppraisal(@Variable long cycleId) {
        cycles.reached(cycleId, ProcessModel.Cycle.UNIT_APPRAISALS, CycleStatus.APPRAISAL);
        return Map.of("reportedAssessmentIds", assessments.ofCycle(cycleId).stream()
                .filter(a -> a.getStatus() == AssessmentStatus.SUBMITTED).map(Assessment::getId).toList());
    }

    @JobWorker(type = ProcessModel.Cycle.RECORD_APPROVAL)
    public Map<String, Object> recordApproval(ActivatedJob job, @Variable long cycleId, @Variable boolean approved) {
        Map<String, Object> variables = job.getVariablesAsMap();
        Object comment = variables.get("comment");
        Object by = variables.get("completedBy");
        cycles.recordDecision(cycleId, approved, comment == null ? null : comment.toString(),
                by == null ? "tasklist:chairman" : by.toString(), epoch.of(job));
        // A comment belongs to the decision it came with, not to the next round's.
        Map<String, Object> cleared = new HashMap<>();
        cleared.put("comment", null);
        return cleared;
    }
}
