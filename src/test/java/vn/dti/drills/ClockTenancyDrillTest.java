package vn.dti.drills;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.dti.workflow.EngineClock;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Issue 10, failures 8 (the clock half) and 5 (the clock's overflowing duration): the embedded engine's clock is one
 * for every province, so a province's administrator moving it fired the other provinces' timers; and an advance past
 * what dates can hold answered 500 after moving the engine. Now only the platform's administrator moves it, and an
 * advance too far is 400 naming the field, with the clock where it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ClockTenancyDrillTest {

    private static final String PASSWORD = "thu-nghiem";
    private static final String PLATFORM_ADMIN = "quantri.nentang";

    @Autowired
    TestRestTemplate http;

    @Autowired
    EngineClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aProvincesAdministratorCannotMoveTheClockEveryProvinceShares() {
        for (String provinceAdmin : new String[] {"quantri.tn", "quantri.bn", "quantri.dlk"}) {
            Instant before = clock.now();

            ResponseEntity<JsonNode> refused = move(provinceAdmin, "{\"advance\": \"P1D\"}");

            assertThat(refused.getStatusCode().value()).as(provinceAdmin).isEqualTo(403);
            assertThat(refused.getBody().get("detail").asText())
                    .isEqualTo("Chỉ quản trị viên nền tảng được dời đồng hồ: đồng hồ chung cho mọi tỉnh");
            assertThat(Duration.between(before, clock.now())).as("the clock did not move a day")
                    .isLessThan(Duration.ofHours(1));
            assertThat(clockMovesBy(provinceAdmin)).isZero();
        }
    }

    @Test
    void thePlatformsAdministratorMovesItAndTheMoveIsAudited() {
        int before = clockMovesBy(PLATFORM_ADMIN);

        ResponseEntity<JsonNode> moved = move(PLATFORM_ADMIN, "{\"advance\": \"PT0S\"}");

        assertThat(moved.getStatusCode().value()).isEqualTo(200);
        assertThat(moved.getBody().get("movable").asBoolean()).isTrue();
        assertThat(clockMovesBy(PLATFORM_ADMIN)).isEqualTo(before + 1);
    }

    @Test
    void anAdvanceBeyondWhatDatesHoldIsRefusedNamingItsFieldAndMovesNothing() {
        String[][] cases = {
                {"{\"advance\": \"P999999999D\"}", "advance", "đồng hồ không dời quá 31/12/9999 23:59"},
                {"{\"advance\": \"P3000000D\"}", "advance", "đồng hồ không dời quá 31/12/9999 23:59"},
                {"{\"advance\": \"P99999999999999999D\"}", "advance", "không đúng kiểu"},
                {"{\"advance\": \"-PT1S\"}", "advance", "đồng hồ chỉ dời tới, không lùi lại"},
                {"{\"to\": \"+999999999-12-31T00:00:00Z\"}", "to", "đồng hồ không dời quá 31/12/9999 23:59"},
                {"{\"to\": \"+10000-01-01T00:00:00+07:00\"}", "to", "đồng hồ không dời quá 31/12/9999 23:59"},
                {"{\"to\": \"10000-01-01T00:00:00+07:00\"}", "to", "không đúng kiểu"},
        };
        for (String[] c : cases) {
            Instant before = clock.now();
            int moves = clockMovesBy(PLATFORM_ADMIN);

            ResponseEntity<JsonNode> refused = move(PLATFORM_ADMIN, c[0]);

            assertThat(refused.getStatusCode().value()).as("%s: %s", c[0], refused.getBody()).isEqualTo(400);
            JsonNode error = refused.getBody().get("errors").get(0);
            assertThat(error.get("field").asText()).as(c[0]).isEqualTo(c[1]);
            assertThat(error.get("reason").asText()).as(c[0]).contains(c[2]);
            assertThat(clock.now()).as("%s moved nothing", c[0])
                    .isCloseTo(before, within(Duration.ofMinutes(1).toMillis(), java.time.temporal.ChronoUnit.MILLIS));
            assertThat(clockMovesBy(PLATFORM_ADMIN)).as("%s audited nothing", c[0]).isEqualTo(moves);
        }
        // The engine still answers, and moves within bounds still work.
        assertThat(move(PLATFORM_ADMIN, "{\"advance\": \"PT0S\"}").getStatusCode().value()).isEqualTo(200);
    }

    private ResponseEntity<JsonNode> move(String user, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, PASSWORD).exchange("/api/engine/clock", HttpMethod.POST,
                new HttpEntity<>(body, headers), JsonNode.class);
    }

    private int clockMovesBy(String user) {
        return jdbc.queryForObject("select count(*) from audit_log where action = 'engine.clock' and actor = ?",
                Integer.class, user);
    }
}
