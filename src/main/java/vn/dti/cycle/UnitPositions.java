package vn.dti.cycle;

import vn.dti.assessment.AssessmentStatus;
import vn.dti.workflow.ProcessModel;
import vn.dti.workflow.ProcessModel.Appraisal;
import vn.dti.workflow.ProcessModel.UnitAssessment;

import java.util.List;
import java.util.Set;

/**
 * Where a cycle and each of its units stand in the processes, for the process view: at the element of an open user
 * task when there is one, else where the assessment's status (or the cycle's step) puts it. A unit between two
 * steps (its task being created, a service task running) is shown at the step its status says it has reached.
 */
final class UnitPositions {

    private static final Set<String> UNIT_PROCESSES = Set.of(UnitAssessment.PROCESS_ID, Appraisal.PROCESS_ID);

    private UnitPositions() {
    }

    /** An element of one of the models; {@code processInstanceKey} is known when an open task placed the unit. */
    record Position(String processId, String elementId, Long processInstanceKey) {

        Position(String processId, String elementId) {
            this(processId, elementId, null);
        }
    }

    /** An open user task, with the assessment or cycle its process carries (null when it carries none). */
    record OpenTask(String processId, String elementId, Long assessmentId, Long cycleId, long processInstanceKey) {
    }

    static Position ofUnit(long assessmentId, AssessmentStatus status, CycleStatus cycleStatus, List<OpenTask> tasks) {
        for (OpenTask task : tasks) {
            if (Long.valueOf(assessmentId).equals(task.assessmentId()) && UNIT_PROCESSES.contains(task.processId())) {
                return new Position(task.processId(), task.elementId(), task.processInstanceKey());
            }
        }
        return switch (status) {
            case OPEN -> new Position(UnitAssessment.PROCESS_ID, UnitAssessment.BEGIN_SELF_ASSESSMENT);
            case SUBMITTED -> cycleStatus == CycleStatus.APPRAISAL
                    ? new Position(Appraisal.PROCESS_ID, Appraisal.BEGIN_APPRAISAL)
                    : new Position(UnitAssessment.PROCESS_ID, UnitAssessment.SUBMITTED);
            case NOT_REPORTED -> new Position(UnitAssessment.PROCESS_ID, UnitAssessment.NOT_REPORTED);
            case APPRAISED -> new Position(Appraisal.PROCESS_ID, Appraisal.APPRAISED);
        };
    }

    /**
     * The cycle's element: its open user task (the chairman's approval, the council's revision), else the step it
     * recorded; once no unit is still self-assessing, the process waits for the appraisal start.
     */
    static String ofCycle(long cycleId, String step, boolean unitsStillOpen, List<OpenTask> tasks) {
        for (OpenTask task : tasks) {
            if (Long.valueOf(cycleId).equals(task.cycleId()) && task.processId().equals(ProcessModel.Cycle.PROCESS_ID)) {
                return task.elementId();
            }
        }
        if (step.equals(ProcessModel.Cycle.UNIT_ASSESSMENTS) && !unitsStillOpen) {
            return ProcessModel.Cycle.AWAIT_APPRAISAL;
        }
        return step;
    }
}
