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
import vn.dti.workflow.ProcessModel.UnitAssessment;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dti.cycle.ProcessTestSupport.forAssessment;

/** Every path of a unit's self-assessment, driven through the API and the engine's clock. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UnitAssessmentProcessTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    EngineClock clock;
    @Autowired
    io.camunda.zeebe.process.test.api.ZeebeTestEngine engine;

    ProcessTestSupport support;

    @BeforeEach
    void setUp() {
        support = new ProcessTestSupport(http, clock);
    }

    static Map<String, Object> goodSheet() {
        return Map.of("generalInfo", Map.of("name", "UBND xã Một A"), "items", Map.of(
                "1", Map.of("points", 50, "evidence", List.of("Báo cáo số 12/BC-UBND.pdf"),
                        "explanation", "Tự chấm theo Báo cáo số 12/BC-UBND"),
                "2", Map.of("met", true, "explanation", "Trang thông tin tại mota.tn.gov.vn")));
    }

    @Test
    void submittedOnTime() {
        int year = support.freshYear();
        long cycle = support.startCycle(year, "XA", "TN-H01");
        long assessment = support.assessmentOf(cycle, "TN-X001");
        JsonNode task = support.awaitTask("canbo.tn-x001", UnitAssessment.SELF_ASSESSMENT, forAssessment(assessment));
        assertThat(task.get("dueDate").asText()).startsWith(year + "-11-30T23:59:59");

        support.ok("canbo.tn-x001", HttpMethod.PUT, "/api/assessments/" + assessment, goodSheet());
        support.complete("canbo.tn-x001", task, Map.of());

        support.awaitAssessmentStatus("canbo.tn-x001", assessment, "SUBMITTED");
        support.awaitTaskGone("canbo.tn-x001", task);
    }

    @Test
    void sentBackWithTheReasonsThenSubmitted() {
        int year = support.freshYear();
        long cycle = support.startCycle(year, "XA", "TN-H01");
        long assessment = support.assessmentOf(cycle, "TN-X001");
        JsonNode task = support.awaitTask("canbo.tn-x001", UnitAssessment.SELF_ASSESSMENT, forAssessment(assessment));
        support.ok("canbo.tn-x001", HttpMethod.PUT, "/api/assessments/" + assessment,
                Map.of("items", Map.of("1", Map.of("points", 40))));

        support.complete("canbo.tn-x001", task, Map.of());

        JsonNode again = support.awaitTask("canbo.tn-x001", UnitAssessment.SELF_ASSESSMENT,
                variables -> variables.path("assessmentId").asLong() == assessment
                        && variables.path("rejectionReasons").asText().contains("Mục 1"));
        assertThat(again.get("variables").get("rejectionReasons").asText())
                .contains("có điểm nhưng chưa có tài liệu kiểm chứng hoặc giải trình");
        assertThat(support.assessmentStatus("canbo.tn-x001", assessment)).isEqualTo("OPEN");

        support.ok("canbo.tn-x001", HttpMethod.PUT, "/api/assessments/" + assessment, goodSheet());
        support.complete("canbo.tn-x001", again, Map.of());
        support.awaitAssessmentStatus("canbo.tn-x001", assessment, "SUBMITTED");
    }

    @Test
    void remindedThenClosedAsNotReportedAtTheDeadline() {
        int year = support.freshYear();
        long cycle = support.startCycle(year, "XA", "TN-H01");
        long assessment = support.assessmentOf(cycle, "TN-X002");
        support.awaitTask("canbo.tn-x002", UnitAssessment.SELF_ASSESSMENT, forAssessment(assessment));

        support.advanceTo(OffsetDateTime.parse(year + "-11-24T00:00:00+07:00"));
        ProcessTestSupport.await("nhắc hạn", () -> java.util.Optional.of(support.ok("canbo.tn-x002",
                HttpMethod.GET, "/api/assessments/" + assessment, null)).filter(a -> a.get("notifications").size() == 1));

        support.advanceTo(OffsetDateTime.parse(year + "-12-01T00:00:01+07:00"));
        support.awaitAssessmentStatus("canbo.tn-x002", assessment, "NOT_REPORTED");
        assertThat(support.findTask("canbo.tn-x002", UnitAssessment.SELF_ASSESSMENT, forAssessment(assessment))).isEmpty();
        JsonNode notifications = support.ok("canbo.tn-x002", HttpMethod.GET, "/api/assessments/" + assessment, null)
                .get("notifications");
        assertThat(notifications).hasSize(2);
        assertThat(notifications.get(0).asText()).contains("30/11/" + year);
    }

    @Test
    void savingAnEntryWithoutEvidenceKeepsTheEvidenceTheItemHas() {
        int year = support.freshYear();
        long cycle = support.startCycle(year, "XA", "TN-H01");
        long assessment = support.assessmentOf(cycle, "TN-X001");
        support.ok("canbo.tn-x001", HttpMethod.PUT, "/api/assessments/" + assessment, goodSheet());

        JsonNode saved = support.ok("canbo.tn-x001", HttpMethod.PUT, "/api/assessments/" + assessment,
                Map.of("items", Map.of("1", Map.of("points", 45))));

        JsonNode item = saved.get("items").findParents("code").stream()
                .filter(node -> node.get("code").asText().equals("1")).findFirst().orElseThrow();
        assertThat(item.get("self").get("points").asInt()).isEqualTo(45);
        assertThat(item.get("evidence")).extracting(JsonNode::asText).containsExactly("Báo cáo số 12/BC-UBND.pdf");
    }

    @Test
    void aWorkerThatKeepsFailingBecomesAnIncidentWithItsMessage() {
        int year = support.freshYear();
        long cycle = support.startCycle(year, "XA", "TN-H01");
        long assessment = support.assessmentOf(cycle, "TN-X002");
        JsonNode task = support.awaitTask("canbo.tn-x002", UnitAssessment.SELF_ASSESSMENT, forAssessment(assessment));

        // As Tasklist would send them: rows of the form, one with a score above its maximum
        support.complete("canbo.tn-x002", task, Map.of("items", List.of(Map.of("code", "1", "points", 75))));

        String message = ProcessTestSupport.await("sự cố", () -> incidentMessage(task.get("processInstanceKey").asLong()));
        assertThat(message).contains("điểm 75 vượt điểm tối đa 60");
        assertThat(support.assessmentStatus("canbo.tn-x002", assessment)).isEqualTo("OPEN");
    }

    private java.util.Optional<String> incidentMessage(long processInstanceKey) {
        for (var record : engine.getRecordStreamSource().getRecords()) {
            if (record.getValue() instanceof io.camunda.zeebe.protocol.record.value.IncidentRecordValue incident
                    && record.getIntent() == io.camunda.zeebe.protocol.record.intent.IncidentIntent.CREATED
                    && incident.getProcessInstanceKey() == processInstanceKey) {
                return java.util.Optional.of(incident.getErrorMessage());
            }
        }
        return java.util.Optional.empty();
    }

    @Test
    void anOfficerCannotSeeOrCompleteAnotherUnitsTask() {
        int year = support.freshYear();
        long cycle = support.startCycle(year, "XA", "TN-H01");
        long assessment = support.assessmentOf(cycle, "TN-X001");
        JsonNode task = support.awaitTask("canbo.tn-x001", UnitAssessment.SELF_ASSESSMENT, forAssessment(assessment));

        assertThat(support.findTask("canbo.tn-x002", UnitAssessment.SELF_ASSESSMENT, forAssessment(assessment))).isEmpty();
        var completion = support.call("canbo.tn-x002", HttpMethod.POST, "/api/tasks/" + task.get("key").asLong()
                + "/complete", Map.of());
        assertThat(completion.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(support.call("canbo.tn-x002", HttpMethod.PUT, "/api/assessments/" + assessment, goodSheet())
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(support.call("canbo.tn-x002", HttpMethod.GET, "/api/assessments/" + assessment, null)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/tasks", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        assertThat(support.findTask("canbo.tn-x001", UnitAssessment.SELF_ASSESSMENT, forAssessment(assessment))).isPresent();
        assertThat(support.assessmentStatus("canbo.tn-x001", assessment)).isEqualTo("OPEN");
    }
}
