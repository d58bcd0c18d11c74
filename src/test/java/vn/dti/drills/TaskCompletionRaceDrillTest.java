package vn.dti.drills;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.dti.cycle.ProcessTestSupport;
import vn.dti.workflow.EngineClock;
import vn.dti.workflow.ProcessModel.Appraisal;
import vn.dti.workflow.ProcessModel.UnitAssessment;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dti.cycle.ProcessTestSupport.forAssessment;

/**
 * Issue 10, failure 4: parallel completions of one task both answered 200 and were both audited, one silently
 * winning. Now one wins (200, one audit entry, the process goes its way) and every other is told 409 and why.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TaskCompletionRaceDrillTest {

    private static final String COUNCIL = "hoidong.tn-h01";
    private static final String OFFICER = "canbo.tn-x001";

    @Autowired
    TestRestTemplate http;
    @Autowired
    EngineClock clock;
    @Autowired
    JdbcTemplate jdbc;

    ProcessTestSupport support;

    @BeforeEach
    void setUp() {
        support = new ProcessTestSupport(http, clock);
    }

    @Test
    void aSubmissionSentSixTimesAtOnceCompletesTheTaskOnce() {
        long cycle = support.startCycle(support.freshYear(), "XA", "TN-H01");
        long assessment = support.assessmentOf(cycle, "TN-X001");
        JsonNode task = filledTask(assessment);
        long key = task.get("key").asLong();

        List<ResponseEntity<JsonNode>> answers = Crowd.at(6, i ->
                support.call(OFFICER, HttpMethod.POST, "/api/tasks/" + key + "/complete", Map.of()));

        assertThat(answers).filteredOn(a -> a.getStatusCode().value() == 200).hasSize(1);
        assertThat(answers).filteredOn(a -> a.getStatusCode().value() == 409).hasSize(5)
                .allSatisfy(a -> assertThat(a.getBody().get("detail").asText())
                        .contains("công việc này đã được hoàn thành bởi " + OFFICER));
        assertThat(completionsAudited(key)).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from task_completion where task_key = ?", Integer.class, key))
                .isEqualTo(1);
        support.awaitAssessmentStatus(OFFICER, assessment, "SUBMITTED");
    }

    @Test
    void opposingCouncilDecisionsAtOnceLeaveOneDecisionAndTheProcessFollowsIt() {
        int year = support.freshYear();
        long cycle = support.startCycle(year, "XA", "TN-H01");
        long assessment = support.assessmentOf(cycle, "TN-X001");
        JsonNode task = filledTask(assessment);
        support.complete(OFFICER, task, Map.of());
        support.awaitAssessmentStatus(OFFICER, assessment, "SUBMITTED");
        support.advanceTo(OffsetDateTime.parse(year + "-12-01T00:00:01+07:00"));
        support.awaitCycleStatus(cycle, "APPRAISAL");
        long review = support.awaitTask(COUNCIL, Appraisal.COUNCIL_REVIEW, forAssessment(assessment)).get("key").asLong();
        List<String> decisions = List.of("appraise", "request-explanation");

        List<ResponseEntity<JsonNode>> answers = Crowd.at(2, i -> support.call(COUNCIL, HttpMethod.POST,
                "/api/tasks/" + review + "/complete", Map.of("decision", decisions.get(i))));

        assertThat(answers).extracting(a -> a.getStatusCode().value()).containsExactlyInAnyOrder(200, 409);
        int winner = answers.get(0).getStatusCode().value() == 200 ? 0 : 1;
        assertThat(answers.get(1 - winner).getBody().get("detail").asText())
                .contains("công việc này đã được hoàn thành bởi " + COUNCIL);
        List<String> audited = completionsAudited(review);
        assertThat(audited).hasSize(1);
        assertThat(audited.getFirst()).contains(decisions.get(winner));
        if (winner == 0) {
            support.awaitAssessmentStatus(COUNCIL, assessment, "APPRAISED");
        } else {
            support.awaitTask(COUNCIL, Appraisal.REQUEST_EXPLANATION, forAssessment(assessment));
            assertThat(support.assessmentStatus(COUNCIL, assessment)).isEqualTo("SUBMITTED");
        }
    }

    /** The unit's self-assessment task, its entries saved so that it may be submitted. */
    private JsonNode filledTask(long assessment) {
        JsonNode task = support.awaitTask(OFFICER, UnitAssessment.SELF_ASSESSMENT, forAssessment(assessment));
        support.ok(OFFICER, HttpMethod.PUT, "/api/assessments/" + assessment, Map.of("items", Map.of(
                "1", Map.of("points", 40, "evidence", List.of("Báo cáo hạ tầng.pdf"),
                        "explanation", "Tự chấm theo báo cáo hạ tầng"),
                "2", Map.of("met", true, "explanation", "Có trang thông tin điện tử"))));
        return task;
    }

    private List<String> completionsAudited(long key) {
        return jdbc.queryForList("select after::text from audit_log where action = 'task.complete' and subject_id = ?",
                String.class, String.valueOf(key));
    }
}
