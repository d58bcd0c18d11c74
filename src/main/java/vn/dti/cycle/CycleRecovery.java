package vn.dti.cycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.dti.assessment.Assessment;
import vn.dti.assessment.AssessmentService;
import vn.dti.assessment.AssessmentStatus;
import vn.dti.calendar.CalendarService;
import vn.dti.framework.AuditLog;
import vn.dti.workflow.EngineClock;
import vn.dti.workflow.ProcessEngine;
import vn.dti.workflow.ProcessModel;

import java.util.List;
import java.util.Map;

/**
 * The embedded engine keeps its state in memory: at start-up every cycle the database still has open is started
 * again before the step it had reached, with the assessments still to do. A cycle that cannot be brought back stops
 * the start with its reason, so that no cycle is ever shown whose process is gone. An explanation request left open
 * comes back open: the unit's appraisal starts again at its answer ({@code begin-appraisal} finds it).
 */
@Component
@ConditionalOnProperty(name = "dti.engine.mode", havingValue = "embedded", matchIfMissing = true)
class CycleRecovery {

    private static final Logger log = LoggerFactory.getLogger(CycleRecovery.class);

    private final CycleService cycles;
    private final AssessmentService assessments;
    private final CalendarService calendars;
    private final ProcessEngine engine;
    private final EngineClock clock;
    private final AuditLog audit;

    CycleRecovery(CycleService cycles, AssessmentService assessments, CalendarService calendars, ProcessEngine engine,
                  EngineClock clock, AuditLog audit) {
        this.cycles = cycles;
        this.assessments = assessments;
        this.calendars = calendars;
        this.engine = engine;
        this.clock = clock;
        this.audit = audit;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void bringBackOpenCycles() {
        for (Cycle cycle : cycles.openCycles()) {
            try {
                recover(cycle);
            } catch (RuntimeException e) {
                throw new IllegalStateException("Không khôi phục được kỳ đánh giá số " + cycle.getId() + " ("
                        + cycle.getProvinceCode() + " " + cycle.getYear() + " " + cycle.getGroupCode() + ") ở bước '"
                        + cycle.getStep() + "' sau khi khởi động lại: " + e.getMessage(), e);
            }
        }
    }

    private void recover(Cycle cycle) {
        Map<String, Object> variables = cycles.variables(cycle, calendars.calendar(cycle.getId()));
        List<Assessment> all = assessments.ofCycle(cycle.getId());
        String element = switch (cycle.getStep()) {
            case ProcessModel.Cycle.UNIT_ASSESSMENTS -> {
                List<Long> open = ids(all, AssessmentStatus.OPEN);
                variables.put("assessmentIds", open);
                yield open.isEmpty() ? ProcessModel.Cycle.AWAIT_APPRAISAL : ProcessModel.Cycle.UNIT_ASSESSMENTS;
            }
            case ProcessModel.Cycle.UNIT_APPRAISALS -> {
                List<Long> submitted = ids(all, AssessmentStatus.SUBMITTED);
                variables.put("reportedAssessmentIds", submitted);
                yield submitted.isEmpty() ? ProcessModel.Cycle.RANK_CYCLE : ProcessModel.Cycle.UNIT_APPRAISALS;
            }
            case ProcessModel.Cycle.APPROVE_RANKING -> ProcessModel.Cycle.RANK_CYCLE;
            default -> cycle.getStep();
        };
        long key = engine.startBefore(ProcessModel.Cycle.PROCESS_ID, element, variables);
        cycles.attachProcess(cycle.getId(), key);
        audit.record(clock.now(), "hệ thống", "cycle.recover", "cycle", cycle.getId().toString(), null,
                Map.of("step", cycle.getStep(), "startedBefore", element, "processInstance", key));
        log.info("Cycle {} brought back before {} (step {}), process instance {}", cycle.getId(), element,
                cycle.getStep(), key);
    }

    private static List<Long> ids(List<Assessment> assessments, AssessmentStatus status) {
        return assessments.stream().filter(a -> a.getStatus() == status).map(Assessment::getId).toList();
    }
}
