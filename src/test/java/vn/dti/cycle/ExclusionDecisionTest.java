package vn.dti.cycle;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;
import vn.dti.indicator.SetUpload;
import vn.dti.publication.PublicationService;
import vn.dti.scoring.RankedUnit;
import vn.dti.workflow.EngineClock;
import vn.dti.workflow.ProcessModel.UnitAssessment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dti.cycle.ProcessTestSupport.forAssessment;

/**
 * Exclusion as the council's decision, under a profile that allows it as Quảng Nam's (003 II.2.b: "Sở TTTT chủ trì
 * xem xét để loại trừ"): a criterion with data for 1 of 3 xã is proposed, still scored until the council excludes it
 * with a reason; a criterion with data for everyone cannot be excluded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ExclusionDecisionTest {

    private static final String COUNCIL = "hoidong.tn-h02";

    @Autowired
    TestRestTemplate http;
    @Autowired
    EngineClock clock;
    @Autowired
    PublicationService publications;

    @Test
    void aProposedCriterionWaitsForTheCouncilsDecision() {
        ProcessTestSupport support = new ProcessTestSupport(http, clock);
        int year = 7000 + (int) (ProcessHandle.current().pid() % 500);
        uploadSetWithExclusion(year);
        long cycle = support.ok("quantri.tn", HttpMethod.POST, "/api/cycles",
                Map.of("province", "TN", "year", year, "level", "XA", "group", "TN-H02")).get("id").asLong();
        selfAssess(support, cycle, "TN-X003", Map.of("1", Map.of("points", 40, "explanation", "Báo cáo hạ tầng"),
                "2", Map.of("met", true, "explanation", "Có trang")));
        selfAssess(support, cycle, "TN-X004", Map.of("1", Map.of("points", 30, "explanation", "Báo cáo hạ tầng")));
        selfAssess(support, cycle, "TN-X005", Map.of("1", Map.of("points", 20, "explanation", "Báo cáo hạ tầng")));

        JsonNode proposals = support.ok(COUNCIL, HttpMethod.GET, "/api/cycles/" + cycle + "/exclusions", null);
        assertThat(proposals).hasSize(1);
        assertThat(proposals.get(0).get("item").asText()).isEqualTo("2");
        assertThat(proposals.get(0).get("withData").asInt()).isEqualTo(1);
        assertThat(proposals.get(0).get("inScope").asInt()).isEqualTo(3);
        assertThat(proposals.get(0).get("excluded").isNull()).isTrue();
        // undecided: still scored, X003 has 80 of 100
        assertThat(x003(cycle).score().applicableMax()).isEqualByComparingTo("100");

        assertThat(support.call("quantri.tn", HttpMethod.PUT, "/api/cycles/" + cycle + "/exclusions/2",
                Map.of("exclude", true, "reason", "thử")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        var noReason = support.call(COUNCIL, HttpMethod.PUT, "/api/cycles/" + cycle + "/exclusions/2",
                Map.of("exclude", true));
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody().get("errors").get(0).get("field").asText()).isEqualTo("reason");
        var notProposed = support.call(COUNCIL, HttpMethod.PUT, "/api/cycles/" + cycle + "/exclusions/1",
                Map.of("exclude", true, "reason", "thử"));
        assertThat(notProposed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notProposed.getBody().get("errors").get(0).get("reason").asText())
                .startsWith("tiêu chí 1 không được đề xuất loại trừ");

        JsonNode decided = support.ok(COUNCIL, HttpMethod.PUT, "/api/cycles/" + cycle + "/exclusions/2",
                Map.of("exclude", true, "reason", "Chỉ 1/3 xã có số liệu do hệ thống chưa triển khai"));
        assertThat(decided.get("excluded").asBoolean()).isTrue();
        assertThat(decided.get("decidedBy").asText()).isEqualTo(COUNCIL);
        // excluded for everyone: X003 has 40 of 60
        RankedUnit x003 = x003(cycle);
        assertThat(x003.score().applicableMax()).isEqualByComparingTo("60");
        assertThat(x003.score().total()).isEqualByComparingTo("40");
        JsonNode audit = support.ok("quantri.tn", HttpMethod.GET, "/api/audit?action=cycle.exclusion", null);
        assertThat(audit.toString()).contains("\"item\":\"2\"", "Chỉ 1/3 xã có số liệu");
    }

    private RankedUnit x003(long cycle) {
        return publications.rank(cycle).units().stream()
                .filter(unit -> unit.score().unitCode().equals("TN-X003")).findFirst().orElseThrow();
    }

    private static void selfAssess(ProcessTestSupport support, long cycle, String unit, Map<String, Object> items) {
        long assessment = support.assessmentOf(cycle, unit);
        String officer = "canbo." + unit.toLowerCase();
        JsonNode task = support.awaitTask(officer, UnitAssessment.SELF_ASSESSMENT, forAssessment(assessment));
        support.ok(officer, HttpMethod.PUT, "/api/assessments/" + assessment, Map.of("items", items));
        support.complete(officer, task, Map.of());
        support.awaitAssessmentStatus(officer, assessment, "SUBMITTED");
    }

    private void uploadSetWithExclusion(int year) {
        String yaml = """
                province: TN
                level: XA
                version: "%d"
                effectiveFrom: %d-01-01
                scale: 100
                complete: true
                profile:
                  bands: {source: not-stated}
                  notApplicable: {source: not-stated}
                  evidence: {source: "Quy chế thử, Điều 6.2", policy: FILE_OR_EXPLANATION}
                  exclusion: {source: "Quy chế thử theo QĐ 2326/QĐ-UBND mục II.2.b", belowShare: 0.5,
                              decidedBy: "Sở Thông tin và Truyền thông"}
                items:
                  - {code: "1", name: "Hạ tầng số", type: MAIN, points: 60, kind: POINTS}
                  - {code: "2", name: "Có trang thông tin điện tử", type: MAIN, points: 40, kind: YES_NO}
                """.formatted(year, year);
        assertThat(SetUpload.post(http, "quantri.tn", "loai-tru.yaml", yaml).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }
}
