package vn.dti.drills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, failure 4: 20 parallel first saves of one item answered 9 × 500 (the row's key taken twice) and left
 * audit entries whose "before" was not what they overwrote; saves on an existing row overwrote each other. Now every
 * save waits for the one before it on that item: none fails, each audit entry's "before" is the previous one's
 * "after", and a save that names the version it read is refused with 409 and what the item holds when another
 * saved first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ItemSaveRaceDrillTest {

    private static final String OFFICER = "canbo.tn-x001";
    private static final int CROWD = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;
    @Autowired
    EngineClock clock;
    @Autowired
    JdbcTemplate jdbc;

    ProcessTestSupport support;
    long assessment;

    @BeforeEach
    void setUp() {
        support = new ProcessTestSupport(http, clock);
        assessment = support.assessmentOf(support.startCycle(support.freshYear(), "XA", "TN-H01"), "TN-X001");
    }

    @Test
    void twentyFirstSavesOfOneItemAtOnceAllLandAndTheAuditChainsWhatEachReplaced() throws Exception {
        List<ResponseEntity<JsonNode>> answers = Crowd.at(CROWD, i -> save(Map.of("points", i)));

        assertThat(answers).extracting(a -> a.getStatusCode().value()).containsOnly(200);
        List<JsonNode[]> changes = audited();
        assertThat(changes).hasSize(CROWD);
        assertThat(changes.getFirst()[0].isNull()).isTrue();
        for (int i = 1; i < CROWD; i++) {
            assertThat(changes.get(i)[0].get("points")).as("entry %d replaced what entry %d left", i, i - 1)
                    .isEqualTo(changes.get(i - 1)[1].get("points"));
            assertThat(changes.get(i)[1].get("version").asLong()).isEqualTo(i + 1);
        }
        JsonNode stored = item();
        assertThat(stored.get("version").asLong()).isEqualTo(CROWD);
        assertThat(stored.get("self").get("points")).isEqualTo(changes.getLast()[1].get("points"));
    }

    @Test
    void savesOnTheVersionOneReadLetOneWinAndTellTheOthersWhatItHoldsNow() throws Exception {
        assertThat(save(Map.of("points", 10, "version", 0)).getStatusCode().value()).isEqualTo(200);
        long read = item().get("version").asLong();

        List<ResponseEntity<JsonNode>> answers = Crowd.at(CROWD, i -> save(Map.of("points", 20 + i, "version", read)));

        assertThat(answers).filteredOn(a -> a.getStatusCode().value() == 200).hasSize(1);
        List<ResponseEntity<JsonNode>> refused = answers.stream().filter(a -> a.getStatusCode().value() == 409).toList();
        assertThat(refused).hasSize(CROWD - 1);
        JsonNode stored = item();
        assertThat(stored.get("version").asLong()).isEqualTo(read + 1);
        for (ResponseEntity<JsonNode> answer : refused) {
            JsonNode conflict = answer.getBody().get("conflicts").get(0);
            assertThat(conflict.get("item").asText()).isEqualTo("1");
            assertThat(conflict.get("version").asLong()).isEqualTo(read + 1);
            assertThat(conflict.get("yourVersion").asLong()).isEqualTo(read);
            assertThat(conflict.get("self").get("points")).isEqualTo(stored.get("self").get("points"));
            assertThat(conflict.get("savedBy").asText()).isEqualTo(OFFICER);
            assertThat(answer.getBody().get("detail").asText()).contains("mục 1 đã được " + OFFICER + " lưu lúc");
        }
        List<JsonNode[]> changes = audited();
        assertThat(changes).hasSize(2);
        assertThat(changes.get(1)[0].get("points").asInt()).isEqualTo(10);
        assertThat(changes.get(1)[1].get("points")).isEqualTo(stored.get("self").get("points"));

        // The loser, told, saves again on what it was shown.
        assertThat(save(Map.of("points", 55, "version", read + 1)).getStatusCode().value()).isEqualTo(200);
        assertThat(item().get("self").get("points").asInt()).isEqualTo(55);
    }

    private ResponseEntity<JsonNode> save(Map<String, Object> item) {
        return support.call(OFFICER, HttpMethod.PUT, "/api/assessments/" + assessment, Map.of("items", Map.of("1", item)));
    }

    private JsonNode item() {
        for (JsonNode item : support.ok(OFFICER, HttpMethod.GET, "/api/assessments/" + assessment, null).get("items")) {
            if (item.get("code").asText().equals("1")) {
                return item;
            }
        }
        throw new AssertionError("mục 1 chưa được lưu");
    }

    /** The item's audit entries, oldest first: [before, after]. */
    private List<JsonNode[]> audited() throws Exception {
        List<JsonNode[]> changes = new ArrayList<>();
        for (Map<String, Object> row : jdbc.queryForList("select before::text as b, after::text as a from audit_log"
                + " where action = 'assessment.self-score' and subject_id = ? order by id", assessment + "/1")) {
            changes.add(new JsonNode[]{JSON.readTree(String.valueOf(row.get("b"))), JSON.readTree((String) row.get("a"))});
        }
        return changes;
    }
}
