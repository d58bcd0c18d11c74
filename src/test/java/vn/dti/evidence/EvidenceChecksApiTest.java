package vn.dti.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.dti.calendar.CalendarService;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks of one Bắc Ninh Sở's assessment over the HTTP API: its entries, evidence and general information written
 * into the tables, its data period from the cycle's calendar (01/10 of the year before – 30/09), the province's rules.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceChecksApiTest {

    private static final String PASSWORD = "thu-nghiem";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CalendarService calendars;

    long s01;
    int year;

    @BeforeAll
    void storeAssessments() {
        EvidenceRows rows = new EvidenceRows(jdbc);
        year = EvidenceRows.freshYear();
        long cycle = rows.cycle("BN", year, "SO", "SO", "BN-SO-2023");
        calendars.createFor(cycle, "BN", year);
        s01 = rows.assessment(cycle, "BN-S01", "BN-SO-2023");
        long s02 = rows.assessment(cycle, "BN-S02", "BN-SO-2023");
        jdbc.update("update assessment set general_info = '{\"civilServants\": 100, \"publicEmployees\": 20}'"
                + " where id = ?", s01);
        item(s01, "1.1", "{\"met\": true}", null);
        item(s01, "1.5", "{\"points\": 15}", null);
        item(s01, "4.3", "{\"numerator\": 50, \"denominator\": 130}", "Danh sách CBCCVC kèm theo");
        item(s01, "6.4", "{\"numerator\": 80, \"denominator\": 100}", null);
        // written before entries were checked on input: the check still reads it
        item(s01, "6.5", "{\"numerator\": 12, \"denominator\": 10}", "Số liệu từ hệ thống một cửa");

        String old = rows.indexed("Quyết định 12/QĐ-BQL", "Quyết định ban hành kế hoạch", "Quyết định",
                "12/QĐ-BQL", LocalDate.of(year - 2, 5, 4));
        rows.link(old, s01, "1.5", "qd-cu.pdf");
        String shared = rows.indexed("Báo cáo văn bản đi", "Báo cáo số văn bản đi ký số", "Báo cáo", null,
                LocalDate.of(year, 3, 1));
        rows.link(shared, s01, "6.4", "bao-cao-6-4.pdf");
        rows.link(shared, s02, "6.4", "bc-van-ban-di.pdf");
    }

    private void item(long assessment, String code, String entry, String explanation) {
        jdbc.update("insert into assessment_item (assessment_id, item_code, self_entry, explanation, evidence)"
                + " values (?, ?, cast(? as jsonb), ?, '[]')", assessment, code, entry, explanation);
    }

    /** Of the shared file, the unit learns nothing: another unit's evidence is never hinted at (issue 10). */
    @Test
    void theUnitSeesEveryFindingWithItsItems() {
        JsonNode result = ok("canbo.bn-s01");

        assertThat(result.get("unit").asText()).isEqualTo("BN-S01");
        assertThat(summary(result)).containsExactly(
                // Bắc Ninh requires a file (002 II.2.c): 4.3's explanation does not replace one
                "NO_EVIDENCE blocking [1.1] Mục 1.1 (Lãnh đạo đơn vị là Trưởng Ban chỉ đạo CĐS của đơn vị): có điểm"
                        + " nhưng chưa có tài liệu kiểm chứng (tệp đã tải lên); quy chế (QĐ 1187/QĐ-UBND (002), mục"
                        + " II.2.c) không nhận giải trình thay tài liệu kiểm chứng.",
                "NO_EVIDENCE blocking [4.3] Mục 4.3 (Tỷ lệ CBCCVC được bồi dưỡng, tập huấn cơ bản về CĐS): có điểm"
                        + " nhưng chưa có tài liệu kiểm chứng (tệp đã tải lên); quy chế (QĐ 1187/QĐ-UBND (002), mục"
                        + " II.2.c) không nhận giải trình thay tài liệu kiểm chứng.",
                "EVIDENCE_OUTSIDE_PERIOD [1.5] Tài liệu «qd-cu.pdf» (số 12/QĐ-BQL) đề ngày 04/05/" + (year - 2)
                        + ", ngoài kỳ số liệu 01/10/" + (year - 1) + " – 30/09/" + year + ".",
                "RATIO_ABOVE_ONE [6.5] Mục 6.5 (Tỷ lệ DVCTT phát sinh hồ sơ trực tuyến): tử số 12 lớn hơn mẫu số 10.",
                "FIGURES_CONTRADICT [4.3] Số CBCCVC làm mẫu số của tỷ lệ được bồi dưỡng, tập huấn về CĐS (mục 4.3)"
                        + " lớn hơn số công chức và viên chức khai ở thông tin chung: mẫu số mục 4.3 = 130, số công"
                        + " chức (thông tin chung) + số viên chức (thông tin chung) = 120.");
    }

    @Test
    void theCouncilLearnsWhichUnitSharesTheFile() {
        JsonNode result = ok("hoidong.bn");

        assertThat(summary(result)).contains("SHARED_FILE [6.4] Tài liệu «bao-cao-6-4.pdf» cũng là tài liệu kiểm"
                + " chứng của Ban Quản lý các khu công nghiệp: cùng một tệp (trùng nội dung).");
        assertThat(ok("chutich.bn").get("checks")).hasSize(6);
    }

    @Test
    void onlyWhoMayReadTheAssessment() {
        assertThat(call("canbo.bn-s02", s01).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call("hoidong.tn-h01", s01).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call("hoidong.bn", 987654321L).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/api/assessments/" + s01 + "/checks", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private ResponseEntity<JsonNode> call(String user, long assessment) {
        return http.withBasicAuth(user, PASSWORD).getForEntity("/api/assessments/" + assessment + "/checks",
                JsonNode.class);
    }

    private JsonNode ok(String user) {
        ResponseEntity<JsonNode> response = call(user, s01);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** "CODE [blocking] [items] message" per finding. */
    private static List<String> summary(JsonNode result) {
        List<String> lines = new ArrayList<>();
        for (JsonNode check : result.get("checks")) {
            List<String> items = new ArrayList<>();
            check.get("items").forEach(item -> items.add(item.asText()));
            lines.add(check.get("code").asText() + (check.get("blocking").asBoolean() ? " blocking " : " ") + items
                    + " " + check.get("message").asText());
        }
        return lines;
    }
}
