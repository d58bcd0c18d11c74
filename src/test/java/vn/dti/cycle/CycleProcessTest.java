package vn.dti.cycle;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;
import vn.dti.workflow.EngineClock;
import vn.dti.workflow.ProcessDates;
import vn.dti.workflow.ProcessModel.Appraisal;
import vn.dti.workflow.ProcessModel.Cycle;
import vn.dti.workflow.ProcessModel.UnitAssessment;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dti.cycle.ProcessTestSupport.forAssessment;
import static vn.dti.cycle.ProcessTestSupport.forCycle;

/**
 * The cycle's paths after self-assessment, driven through the API and the engine's clock: explanations answered,
 * repeated and unanswered; a change without its reason sent back; approval returned and re-approved; publication;
 * and calendar changes and an extension re-arming the running timers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CycleProcessTest {

    private static final String COUNCIL = "hoidong.tn-h02";
    private static final String CHAIRMAN = "chutich.tn-h02";

    @Autowired
    TestRestTemplate http;
    @Autowired
    EngineClock clock;

    ProcessTestSupport support;

    @BeforeEach
    void setUp() {
        support = new ProcessTestSupport(http, clock);
    }

    @Test
    void explanationsAppraisalApprovalReturnedAndReapprovedThenPublication() {
        int year = support.freshYear();
        long cycle = support.startCycle(year, "XA", "TN-H02");
        long x003 = submit(cycle, "TN-X003", 50);
        long x004 = submit(cycle, "TN-X004", 50);
        long x005 = support.assessmentOf(cycle, "TN-X005");

        support.advanceTo(OffsetDateTime.parse(year + "-12-01T00:00:01+07:00"));
        support.awaitAssessmentStatus("canbo.tn-x005", x005, "NOT_REPORTED");
        support.awaitCycleStatus(cycle, "APPRAISAL");

        // X003: an explanation answered, a second one left unanswered past its reply deadline
        JsonNode review = support.awaitTask(COUNCIL, Appraisal.COUNCIL_REVIEW, forAssessment(x003));
        assertThat(review.get("dueDate").asText()).startsWith(year + "-12-31T23:59:59");
        requestExplanation(review, x003, "Đề nghị gửi báo cáo số liệu hạ tầng số.");
        JsonNode answer = support.awaitTask("canbo.tn-x003", Appraisal.ANSWER_EXPLANATION, forAssessment(x003));
        assertThat(answer.get("variables").get("explanationQuestion").asText())
                .isEqualTo("Đề nghị gửi báo cáo số liệu hạ tầng số.");
        assertThat(support.call("canbo.tn-x004", HttpMethod.POST, "/api/tasks/" + answer.get("key").asLong()
                + "/complete", Map.of("explanationAnswer", "x")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        support.complete("canbo.tn-x003", answer, Map.of("explanationAnswer", "Gửi kèm Báo cáo 15/BC-UBND.",
                "explanationEvidence", List.of("Báo cáo 15-BC-UBND.pdf")));

        review = support.awaitTask(COUNCIL, Appraisal.COUNCIL_REVIEW, forAssessment(x003));
        requestExplanation(review, x003, "Đề nghị làm rõ thêm.");
        support.awaitTask("canbo.tn-x003", Appraisal.ANSWER_EXPLANATION, forAssessment(x003));
        support.advanceTo(OffsetDateTime.parse(year + "-12-05T00:00:02+07:00"));
        review = support.awaitTask(COUNCIL, Appraisal.COUNCIL_REVIEW, forAssessment(x003));
        JsonNode explanations = support.ok(COUNCIL, HttpMethod.GET, "/api/assessments/" + x003 + "/explanations", null);
        assertThat(explanations).extracting(e -> e.get("status").asText()).containsExactly("ANSWERED", "UNANSWERED");
        assertThat(explanations.get(0).get("answer").asText()).isEqualTo("Gửi kèm Báo cáo 15/BC-UBND.");
        assertThat(explanations.get(0).get("answeredBy").asText()).isEqualTo("canbo.tn-x003");

        // A changed score without its reason goes back to the council, then is accepted with it
        support.ok(COUNCIL, HttpMethod.PUT, "/api/assessments/" + x003 + "/appraisal",
                Map.of("items", Map.of("1", Map.of("points", 40))));
        support.complete(COUNCIL, review, Map.of("decision", "appraise"));
        review = support.awaitTask(COUNCIL, Appraisal.COUNCIL_REVIEW, v -> v.path("assessmentId").asLong() == x003
                && v.path("rejectionReasons").asText().contains("chưa ghi lý do điều chỉnh"));
        support.ok(COUNCIL, HttpMethod.PUT, "/api/assessments/" + x003 + "/appraisal",
                Map.of("items", Map.of("1", Map.of("points", 40, "reason", "Số liệu hạ tầng chưa đủ minh chứng"))));
        support.complete(COUNCIL, review, Map.of("decision", "appraise"));
        support.awaitAssessmentStatus(COUNCIL, x003, "APPRAISED");

        JsonNode otherReview = support.awaitTask(COUNCIL, Appraisal.COUNCIL_REVIEW, forAssessment(x004));
        assertThat(support.call(COUNCIL, HttpMethod.POST, "/api/tasks/" + otherReview.get("key").asLong()
                + "/complete", Map.of("decision", "maybe")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        support.complete(COUNCIL, otherReview, Map.of("decision", "appraise"));
        support.awaitAssessmentStatus(COUNCIL, x004, "APPRAISED");

        // Approval: returned with a comment, revised, approved
        JsonNode approval = support.awaitTask(CHAIRMAN, Cycle.APPROVE_RANKING, forCycle(cycle));
        assertThat(approval.get("variables").get("rankingSummary").asText())
                .contains("1. UBND xã Hai B: 90,00 (Tốt)", "2. UBND xã Hai A: 80,00 (Khá)",
                        "3. UBND thị trấn Hai C: - (Yếu)");
        assertThat(support.call(CHAIRMAN, HttpMethod.POST, "/api/tasks/" + approval.get("key").asLong() + "/complete",
                Map.of("approved", false)).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        support.complete(CHAIRMAN, approval, Map.of("approved", false, "comment", "Xem lại điểm của xã Hai A."));
        JsonNode revise = support.awaitTask(COUNCIL, Cycle.REVISE_RANKING, forCycle(cycle));
        support.awaitCycleStatus(cycle, "REVISION");
        support.complete(COUNCIL, revise, Map.of());
        approval = support.awaitTask(CHAIRMAN, Cycle.APPROVE_RANKING, forCycle(cycle));
        support.complete(CHAIRMAN, approval, Map.of("approved", true));
        support.awaitCycleStatus(cycle, "AWAITING_PUBLICATION");
        assertThat(http.getForEntity("/api/publications/" + cycle, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        support.advanceTo(OffsetDateTime.parse((year + 1) + "-01-15T08:00:01+07:00"));
        support.awaitCycleStatus(cycle, "PUBLISHED");
        JsonNode publication = http.getForObject("/api/publications/" + cycle, JsonNode.class);
        assertThat(publication.get("results")).extracting(r -> r.get("rank").asInt() + " " + r.get("unitName").asText()
                        + " " + r.get("totalText").asText() + " " + r.get("band").asText())
                .containsExactly("1 UBND xã Hai B 90,00 TOT", "2 UBND xã Hai A 80,00 KHA", "3 UBND thị trấn Hai C - YEU");
        assertThat(publication.get("decisionDraft").asText()).contains("QUYẾT ĐỊNH", "Điều 1.",
                "UBND các xã, phường, thị trấn thuộc UBND huyện Hai", "Giá trị trung bình\t56,67");
        JsonNode decisions = support.cycle(cycle).get("decisions");
        assertThat(decisions).extracting(d -> d.get("approved").asBoolean() + " " + d.get("decidedBy").asText()
                        + " " + d.path("comment").asText("-"))
                .containsExactly("false chutich.tn-h02 Xem lại điểm của xã Hai A.", "true chutich.tn-h02 -");

        // Every step is in the audit log, with who did it, and the huyện's council reads it for its xã.
        List<JsonNode> x003Log = audit("/api/audit?unit=TN-X003&size=200", e -> e.path("subjectId").asText()
                .matches(x003 + "(/.*)?") || e.path("before").path("assessmentId").asLong() == x003);
        assertThat(x003Log).extracting(e -> e.get("actor").asText() + " " + e.get("action").asText()).contains(
                "canbo.tn-x003 assessment.self-score", "canbo.tn-x003 task.complete",
                "hệ thống assessment.submitted", "hoidong.tn-h02 task.complete", "hoidong.tn-h02 explanation.request",
                "canbo.tn-x003 explanation.answer", "hệ thống explanation.unanswered",
                "hoidong.tn-h02 appraisal.score", "hệ thống assessment.appraised");
        JsonNode reasoned = x003Log.stream().filter(e -> e.get("action").asText().equals("appraisal.score")).findFirst()
                .orElseThrow();
        assertThat(reasoned.get("subjectId").asText()).isEqualTo(x003 + "/1");
        assertThat(reasoned.get("before").get("appraised").get("points").asInt()).isEqualTo(40);
        assertThat(reasoned.get("before").get("reason").isNull()).isTrue();
        assertThat(reasoned.get("after").get("reason").asText()).isEqualTo("Số liệu hạ tầng chưa đủ minh chứng");
        List<JsonNode> cycleLog = audit("/api/audit?size=200",
                e -> e.get("subjectType").asText().equals("cycle") && e.get("subjectId").asLong() == cycle);
        assertThat(cycleLog).extracting(e -> e.get("actor").asText() + " " + e.get("action").asText())
                .containsSubsequence("hệ thống cycle.publish", "chutich.tn-h02 cycle.approve",
                        "chutich.tn-h02 cycle.return", "quantri.tn cycle.start");
        assertThat(cycleLog.getFirst().get("after").get("units")).extracting(u -> u.get("rank").asInt() + " "
                + u.get("unit").asText() + " " + u.get("total").asText()).containsExactly("1 TN-X004 90,00",
                "2 TN-X003 80,00", "3 TN-X005 -");
    }

    /** The audit entries the huyện's council reads at that address, newest first, that satisfy {@code which}. */
    private List<JsonNode> audit(String address, java.util.function.Predicate<JsonNode> which) {
        List<JsonNode> entries = new java.util.ArrayList<>();
        support.ok(COUNCIL, HttpMethod.GET, address, null).get("entries").forEach(entry -> {
            if (which.test(entry)) {
                entries.add(entry);
            }
        });
        return entries;
    }

    @Test
    void calendarChangesAndAnExtensionReArmTheRunningTimers() {
        int year = support.freshYear();
        long cycle = support.startCycle(year, "XA", "TN-H01");
        long x001 = support.assessmentOf(cycle, "TN-X001");
        long x002 = support.assessmentOf(cycle, "TN-X002");
        support.awaitTask("canbo.tn-x001", UnitAssessment.SELF_ASSESSMENT, forAssessment(x001));
        support.awaitTask("canbo.tn-x002", UnitAssessment.SELF_ASSESSMENT, forAssessment(x002));

        var tooLate = changeCalendar(cycle, "SELF_ASSESSMENT_DEADLINE", year + "-12-05T23:59:59+07:00");
        assertThat(tooLate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooLate.getBody().get("errors").get(0).get("reason").asText())
                .contains("phải trước ngày bắt đầu thẩm định 01/12/" + year);
        // A day before the engine's clock, wherever the tests that ran before in this context have moved it.
        var past = changeCalendar(cycle, "SELF_ASSESSMENT_DEADLINE",
                ProcessDates.format(support.now().minus(Duration.ofDays(1)).atOffset(ZoneOffset.ofHours(7))));
        assertThat(past.getBody().get("errors").get(0).get("reason").asText()).contains("vào quá khứ");
        assertThat(support.call("hoidong.tn-h01", HttpMethod.PUT, "/api/cycles/" + cycle + "/calendar",
                Map.of("field", "APPRAISAL_START", "value", year + "-12-10T00:00:00+07:00", "reason", "x"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(changeCalendar(cycle, "APPRAISAL_START", year + "-12-10T00:00:00+07:00").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(changeCalendar(cycle, "SELF_ASSESSMENT_DEADLINE", year + "-12-05T23:59:59+07:00").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        support.ok("quantri.tn", HttpMethod.POST, "/api/cycles/" + cycle + "/extensions",
                Map.of("unit", "TN-X002", "deadline", year + "-12-08T23:59:59+07:00", "reason", "Mất điện kéo dài"));

        support.advanceTo(OffsetDateTime.parse(year + "-12-01T00:00:01+07:00"));
        JsonNode stillOpen = support.awaitTask("canbo.tn-x001", UnitAssessment.SELF_ASSESSMENT, forAssessment(x001));
        assertThat(stillOpen.get("variables").get("deadline").asText()).isEqualTo(year + "-12-05T23:59:59+07:00");
        assertThat(support.assessmentStatus("canbo.tn-x001", x001)).isEqualTo("OPEN");

        support.advanceTo(OffsetDateTime.parse(year + "-12-06T00:00:01+07:00"));
        support.awaitAssessmentStatus("canbo.tn-x001", x001, "NOT_REPORTED");
        assertThat(support.assessmentStatus("canbo.tn-x002", x002)).isEqualTo("OPEN");
        support.ok("canbo.tn-x002", HttpMethod.PUT, "/api/assessments/" + x002, UnitAssessmentProcessTest.goodSheet());
        support.complete("canbo.tn-x002", support.awaitTask("canbo.tn-x002", UnitAssessment.SELF_ASSESSMENT,
                forAssessment(x002)), Map.of());
        support.awaitAssessmentStatus("canbo.tn-x002", x002, "SUBMITTED");

        // The appraisal waits for its moved start, then the council of the huyện appraises the one that reported
        assertThat(support.cycle(cycle).get("status").asText()).isEqualTo("SELF_ASSESSMENT");
        support.advanceTo(OffsetDateTime.parse(year + "-12-10T00:00:01+07:00"));
        support.awaitTask("hoidong.tn-h01", Appraisal.COUNCIL_REVIEW, forAssessment(x002));

        JsonNode history = support.ok("quantri.tn", HttpMethod.GET, "/api/cycles/" + cycle + "/calendar/history", null);
        assertThat(history).extracting(c -> c.get("field").asText())
                .containsExactly("APPRAISAL_START", "SELF_ASSESSMENT_DEADLINE", "UNIT_DEADLINE");
        assertThat(history.get(1).get("before").asText()).startsWith(year + "-11-30T23:59:59");

        // The changes are in the audit log with who, why, before and after; the extension under its unit.
        JsonNode changes = support.ok("quantri.tn", HttpMethod.GET, "/api/audit?action=calendar.change", null).get("entries");
        assertThat(changes).filteredOn(e -> e.get("subjectId").asLong() == cycle)
                .extracting(e -> e.get("actor").asText() + " " + e.get("before").get("field").asText() + " "
                        + e.get("before").get("value").asText().substring(0, 10) + " → "
                        + e.get("after").get("value").asText().substring(0, 10) + " " + e.get("after").get("reason").asText())
                .containsExactly(
                        "quantri.tn SELF_ASSESSMENT_DEADLINE " + year + "-11-30 → " + year + "-12-05 Theo chỉ đạo của UBND tỉnh",
                        "quantri.tn APPRAISAL_START " + year + "-12-01 → " + year + "-12-10 Theo chỉ đạo của UBND tỉnh");
        JsonNode extension = support.ok("hoidong.tn-h01", HttpMethod.GET, "/api/audit?unit=TN-X002&action=calendar.extend",
                null).get("entries");
        assertThat(extension).filteredOn(e -> e.get("subjectId").asLong() == cycle)
                .extracting(e -> e.get("after").get("reason").asText()).containsExactly("Mất điện kéo dài");
    }

    private org.springframework.http.ResponseEntity<JsonNode> changeCalendar(long cycle, String field, String value) {
        return support.call("quantri.tn", HttpMethod.PUT, "/api/cycles/" + cycle + "/calendar",
                Map.of("field", field, "value", value, "reason", "Theo chỉ đạo của UBND tỉnh"));
    }

    private void requestExplanation(JsonNode review, long assessment, String question) {
        support.complete(COUNCIL, review, Map.of("decision", "request-explanation"));
        JsonNode request = support.awaitTask(COUNCIL, Appraisal.REQUEST_EXPLANATION, forAssessment(assessment));
        support.complete(COUNCIL, request, Map.of("explanationItems", List.of("1"), "explanationQuestion", question,
                "replyDays", 3));
    }

    private long submit(long cycle, String unit, int points) {
        long assessment = support.assessmentOf(cycle, unit);
        String officer = "canbo." + unit.toLowerCase();
        JsonNode task = support.awaitTask(officer, UnitAssessment.SELF_ASSESSMENT, forAssessment(assessment));
        support.ok(officer, HttpMethod.PUT, "/api/assessments/" + assessment, Map.of("items", Map.of(
                "1", Map.of("points", points, "evidence", List.of("Báo cáo hạ tầng.pdf"),
                        "explanation", "Tự chấm theo báo cáo hạ tầng"),
                "2", Map.of("met", true, "explanation", "Có trang thông tin điện tử"))));
        support.complete(officer, task, Map.of());
        support.awaitAssessmentStatus(officer, assessment, "SUBMITTED");
        return assessment;
    }
}
