package vn.dti.drills;

import com.fasterxml.jackson.databind.JsonNode;
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

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, failure 4: parallel starts of the same cycle answered 500 (the cycle's unique key). Now one starts it and
 * every other is told 409, that it has been opened; one cycle, one process, one audit entry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CycleStartRaceDrillTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    EngineClock clock;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eightStartsOfOneCycleAtOnceOpenItOnceAndTellTheOthers409() {
        ProcessTestSupport support = new ProcessTestSupport(http, clock);
        int year = support.freshYear();

        List<ResponseEntity<JsonNode>> answers = Crowd.at(8, i -> support.call("quantri.tn", HttpMethod.POST,
                "/api/cycles", Map.of("province", "TN", "year", year, "level", "XA", "group", "TN-H02")));

        assertThat(answers).filteredOn(a -> a.getStatusCode().value() == 201).hasSize(1);
        assertThat(answers).filteredOn(a -> a.getStatusCode().value() == 409).hasSize(7)
                .allSatisfy(a -> assertThat(a.getBody().get("detail").asText())
                        .isEqualTo("Kỳ đánh giá năm " + year + " của nhóm TN-H02 tỉnh TN đã được mở"));
        List<Long> cycles = jdbc.queryForList("select id from cycle where province_code = 'TN' and year = ?"
                + " and group_code = 'TN-H02'", Long.class, year);
        assertThat(cycles).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'cycle.start'"
                + " and subject_id = ?", Integer.class, String.valueOf(cycles.getFirst()))).isEqualTo(1);
        // Its process runs: the period opens and the units get their assessments.
        support.assessmentOf(cycles.getFirst(), "TN-X003");
    }
}
