package vn.dti.unit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** Provinces, units and indicator sets through the running application's API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CatalogApiTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void listsProvincesWithoutBandsWhichBelongToEachSetsProfile() {
        JsonNode provinces = get("/api/provinces").getBody();

        assertThat(provinces).extracting(p -> p.get("code").asText() + " " + p.get("name").asText())
                .containsExactly("BN Bắc Ninh", "DLK Đắk Lắk", "DV Đơn Vị Thử", "KT Kon Tum", "NA Nghệ An", "QNA Quảng Nam",
                        "TN Thử Nghiệm");
        assertThat(provinces.get(0).has("bandGood")).isFalse();
    }

    @Test
    void listsTheUnitsOfAProvinceByLevel() {
        JsonNode huyen = get("/api/provinces/BN/units?level=HUYEN").getBody();
        assertThat(huyen).hasSize(8);
        assertThat(huyen.get(0).get("name").asText()).isEqualTo("UBND huyện Gia Bình");
        assertThat(get("/api/provinces/BN/units").getBody()).hasSize(25);
        assertThat(get("/api/provinces/DLK/units?level=SO").getBody()).hasSize(18);
    }

    @Test
    void refusesAnUnknownLevelAndAnUnknownProvince() {
        ResponseEntity<JsonNode> badLevel = get("/api/provinces/BN/units?level=TINH");
        assertThat(badLevel.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badLevel.getBody().get("errors").get(0).get("field").asText()).isEqualTo("level");
        assertThat(badLevel.getBody().get("errors").get(0).get("reason").asText()).contains("SO, HUYEN, XA");

        ResponseEntity<JsonNode> unknown = get("/api/provinces/XX/units");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().get("detail").asText()).isEqualTo("Không có tỉnh mã XX");
    }

    @Test
    void listsIndicatorSetsAndShowsOneTree() {
        JsonNode sets = get("/api/indicator-sets?province=BN").getBody();
        assertThat(sets).extracting(s -> s.get("id").asText()).containsExactlyInAnyOrder("BN-SO-2023", "BN-HUYEN-2023");

        JsonNode so = get("/api/indicator-sets/BN-SO-2023").getBody();
        assertThat(so.get("source").get("number").asText()).isEqualTo("1187/QĐ-UBND");
        assertThat(so.get("items")).hasSize(6);
        assertThat(so.get("items").get(5).get("children")).hasSize(19);
        assertThat(so.get("items").get(5).get("points").decimalValue()).isEqualByComparingTo("530");

        assertThat(get("/api/indicator-sets/BN-SO-1999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void documentsTheApiWithOpenApi() {
        JsonNode docs = get("/v3/api-docs").getBody();

        assertThat(docs.get("paths").fieldNames()).toIterable()
                .contains("/api/provinces", "/api/provinces/{code}/units", "/api/indicator-sets",
                        "/api/indicator-sets/{id}", "/api/rankings");
    }

    private ResponseEntity<JsonNode> get(String path) {
        return http.getForEntity(path, JsonNode.class);
    }
}
