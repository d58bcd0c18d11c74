package vn.dti.cycle;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import vn.dti.assessment.AssessmentService;
import vn.dti.assessment.AssessmentStatus;
import vn.dti.assessment.SelfItem;
import vn.dti.framework.KeptData;
import vn.dti.indicator.Level;
import vn.dti.security.DtiUser;
import vn.dti.security.Role;
import vn.dti.workflow.EngineClock;
import vn.dti.workflow.ProcessModel.Appraisal;
import vn.dti.workflow.ProcessModel.UnitAssessment;
import vn.dti.workflow.TaskInbox;
import vn.dti.workflow.UserTask;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dti.cycle.ProcessTestSupport.assessmentOf;
import static vn.dti.cycle.ProcessTestSupport.await;
import static vn.dti.cycle.ProcessTestSupport.number;
import static vn.dti.cycle.ProcessTestSupport.taskOf;

/** The embedded engine forgets everything when the application stops; the database brings the open cycles back. */
class RestartRecoveryTest {

    private static final DtiUser ADMIN = new DtiUser("quantri.tn", Role.ADMIN, "TN", "TN");
    private static final DtiUser OFFICER = new DtiUser("canbo.tn-x001", Role.UNIT_OFFICER, "TN-X001", "TN");

    @Test
    void anOpenCycleComesBackAtTheStepItHadReached() throws Exception {
        try (KeptData data = new KeptData("dti-restart-")) {
            long cycleId;
            long submitted;
            long open;
            int year;
            try (ConfigurableApplicationContext first = data.start()) {
                year = first.getBean(EngineClock.class).now().atOffset(ZoneOffset.ofHours(7)).getYear() + 1;
                cycleId = first.getBean(CycleService.class).start("TN", year, Level.XA, "TN-H01", ADMIN).getId();
                AssessmentService assessments = first.getBean(AssessmentService.class);
                TaskInbox inbox = first.getBean(TaskInbox.class);
                submitted = assessmentOf(assessments, cycleId, "TN-X001");
                open = assessmentOf(assessments, cycleId, "TN-X002");
                UserTask task = taskOf(inbox, UnitAssessment.SELF_ASSESSMENT, submitted);
                assessments.selfAssess(submitted, null, Map.of(
                        "1", new SelfItem(null, null, null, null, new BigDecimal("30"), null, "Tự chấm theo báo cáo",
                                List.of("Báo cáo.pdf")),
                        "2", new SelfItem(true, null, null, null, null, null, "Có trang thông tin", null)),
                        OFFICER, first.getBean(EngineClock.class).now());
                inbox.complete(task.key(), Map.of());
                await("phiếu đã nộp", () -> Optional.of(assessments.get(submitted).getStatus())
                        .filter(AssessmentStatus.SUBMITTED::equals));
                taskOf(inbox, UnitAssessment.SELF_ASSESSMENT, open);
            }

            try (ConfigurableApplicationContext second = data.start()) {
                CycleService cycles = second.getBean(CycleService.class);
                TaskInbox inbox = second.getBean(TaskInbox.class);
                AssessmentService assessments = second.getBean(AssessmentService.class);
                assertThat(cycles.get(cycleId).getProcessInstanceKey()).isNotNull();
                UserTask again = taskOf(inbox, UnitAssessment.SELF_ASSESSMENT, open);
                assertThat(again.variables()).containsEntry("deadline", year + "-11-30T23:59:59+07:00");
                assertThat(inbox.openTasks()).noneMatch(t -> Long.valueOf(submitted).equals(number(t, "assessmentId"))
                        && t.elementId().equals(UnitAssessment.SELF_ASSESSMENT));

                second.getBean(EngineClock.class).advanceTo(
                        OffsetDateTime.parse(year + "-12-01T00:00:01+07:00").toInstant());
                await("phiếu chưa nộp bị đóng", () -> Optional.of(assessments.get(open).getStatus())
                        .filter(AssessmentStatus.NOT_REPORTED::equals));
                taskOf(inbox, Appraisal.COUNCIL_REVIEW, submitted);
                assertThat(cycles.get(cycleId).getStatus()).isEqualTo(CycleStatus.APPRAISAL);
            }
        }
    }
}
