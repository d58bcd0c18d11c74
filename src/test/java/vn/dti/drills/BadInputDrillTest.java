package vn.dti.drills;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.dti.cycle.ProcessTestSupport;
import vn.dti.workflow.EngineClock;
import vn.dti.workflow.ProcessModel.UnitAssessment;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dti.cycle.ProcessTestSupport.forAssessment;

/**
 * Issue 10, failure 5: more than 50 multipart parts, a NUL in an explanation or a draft, and overflowing numbers
 * answered 500; a 10 MB explanation or 10 000 evidence names were stored and audited. Now each is 400 (413 for the
 * parts) naming the field, and nothing is stored or audited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BadInputDrillTest {

    private static final String OFFICER = "canbo.tn-x001";
    private static final String ADMIN = "quantri.tn";

    @Autowired
    TestRestTemplate http;
    @Autowired
    EngineClock clock;
    @Autowired
    JdbcTemplate jdbc;

    ProcessTestSupport support;
    long cycle;
    long assessment;

    @BeforeEach
    void setUp() {
        support = new ProcessTestSupport(http, clock);
        cycle = support.startCycle(support.freshYear(), "XA", "TN-H01");
        assessment = support.assessmentOf(cycle, "TN-X001");
    }

    @Test
    void moreThanFiftyPartsAre413WithTheLimit() {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("files", new ByteArrayResource("Báo cáo".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "bao-cao.txt";
            }
        });
        for (int i = 0; i < 60; i++) {
            body.add("items", "1");
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<JsonNode> answer = http.withBasicAuth(OFFICER, ProcessTestSupport.PASSWORD).exchange(
                "/api/assessments/" + assessment + "/evidence", HttpMethod.POST, new HttpEntity<>(body, headers),
                JsonNode.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(413);
        assertThat(answer.getBody().get("detail").asText()).contains("tối đa 50 phần");
        assertThat(jdbc.queryForObject("select count(*) from assessment_item where assessment_id = ?", Integer.class,
                assessment)).isZero();
    }

    @Test
    void controlCharactersAreRefusedNamingTheField() {
        assertRefused(save(Map.of("points", 10, "explanation", "Có báo cáo\u0000")), "items.1.explanation",
                "ký tự điều khiển không được phép (mã U+0000) ở vị trí 11");
        long task = support.awaitTask(OFFICER, UnitAssessment.SELF_ASSESSMENT, forAssessment(assessment))
                .get("key").asLong();
        assertRefused(support.call(OFFICER, HttpMethod.PUT, "/api/tasks/" + task + "/draft",
                Map.of("items", List.of(Map.of("code", "1", "explanation", "nháp\u0000")))), "items[0].explanation",
                "mã U+0000");
        assertRefused(support.call(OFFICER, HttpMethod.POST, "/api/tasks/" + task + "/complete",
                Map.of("comment", "chuông\u0007")), "comment", "mã U+0007");
        ResponseEntity<JsonNode> search = http.withBasicAuth(ADMIN, ProcessTestSupport.PASSWORD).exchange(
                URI.create(http.getRootUri() + "/api/evidence/search?q=b%C3%A1o%00c%C3%A1o"), HttpMethod.GET, null,
                JsonNode.class);
        assertRefused(search, "q", "mã U+0000");
        // Tab and line breaks are text.
        assertThat(save(Map.of("points", 10, "explanation", "Dòng một\n\tDòng hai\r\n")).getStatusCode().value())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from task_draft where task_key = ?", Integer.class, task))
                .isZero();
        assertThat(audited()).isEqualTo(1);
    }

    @Test
    void textsBeyondTheirLimitsAreRefusedAndNeitherStoredNorAudited() {
        assertRefused(save(Map.of("points", 10, "explanation", "x".repeat(10_000_000))), "items.1.explanation",
                "dài 10.000.000 ký tự, vượt giới hạn 20.000 ký tự");
        assertRefused(save(Map.of("points", 10, "evidence", Collections.nCopies(10_000, "Báo cáo.pdf"))),
                "items.1.evidence", "10.000 tên tài liệu, vượt giới hạn 200 tài liệu mỗi mục");
        assertRefused(save(Map.of("points", 10, "evidence", List.of("a".repeat(256) + ".pdf"))), "items.1.evidence[0]",
                "vượt giới hạn 255 ký tự");
        assertRefused(support.call(ADMIN, HttpMethod.PUT, "/api/cycles/" + cycle + "/calendar", Map.of(
                        "field", "PUBLICATION_AT", "value", "2099-01-15T08:00:00+07:00", "reason", "lý do ".repeat(400))),
                "reason", "vượt giới hạn 2.000 ký tự");
        assertThat(jdbc.queryForObject("select count(*) from assessment_item where assessment_id = ?", Integer.class,
                assessment)).isZero();
        assertThat(audited()).isZero();
    }

    @Test
    void overflowingNumbersAndDatesAreRefusedNamingTheField() {
        assertRefused(support.call(ADMIN, HttpMethod.POST, "/api/cycles",
                Map.of("province", "TN", "year", Integer.MAX_VALUE, "level", "XA", "group", "TN-H01")), "year",
                "năm từ 2000 đến 9999");
        assertRefused(support.call(ADMIN, HttpMethod.PUT, "/api/cycles/" + cycle + "/calendar", Map.of(
                "field", "PUBLICATION_AT", "value", "+100000-01-15T08:00:00+07:00", "reason", "thử")), "value",
                "quá xa: các mốc của kỳ đánh giá năm ");
        assertRefused(support.call(ADMIN, HttpMethod.POST, "/api/cycles/" + cycle + "/extensions", Map.of(
                "unit", "TN-X001", "deadline", "+999999999-12-31T23:59:59+07:00", "reason", "thử")), "deadline",
                "quá xa: các mốc của kỳ đánh giá năm ");
        // Written by hand: Jackson will not write such a number.
        assertRefused(support.call(OFFICER, HttpMethod.PUT, "/api/assessments/" + assessment,
                "{\"items\": {\"1\": {\"points\": 1E-999999999}}}"), "items.1", "giá trị có quá nhiều chữ số");
        assertThat(audited()).isZero();
    }

    private ResponseEntity<JsonNode> save(Map<String, Object> item) {
        return support.call(OFFICER, HttpMethod.PUT, "/api/assessments/" + assessment, Map.of("items", Map.of("1", item)));
    }

    private int audited() {
        return jdbc.queryForObject("select count(*) from audit_log where subject_type = 'assessment'"
                + " and subject_id like ?", Integer.class, assessment + "/%");
    }

    private static void assertRefused(ResponseEntity<JsonNode> answer, String field, String reason) {
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(400);
        assertThat(answer.getBody().get("errors")).anySatisfy(error -> {
            assertThat(error.get("field").asText()).isEqualTo(field);
            assertThat(error.get("reason").asText()).contains(reason);
        });
    }
}
