package vn.dti.indicator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A version's profile may be corrected by uploading the same items with the new profile, until a cycle uses the
 * version; then the upload is refused and asks for a new version. A bad profile is refused naming the rule.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProfileChangeTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    IndicatorSetCatalog catalog;

    @Test
    void aProfileChangesUntilACycleUsesTheVersion() {
        String version = "8000." + ProcessHandle.current().pid() % 1000;
        String id = "TN-XA-" + version;

        assertThat(upload(set(version, 80)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(catalog.get(id).orElseThrow().profile().bands().good()).isEqualByComparingTo("80");

        assertThat(upload(set(version, 85)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(catalog.get(id).orElseThrow().profile().bands().good()).isEqualByComparingTo("85");
        JsonNode shown = http.getForObject("/api/indicator-sets/" + id, JsonNode.class);
        assertThat(shown.get("profile").get("bands").get("source").asText()).isEqualTo("QĐ 9/QĐ-UBND, Điều 9.2");

        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> cycle = http.withBasicAuth("quantri.tn", "thu-nghiem").postForEntity("/api/cycles",
                new HttpEntity<>(Map.of("province", "TN", "year", 8000, "level", "XA", "group", "TN-H02"), json),
                JsonNode.class);
        assertThat(cycle.getStatusCode()).as(String.valueOf(cycle.getBody())).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<JsonNode> refused = upload(set(version, 95));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().toString()).contains("quy chế (profile) của bộ chỉ số " + id,
                "đã được một kỳ đánh giá sử dụng", "phiên bản mới");
        assertThat(catalog.get(id).orElseThrow().profile().bands().good()).isEqualByComparingTo("85");
    }

    @Test
    void aBadProfileIsRefusedNamingTheRuleAndWhy() {
        ResponseEntity<JsonNode> refused = upload(set("8001." + ProcessHandle.current().pid() % 1000, 40));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("errors").get(0).get("field").asText()).isEqualTo("file");
        assertThat(refused.getBody().get("errors").get(0).get("reason").asText()).isEqualTo("quy chế (profile),"
                + " quy tắc bands: các ngưỡng phải giảm dần trong khoảng 0–100%: good 40 > fair 60 > average 40 > 0");
    }

    private static String set(String version, int good) {
        return """
                province: TN
                level: XA
                version: "%s"
                effectiveFrom: 8000-01-01
                scale: 100
                complete: true
                profile:
                  bands: {source: "QĐ 9/QĐ-UBND, Điều 9.2", good: %d, fair: 60, average: 40}
                  notApplicable: {source: not-stated}
                  evidence: {source: "QĐ 9/QĐ-UBND, Điều 6.2", policy: FILE_OR_EXPLANATION}
                  exclusion: {source: not-stated}
                items:
                  - {code: "1", name: "Hạ tầng số", type: MAIN, points: 60, kind: POINTS}
                  - {code: "2", name: "Có trang thông tin điện tử", type: MAIN, points: 40, kind: YES_NO}
                """.formatted(version, good);
    }

    private ResponseEntity<JsonNode> upload(String yaml) {
        return SetUpload.post(http, "quantri.tn", "quy-che.yaml", yaml);
    }
}
