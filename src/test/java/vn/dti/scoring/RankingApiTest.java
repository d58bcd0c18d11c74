package vn.dti.scoring;

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
import vn.dti.indicator.IndicatorNode;
import vn.dti.indicator.IndicatorSetCatalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/rankings against the running application, with Bắc Ninh's Sở set and units. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RankingApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    IndicatorSetCatalog sets;

    @Test
    void ranksAPostedSheetAndListsUnitsThatDidNotReportLast() {
        Map<String, Object> perfect = fullMarks();
        Map<String, Object> partial = new LinkedHashMap<>(perfect);
        partial.put("6.4", Map.of("self", Map.of("numerator", 80, "denominator", 100),
                "appraised", Map.of("numerator", 60, "denominator", 100)));
        partial.put("1.1", Map.of("self", Map.of("notApplicable", true)));

        ResponseEntity<JsonNode> response = post(Map.of("indicatorSet", "BN-SO-2023", "units", List.of(
                Map.of("unit", "BN-S03", "items", partial),
                Map.of("unit", "BN-S13", "items", perfect),
                Map.of("unit", "BN-S01", "reported", false))));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode group = response.getBody().get("groups").get(0);
        JsonNode units = group.get("units");
        assertThat(units).hasSize(17);
        JsonNode first = units.get(0);
        assertThat(first.get("unitName").asText()).isEqualTo("Sở Thông tin và Truyền thông");
        assertThat(first.get("rank").asInt()).isEqualTo(1);
        assertThat(first.get("totalText").asText()).isEqualTo("1000,00");
        // 002 states no band thresholds: no band, for anyone
        assertThat(first.get("bandLabel").isNull()).isTrue();
        // 1.1 (20) does not apply; 6.4 is appraised at 60% of 30 = 18 instead of 30: 968 of 980, and ranked on the
        // 968 the criteria scored give (002 III.2.d), not rescaled to 987,76
        JsonNode second = units.get(1);
        assertThat(second.get("unitName").asText()).isEqualTo("Sở Công thương");
        assertThat(second.get("totalText").asText()).isEqualTo("968,00");
        assertThat(second.get("applicableMax").decimalValue()).isEqualByComparingTo("980");
        assertThat(second.get("percentText").asText()).isEqualTo("98,78%");
        assertThat(second.get("scaledTotalText").asText()).isEqualTo("968,00");
        JsonNode last = units.get(16);
        assertThat(last.get("rank").asInt()).isEqualTo(3);
        assertThat(last.get("totalText").asText()).isEqualTo("-");
        assertThat(last.get("bandLabel").isNull()).isTrue();
        assertThat(group.get("statistics").get("bandCounts")).isEmpty();
        JsonNode profile = response.getBody().get("profile");
        assertThat(profile.get("bands").get("source").asText()).isEqualTo("not-stated");
        assertThat(profile.get("notApplicable").get("source").asText()).startsWith("QĐ 1187/QĐ-UBND (002), mục III.2.d");
        assertThat(group.get("statistics").get("unitCount").asInt()).isEqualTo(17);
        assertThat(group.get("statistics").get("averageTotalText").asText()).isEqualTo("115,76");
    }

    @Test
    void ranksXaWithinTheirHuyenAndUsesTheProvincesBands() {
        ResponseEntity<JsonNode> response = post(Map.of("indicatorSet", "TN-XA-2024", "units", List.of(
                Map.of("unit", "TN-X001", "items", Map.of("1", Map.of("self", Map.of("points", 50)),
                        "2", Map.of("self", Map.of("met", true)))),
                Map.of("unit", "TN-X002", "items", Map.of("1", Map.of("self", Map.of("points", 30)))),
                Map.of("unit", "TN-X003", "items", Map.of("1", Map.of("self", Map.of("points", 30)),
                        "2", Map.of("self", Map.of("met", true)))),
                Map.of("unit", "TN-X004", "items", Map.of("1", Map.of("self", Map.of("points", 45)))))));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode groups = response.getBody().get("groups");
        assertThat(groups).extracting(group -> group.get("groupName").asText())
                .containsExactly("Các xã thuộc UBND huyện Một", "Các xã thuộc UBND huyện Hai");
        assertThat(groups.get(0).get("units")).extracting(unit -> unit.get("unitName").asText() + " "
                        + unit.get("rank").asInt() + " " + unit.get("bandLabel").asText())
                .containsExactly("UBND xã Một A 1 Tốt", "UBND xã Một B 2 Yếu");
        // 70 is Khá and 45 Trung bình under this province's 85 / 65 / 45 thresholds
        assertThat(groups.get(1).get("units")).extracting(unit -> unit.get("unitName").asText() + " "
                        + unit.get("rank").asInt() + " " + unit.get("bandLabel").asText())
                .containsExactly("UBND xã Hai A 1 Khá", "UBND xã Hai B 2 Trung bình", "UBND thị trấn Hai C 3 Yếu");
        assertThat(groups.get(1).get("statistics").get("averageTotalText").asText()).isEqualTo("38,33");
    }

    @Test
    void refusesScoresAboveTheMaximumOrNegative() {
        assertBadRequest(sheet("1.3", Map.of("self", Map.of("points", 11))),
                "units[0].items.1.3.self.points", "điểm 11 vượt điểm tối đa 10");
        assertBadRequest(sheet("1.3", Map.of("final", Map.of("points", -2))),
                "units[0].items.1.3.final.points", "điểm không được âm");
        assertBadRequest(sheet("6.4", Map.of("self", Map.of("numerator", 120, "denominator", 100))),
                "units[0].items.6.4.self.numerator", "tử số 120 lớn hơn mẫu số 100");
    }

    @Test
    void refusesAValueThatIsNotANumber() {
        assertBadRequest(sheet("1.3", Map.of("self", Map.of("points", "mười"))),
                "units[0].items.1.3.self.points", "giá trị 'mười' không đúng kiểu (số)");
    }

    @Test
    void refusesUnknownUnitsItemsSetsAndFields() {
        assertBadRequest(Map.of("indicatorSet", "BN-SO-2023", "units", List.of(Map.of("unit", "DLK-S01"))),
                "units[0].unit", "không có đơn vị mã 'DLK-S01' cấp sở của tỉnh BN");
        assertBadRequest(sheet("9.9", Map.of("self", Map.of("met", true))),
                "units[0].items.9.9", "không có mục mã 9.9 trong bộ chỉ số BN-SO-2023");
        assertBadRequest(Map.of("indicatorSet", "BN-SO-1999", "units", List.of(Map.of("unit", "BN-S01"))),
                "indicatorSet", "không có bộ chỉ số BN-SO-1999");
        ResponseEntity<JsonNode> misspelt = post(sheet("1.3", Map.of("self", Map.of("pointz", 5))));
        assertThat(misspelt.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(misspelt.getBody().get("errors").get(0).get("field").asText())
                .isEqualTo("units[0].items.1.3.self.pointz");
    }

    @Test
    void exclusionIsADecisionOnlyWhereTheProfileAllowsIt() {
        assertBadRequest(Map.of("indicatorSet", "BN-SO-2023", "units", List.of(Map.of("unit", "BN-S01")),
                        "exclusions", List.of(Map.of("item", "1.1", "exclude", true, "reason", "ít số liệu"))),
                "exclusions", "quy chế của bộ chỉ số BN-SO-2023 không quy định loại trừ tiêu chí: không có quyết định"
                        + " loại trừ nào");
        // Bắc Ninh proposes nothing, however few units have data
        ResponseEntity<JsonNode> few = post(Map.of("indicatorSet", "BN-SO-2023", "units", List.of(
                Map.of("unit", "BN-S01", "items", Map.of("1.1", Map.of("self", Map.of("met", true)))))));
        assertThat(few.getBody().get("groups").get(0).get("proposedExclusions")).isEmpty();
    }

    @Test
    void aNotApplicableClaimIsRefusedWhereTheProfileStatesNone() {
        // Đắk Lắk's 004 states no not-applicable rule: an item is scored, 0 without data
        assertBadRequest(Map.of("indicatorSet", "DLK-SO-2021", "units", List.of(Map.of("unit", "DLK-S01",
                        "items", Map.of("I.1", Map.of("self", Map.of("notApplicable", true)))))),
                "units[0].items.I.1", "quy chế của bộ chỉ số DLK-SO-2021 không quy định mục không áp dụng: mục phải"
                        + " được chấm điểm (không có số liệu thì 0 điểm)");
    }

    @Test
    void refusesAnIncompleteSet() {
        assertBadRequest(Map.of("indicatorSet", "NA-SO-1082", "units", List.of()),
                "units", "bảng điểm không có đơn vị nào");
    }

    private Map<String, Object> fullMarks() {
        Map<String, Object> items = new LinkedHashMap<>();
        for (IndicatorNode leaf : sets.get("BN-SO-2023").orElseThrow().leaves()) {
            Map<String, Object> entry = switch (leaf.kind()) {
                case YES_NO -> Map.of("met", true);
                case RATIO -> Map.of("percent", 100);
                case POINTS -> Map.of("points", leaf.points());
            };
            items.put(leaf.code(), Map.of("self", entry));
        }
        return items;
    }

    private static Map<String, Object> sheet(String code, Map<String, Object> columns) {
        return Map.of("indicatorSet", "BN-SO-2023",
                "units", List.of(Map.of("unit", "BN-S01", "items", Map.of(code, columns))));
    }

    private void assertBadRequest(Map<String, Object> body, String field, String reason) {
        ResponseEntity<JsonNode> response = post(body);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("title").asText()).isEqualTo("Dữ liệu không hợp lệ");
        assertThat(response.getBody().get("errors")).anySatisfy(error -> {
            assertThat(error.get("field").asText()).isEqualTo(field);
            assertThat(error.get("reason").asText()).isEqualTo(reason);
        });
    }

    private ResponseEntity<JsonNode> post(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/rankings", new HttpEntity<>(body, headers), JsonNode.class);
    }
}
