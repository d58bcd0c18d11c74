package vn.dti.drills;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dti.appraisal.AppraisalService;
import vn.dti.appraisal.CouncilReview;
import vn.dti.appraisal.ExplanationRequest;
import vn.dti.assessment.AssessmentService;
import vn.dti.assessment.AssessmentStatus;
import vn.dti.assessment.SelfItem;
import vn.dti.cycle.CycleDecision;
import vn.dti.cycle.CycleService;
import vn.dti.framework.AuditLog;
import vn.dti.framework.KeptData;
import vn.dti.framework.Poll;
import vn.dti.indicator.Level;
import vn.dti.security.DtiUser;
import vn.dti.security.Role;
import vn.dti.workflow.EngineClock;
import vn.dti.workflow.EngineEpoch;
import vn.dti.workflow.EngineEpoch.JobId;
import vn.dti.workflow.ProcessDates;
import vn.dti.workflow.ProcessModel.Appraisal;
import vn.dti.workflow.ProcessModel.Cycle;
import vn.dti.workflow.ProcessModel.UnitAssessment;
import vn.dti.workflow.TaskInbox;
import vn.dti.workflow.UserTask;
import vn.dti.workflow.UserTasks;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded engine forgets everything when the application stops, and hands its keys out again from the same first
 * value at the next start. One cycle goes through four boots on one data directory: an officer's draft, an explanation
 * request left open with its draft answer, explanation requests and the chairman's decisions on both sides of a
 * restart, and jobs delivered twice. Each boot's jobs get keys that an earlier boot used for effects of its own (a
 * long first boot stands for this by the rows it leaves for the first {@link #SPAN} keys), so any effect keyed by the
 * engine's key alone would be dropped.
 */
class RestartDrillTest {

    /** How many keys of the engine's first run the earlier boot is taken to have used: far more than a boot uses here. */
    private static final int SPAN = 20_000;
    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final DtiUser ADMIN = new DtiUser("quantri.tn", Role.ADMIN, "TN", "TN");
    private static final DtiUser OFFICER_1 = new DtiUser("canbo.tn-x001", Role.UNIT_OFFICER, "TN-X001", "TN");
    private static final DtiUser OFFICER_2 = new DtiUser("canbo.tn-x002", Role.UNIT_OFFICER, "TN-X002", "TN");
    private static final DtiUser COUNCIL = new DtiUser("hoidong.tn-h01", Role.COUNCIL, "TN-H01", "TN");
    private static final DtiUser CHAIRMAN = new DtiUser("chutich.tn-h01", Role.CHAIRMAN, "TN-H01", "TN");
    private static final String FIRST_QUESTION = "Nêu rõ nguồn số liệu hạ tầng số (mục 1).";
    private static final String SECOND_QUESTION = "Gửi địa chỉ trang thông tin điện tử (mục 2).";
    private static final String DRAFT_ANSWER = "Số liệu lấy từ Báo cáo 15/BC-UBND, đang soạn tiếp…";

    @Test
    void nothingAPersonDidIsLostOrDoubledAcrossRestarts() throws Exception {
        try (KeptData data = new KeptData("dti-restart-drill-")) {
            int year;
            long cycleId;
            long x001;
            long x002;
            Map<String, Object> selfDraft = Map.of("generalInfo", Map.of("preparedBy", "Nguyễn Thị Hoà"),
                    "items", List.of(Map.of("code", "1", "points", 20)));

            try (Boot boot = new Boot(data)) {
                year = boot.clock.now().atOffset(VIETNAM).getYear() + 1;
                cycleId = boot.cycles.start("TN", year, Level.XA, "TN-H01", ADMIN).getId();
                long other = boot.cycles.start("TN", year, Level.XA, "TN-H02", ADMIN).getId();
                x001 = boot.assessmentOf(cycleId, "TN-X001");
                x002 = boot.assessmentOf(cycleId, "TN-X002");
                boot.submit(x001, OFFICER_1);
                UserTask selfAssessment = boot.task(UnitAssessment.SELF_ASSESSMENT, "assessmentId", x002);
                boot.tasks.saveDraft(selfAssessment.key(), selfDraft, OFFICER_2);
                boot.usedEveryFirstKey(selfAssessment.key(), other, boot.assessmentOf(other, "TN-X003"));
            }

            long first;
            try (Boot boot = new Boot(data)) {
                // The officer's draft follows the self-assessment to the key it has after the restart.
                UserTask selfAssessment = boot.task(UnitAssessment.SELF_ASSESSMENT, "assessmentId", x002);
                assertThat(boot.tasks.draft(selfAssessment.key(), OFFICER_2)).map(UserTasks.Draft::data)
                        .contains(selfDraft);
                boot.submit(x002, OFFICER_2);

                boot.clock.advanceTo(OffsetDateTime.parse(year + "-12-01T00:00:01+07:00").toInstant());
                boot.task(Appraisal.COUNCIL_REVIEW, "assessmentId", x001);
                first = boot.request(x001, List.of("1"), FIRST_QUESTION, null).getId();
                UserTask answer = boot.task(Appraisal.ANSWER_EXPLANATION, "assessmentId", x001);
                boot.tasks.saveDraft(answer.key(), Map.of("explanationAnswer", DRAFT_ANSWER), OFFICER_1);
            }

            try (Boot boot = new Boot(data)) {
                // The open request comes back open, with its question, deadline and the draft of its answer.
                ExplanationRequest open = boot.requestOf(x001, FIRST_QUESTION);
                assertThat(open.getStatus()).isEqualTo(ExplanationRequest.Status.OPEN);
                UserTask answer = boot.task(Appraisal.ANSWER_EXPLANATION, "assessmentId", x001);
                assertThat(UserTasks.number(answer, "explanationRequestId")).contains(first);
                assertThat(answer.variables()).containsEntry("explanationQuestion", FIRST_QUESTION)
                        .containsEntry("replyDeadline", ProcessDates.format(open.getReplyDeadline().atOffset(VIETNAM)));
                assertThat(boot.tasks.draft(answer.key(), OFFICER_1)).map(UserTasks.Draft::data)
                        .contains(Map.of("explanationAnswer", DRAFT_ANSWER));
                boot.tasks.complete(answer.key(), Map.of("explanationAnswer", DRAFT_ANSWER + " Đã đủ."), OFFICER_1);
                await("giải trình đã ghi", () -> Optional.of(boot.requestOf(x001, FIRST_QUESTION))
                        .filter(r -> r.getStatus() == ExplanationRequest.Status.ANSWERED));
                assertThat(boot.requestOf(x001, FIRST_QUESTION).getAnswer()).isEqualTo(DRAFT_ANSWER + " Đã đủ.");

                // A second request, made after the restart, is recorded beside the first.
                boot.task(Appraisal.COUNCIL_REVIEW, "assessmentId", x001);
                ExplanationRequest second = boot.request(x001, List.of("2"), SECOND_QUESTION, 3);
                assertThat(boot.appraisals.requests(x001)).extracting(ExplanationRequest::getQuestion)
                        .containsExactly(FIRST_QUESTION, SECOND_QUESTION);
                assertThat(boot.audited("assessment", x001, "explanation.request")).hasSize(2);
                boot.redeliverRequest(x001, second);

                UserTask secondAnswer = boot.task(Appraisal.ANSWER_EXPLANATION, "explanationRequestId", second.getId());
                boot.tasks.complete(secondAnswer.key(), Map.of("explanationAnswer", "tn-x001.gov.vn"), OFFICER_1);
                boot.appraise(x001);
                boot.appraise(x002);

                UserTask approval = boot.task(Cycle.APPROVE_RANKING, "cycleId", cycleId);
                boot.tasks.complete(approval.key(), Map.of("approved", false, "comment", "Xem lại mục 2."), CHAIRMAN);
                await("quyết định trả lại", () -> Optional.of(boot.cycles.decisions(cycleId)).filter(d -> d.size() == 1));
                boot.redeliverDecision(cycleId);
            }

            try (Boot boot = new Boot(data)) {
                // The decision after the restart is recorded beside the one before it.
                UserTask revision = boot.task(Cycle.REVISE_RANKING, "cycleId", cycleId);
                boot.tasks.complete(revision.key(), Map.of(), COUNCIL);
                UserTask approval = boot.task(Cycle.APPROVE_RANKING, "cycleId", cycleId);
                boot.tasks.complete(approval.key(), Map.of("approved", true), CHAIRMAN);
                List<CycleDecision> decisions = await("quyết định phê duyệt", () -> Optional.of(
                        boot.cycles.decisions(cycleId)).filter(d -> d.size() == 2));
                assertThat(decisions).extracting(CycleDecision::isApproved).containsExactly(false, true);
                assertThat(boot.audited("cycle", cycleId, "cycle.return")).hasSize(1);
                assertThat(boot.audited("cycle", cycleId, "cycle.approve")).hasSize(1);
                // The drill staged what it claims: every one of these jobs had a key the earlier boot had used.
                assertThat(boot.count("select count(*) from explanation_request r where r.assessment_id = ?"
                        + " and exists (select 1 from explanation_request e where e.job_key = r.job_key"
                        + " and e.id <> r.id)", x001)).isEqualTo(2);
                assertThat(boot.count("select count(*) from cycle_decision d where d.cycle_id = ?"
                        + " and exists (select 1 from cycle_decision e where e.job_key = d.job_key"
                        + " and e.id <> d.id)", cycleId)).isEqualTo(2);
            }
        }
    }

    private static <T> T await(String what, Supplier<Optional<T>> probe) {
        return Poll.await(what, PATIENCE, probe);
    }

    /** One run of the application on the drill's data directory, and the beans the drill drives it with. */
    private static final class Boot implements AutoCloseable {

        final ConfigurableApplicationContext context;
        final CycleService cycles;
        final AssessmentService assessments;
        final AppraisalService appraisals;
        final CouncilReview councilReview;
        final UserTasks tasks;
        final TaskInbox inbox;
        final EngineClock clock;
        final AuditLog audit;
        final JdbcTemplate jdbc;
        final EngineEpoch epoch;

        Boot(KeptData data) {
            context = data.start();
            cycles = context.getBean(CycleService.class);
            assessments = context.getBean(AssessmentService.class);
            appraisals = context.getBean(AppraisalService.class);
            councilReview = context.getBean(CouncilReview.class);
            tasks = context.getBean(UserTasks.class);
            inbox = context.getBean(TaskInbox.class);
            clock = context.getBean(EngineClock.class);
            audit = context.getBean(AuditLog.class);
            jdbc = context.getBean(JdbcTemplate.class);
            epoch = context.getBean(EngineEpoch.class);
        }

        long assessmentOf(long cycleId, String unit) {
            return await("phiếu của " + unit, () -> assessments.ofCycle(cycleId).stream()
                    .filter(a -> a.getUnitCode().equals(unit)).findFirst()).getId();
        }

        UserTask task(String elementId, String variable, long value) {
            return await("công việc " + elementId + " của " + variable + " " + value, () -> inbox.openTasks().stream()
                    .filter(t -> t.elementId().equals(elementId) && UserTasks.having(variable, value).test(t.variables()))
                    .findFirst());
        }

        void submit(long assessmentId, DtiUser officer) {
            assessments.selfAssess(assessmentId, null, Map.of(
                    "1", new SelfItem(null, null, null, null, new BigDecimal("30"), null, "Tự chấm theo báo cáo",
                            List.of("Báo cáo.pdf")),
                    "2", new SelfItem(true, null, null, null, null, null, "Có trang thông tin", null)),
                    officer, clock.now());
            tasks.complete(task(UnitAssessment.SELF_ASSESSMENT, "assessmentId", assessmentId).key(), Map.of(), officer);
            await("phiếu đã nộp", () -> Optional.of(assessments.get(assessmentId).getStatus())
                    .filter(AssessmentStatus.SUBMITTED::equals));
        }

        ExplanationRequest request(long assessmentId, List<String> items, String question, Integer replyDays) {
            councilReview.requestExplanation(assessmentId, items, question, replyDays, COUNCIL);
            ExplanationRequest request = requestOf(assessmentId, question);
            assertThat(audited("assessment", assessmentId, "explanation.request"))
                    .anyMatch(entry -> entry.after().contains("\"request\": " + request.getId() + ","));
            return request;
        }

        ExplanationRequest requestOf(long assessmentId, String question) {
            return await("yêu cầu giải trình \"" + question + "\"", () -> appraisals.requests(assessmentId).stream()
                    .filter(r -> r.getQuestion().equals(question)).findFirst());
        }

        void appraise(long assessmentId) {
            task(Appraisal.COUNCIL_REVIEW, "assessmentId", assessmentId);
            assertThat(councilReview.complete(assessmentId, Map.of(), COUNCIL)).isEmpty();
            await("phiếu đã thẩm định", () -> Optional.of(assessments.get(assessmentId).getStatus())
                    .filter(AssessmentStatus.APPRAISED::equals));
        }

        /** The job that recorded the request, delivered again: the same request, nothing added. */
        void redeliverRequest(long assessmentId, ExplanationRequest request) {
            int requests = appraisals.requests(assessmentId).size();
            int entries = audit.entries("assessment", String.valueOf(assessmentId)).size();
            JobId job = jdbc.queryForObject("select job_epoch, job_key from explanation_request where id = ?",
                    (rs, row) -> new JobId(rs.getLong(1), rs.getLong(2)), request.getId());
            assertThat(job.epoch()).isEqualTo(epoch.current());
            ExplanationRequest again = appraisals.recordRequest(assessmentId, request.getItemCodes(),
                    request.getQuestion(), Duration.ofDays(3), COUNCIL.username(), clock.now(), job);
            assertThat(again.getId()).isEqualTo(request.getId());
            assertThat(appraisals.requests(assessmentId)).hasSize(requests);
            assertThat(audit.entries("assessment", String.valueOf(assessmentId))).hasSize(entries);
        }

        /** The job that recorded the chairman's last decision, delivered again: nothing added. */
        void redeliverDecision(long cycleId) {
            List<CycleDecision> decisions = cycles.decisions(cycleId);
            CycleDecision last = decisions.getLast();
            int entries = audit.entries("cycle", String.valueOf(cycleId)).size();
            JobId job = jdbc.queryForObject("select job_epoch, job_key from cycle_decision where cycle_id = ?"
                    + " order by id desc limit 1", (rs, row) -> new JobId(rs.getLong(1), rs.getLong(2)), cycleId);
            assertThat(job.epoch()).isEqualTo(epoch.current());
            cycles.recordDecision(cycleId, last.isApproved(), last.getComment(), last.getDecidedBy(), job);
            assertThat(cycles.decisions(cycleId)).hasSize(decisions.size());
            assertThat(audit.entries("cycle", String.valueOf(cycleId))).hasSize(entries);
        }

        List<AuditLog.Entry> audited(String subjectType, long subjectId, String action) {
            return audit.entries(subjectType, String.valueOf(subjectId)).stream()
                    .filter(entry -> entry.action().equals(action)).toList();
        }

        int count(String sql, Object... arguments) {
            return jdbc.queryForObject(sql, Integer.class, arguments);
        }

        /**
         * The rows a long earlier run leaves: an explanation request and a chairman's decision for every one of the
         * engine's first {@link #SPAN} keys (on another group's cycle, so that the drill's own lists stay its own).
         */
        void usedEveryFirstKey(long anyKey, long otherCycle, long otherAssessment) {
            long first = anyKey >> 51 << 51;
            jdbc.update("insert into explanation_request (assessment_id, item_codes, question, requested_by,"
                    + " requested_at, reply_deadline, status, job_epoch, job_key) select ?, '[\"1\"]',"
                    + " 'Lượt chạy trước', 'hoidong.tn-h02', now(), now(), 'ANSWERED', ?, k"
                    + " from generate_series(?::bigint, ?::bigint) k", otherAssessment, epoch.current(), first, first + SPAN);
            jdbc.update("insert into cycle_decision (cycle_id, approved, comment, decided_by, decided_at, job_epoch,"
                    + " job_key) select ?, false, 'Lượt chạy trước', 'chutich.tn-h02', now(), ?, k"
                    + " from generate_series(?::bigint, ?::bigint) k", otherCycle, epoch.current(), first, first + SPAN);
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
