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

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search over the HTTP API, as each role sees it, on files and links written into the tables. Cycles of a year
 * of their own keep the counts to this test's rows; where a query runs across cycles, what is asserted holds
 * whatever other tests stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceSearchApiTest {

    private static final String PASSWORD = "thu-nghiem";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    long h01Cycle;
    long h02Cycle;
    long bnCycle;
    long x001;
    String plan;
    String decision;
    String minorMention;
    String pending;

    @BeforeAll
    void storeEvidence() {
        EvidenceRows rows = new EvidenceRows(jdbc);
        int year = EvidenceRows.freshYear();
        h01Cycle = rows.cycle("TN", year, "XA", "TN-H01", "TN-XA-2024");
        h02Cycle = rows.cycle("TN", year, "XA", "TN-H02", "TN-XA-2024");
        bnCycle = rows.cycle("BN", year, "SO", "SO", "BN-SO-2023");
        x001 = rows.assessment(h01Cycle, "TN-X001", "TN-XA-2024");
        long x002 = rows.assessment(h01Cycle, "TN-X002", "TN-XA-2024");
        long x003 = rows.assessment(h02Cycle, "TN-X003", "TN-XA-2024");
        long s01 = rows.assessment(bnCycle, "BN-S01", "BN-SO-2023");
        long s02 = rows.assessment(bnCycle, "BN-S02", "BN-SO-2023");

        plan = rows.indexed("Kế hoạch số 45/KH-UBND", "ỦY BAN NHÂN DÂN XÃ MỘT A\nSố: 45/KH-UBND\n"
                        + "KẾ HOẠCH\nTriển khai chuyển đổi số năm 2024 trên địa bàn xã",
                "Kế hoạch", "45/KH-UBND", LocalDate.of(2024, 3, 15));
        rows.link(plan, x001, "1", "ke-hoach-cds.pdf");
        rows.link(plan, x001, "2", "KH 45.pdf");
        rows.link(plan, x003, "1", "kh-xa-mot-a.pdf");
        rows.link(rows.indexed("Báo cáo an toàn thông tin", "Báo cáo công tác bảo đảm an toàn thông tin mạng năm"
                + " 2024", "Báo cáo", "12/BC-UBND", LocalDate.of(2024, 6, 1)), x002, "1", "bao-cao-attt.pdf");
        pending = rows.file("PENDING", "Tờ trình", "Tờ trình về chuyển đổi số, chưa đọc xong nội dung", null, null,
                null);
        rows.link(pending, x001, "1", "to-trinh.pdf");

        decision = rows.indexed("Quyết định 1187/QĐ-UBND", "Số: 1187/QĐ-UBND\nQUYẾT ĐỊNH ban hành Bộ chỉ số đánh giá"
                        + " chuyển đổi số. Chuyển đổi số là nhiệm vụ trọng tâm; chuyển đổi số toàn diện.",
                "Quyết định", "1187/QĐ-UBND", LocalDate.of(2023, 10, 6));
        rows.link(decision, s01, "6.4", "qd-1187.pdf");
        rows.link(decision, s01, "6.10", "qd-1187.pdf");
        minorMention = rows.indexed("Báo cáo tổng kết", "Báo cáo tổng kết công tác năm, trong đó có một phần nhỏ về"
                + " chuyển đổi số, còn lại là công tác văn thư, lưu trữ, tài chính, nhân sự và thi đua khen thưởng.",
                "Báo cáo", "99/BC-BQL", LocalDate.of(2024, 1, 20));
        rows.link(minorMention, s02, "1.5", "bao-cao-tong-ket.pdf");
    }

    @Test
    void findsWithoutDiacriticsAndMarksTheOriginalWords() {
        JsonNode result = ok("hoidong.tn-h01", Map.of("q", "chuyen doi so", "cycle", h01Cycle));

        assertThat(result.get("total").asLong()).isEqualTo(1);
        assertThat(result.get("totalExact").asBoolean()).isTrue();
        JsonNode hit = result.get("hits").get(0);
        assertThat(hit.get("sha256").asText()).isEqualTo(plan);
        assertThat(hit.get("unit").asText()).isEqualTo("TN-X001");
        assertThat(hit.get("unitName").asText()).isEqualTo("UBND xã Một A");
        assertThat(hit.get("assessmentId").asLong()).isEqualTo(x001);
        assertThat(texts(hit.get("fileNames"))).containsExactly("KH 45.pdf", "ke-hoach-cds.pdf");
        assertThat(texts(hit.get("items"))).containsExactly("1", "2");
        assertThat(hit.get("kind").asText()).isEqualTo("Kế hoạch");
        assertThat(hit.get("number").asText()).isEqualTo("45/KH-UBND");
        assertThat(hit.get("date").asText()).isEqualTo("15/03/2024");
        assertThat(hit.get("rank").asDouble()).isPositive();
        assertThat(hit.get("snippet").asText()).contains("Triển khai <mark>chuyển đổi số</mark> năm 2024");

        JsonNode accented = ok("hoidong.tn-h01", Map.of("q", "CHUYỂN ĐỔI SỐ", "cycle", h01Cycle));
        assertThat(accented.get("hits").get(0).get("sha256").asText()).isEqualTo(plan);
    }

    @Test
    void neverReturnsAFileNotYetIndexed() {
        JsonNode result = ok("canbo.tn-x001", Map.of("q", "to trinh chua doc xong"));

        assertThat(result.get("total").asLong()).isZero();
        assertThat(shas(ok("canbo.tn-x001", Map.of("q", "chuyen doi so")))).doesNotContain(pending);
    }

    @Test
    void aUnitsOfficerSeesItsOwnUnitOnly() {
        JsonNode result = ok("canbo.tn-x001", Map.of("q", "chuyen doi so", "size", 100));

        assertThat(shas(result)).contains(plan);
        assertThat(result.get("hits").findValuesAsText("unit")).containsOnly("TN-X001");
        assertThat(result.get("hits").findValues("fileNames").stream().flatMap(names -> texts(names).stream()))
                .isNotEmpty().doesNotContain("kh-xa-mot-a.pdf");

        assertThat(call("canbo.tn-x001", Map.of("q", "chuyen doi so", "unit", "TN-X003")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aHuyensCouncilSeesItsOwnXaOnly() {
        assertThat(ok("hoidong.tn-h01", Map.of("q", "chuyen doi so", "cycle", h02Cycle)).get("total").asLong())
                .isZero();

        JsonNode h02 = ok("hoidong.tn-h02", Map.of("q", "chuyen doi so", "cycle", h02Cycle));
        assertThat(h02.get("total").asLong()).isEqualTo(1);
        assertThat(h02.get("hits").get(0).get("unit").asText()).isEqualTo("TN-X003");
        assertThat(texts(h02.get("hits").get(0).get("fileNames"))).containsExactly("kh-xa-mot-a.pdf");

        assertThat(call("hoidong.tn-h01", Map.of("q", "chuyen doi so", "unit", "TN-H01")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theProvincesCouncilSeesItsProvinceRankedByRelevance() {
        JsonNode result = ok("hoidong.bn", Map.of("q", "chuyen doi so", "cycle", bnCycle));

        assertThat(shas(result)).containsExactly(decision, minorMention);
        assertThat(result.get("hits").get(0).get("rank").asDouble())
                .isGreaterThan(result.get("hits").get(1).get("rank").asDouble());
        assertThat(texts(result.get("hits").get(0).get("items"))).containsExactly("6.4", "6.10");
        assertThat(result.get("hits").get(0).get("date").asText()).isEqualTo("06/10/2023");

        assertThat(ok("quantri.bn", Map.of("q", "chuyen doi so", "cycle", bnCycle)).get("total").asLong())
                .isEqualTo(2);
        assertThat(ok("canbo.bn-s01", Map.of("q", "chuyen doi so", "cycle", bnCycle)).get("hits")
                .findValuesAsText("unit")).containsOnly("BN-S01");
        assertThat(call("hoidong.bn", Map.of("q", "chuyen doi so", "province", "TN")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(ok("hoidong.bn", Map.of("q", "chuyen doi so", "cycle", h01Cycle)).get("total").asLong())
                .isZero();
    }

    @Test
    void filtersByUnitItemKindAndProvince() {
        assertThat(shas(ok("hoidong.tn-h01", Map.of("q", "an toan thong tin", "unit", "TN-X002", "cycle",
                h01Cycle)))).hasSize(1);
        assertThat(ok("hoidong.tn-h01", Map.of("q", "an toan thong tin", "unit", "TN-X001", "cycle", h01Cycle))
                .get("total").asLong()).isZero();

        JsonNode byItem = ok("hoidong.tn-h01", Map.of("q", "chuyen doi so", "cycle", h01Cycle, "item", "2"));
        assertThat(shas(byItem)).containsExactly(plan);
        assertThat(texts(byItem.get("hits").get(0).get("items"))).containsExactly("1", "2");
        assertThat(ok("hoidong.tn-h01", Map.of("q", "an toan", "cycle", h01Cycle, "item", "2")).get("total")
                .asLong()).isZero();

        assertThat(shas(ok("hoidong.bn", Map.of("q", "chuyen doi so", "cycle", bnCycle, "kind", "quyet dinh"))))
                .containsExactly(decision);
        assertThat(shas(ok("hoidong.bn", Map.of("q", "chuyen doi so", "cycle", bnCycle, "kind", "Báo cáo",
                "province", "BN")))).containsExactly(minorMention);
    }

    @Test
    void findsADocumentByItsNumber() {
        JsonNode result = ok("hoidong.bn", Map.of("q", "1187/qd-ubnd", "cycle", bnCycle));

        assertThat(shas(result)).containsExactly(decision);
        assertThat(result.get("hits").get(0).get("snippet").asText()).contains("Số: <mark>1187/QĐ-UBND</mark>");
    }

    @Test
    void pagesThroughTheHits() {
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 2; page++) {
            JsonNode result = ok("hoidong.bn", Map.of("q", "chuyen doi so", "cycle", bnCycle, "size", 1,
                    "page", page));
            assertThat(result.get("total").asLong()).isEqualTo(2);
            assertThat(result.get("page").asInt()).isEqualTo(page);
            assertThat(result.get("size").asInt()).isEqualTo(1);
            seen.addAll(shas(result));
        }
        assertThat(seen).containsExactly(decision, minorMention);

        JsonNode beyond = ok("hoidong.bn", Map.of("q", "chuyen doi so", "cycle", bnCycle, "size", 1, "page", 5));
        assertThat(beyond.get("hits")).isEmpty();
        assertThat(beyond.get("total").asLong()).isEqualTo(2);
    }

    @Test
    void ranksOnlyTheMostRecentlyAttachedFilesOfABroadQuery() {
        EvidenceRows rows = new EvidenceRows(jdbc);
        long cycle = rows.cycle("TN", EvidenceRows.freshYear(), "XA", "TN-H01", "TN-XA-2024");
        long assessment = rows.assessment(cycle, "TN-X002", "TN-XA-2024");
        String oldest = rows.indexed("Báo cáo", "Cửa sổ xếp hạng, cửa sổ xếp hạng, cửa sổ xếp hạng.", "Báo cáo", null,
                LocalDate.of(2020, 1, 1));
        rows.link(oldest, assessment, "1", "cu-nhat.pdf");
        List<String> newer = new ArrayList<>();
        for (int day = 0; day < EvidenceSearchQuery.RANK_WINDOW; day++) {
            String text = day == 300 ? "Cửa sổ xếp hạng. Cửa sổ xếp hạng." : "Một lần nói về cửa sổ xếp hạng.";
            newer.add(rows.indexed("Công văn", text, "Công văn", null, LocalDate.of(2021, 1, 1).plusDays(day)));
            rows.link(newer.getLast(), assessment, "1", "cv-" + day + ".pdf");
        }

        JsonNode result = ok("hoidong.tn-h01", Map.of("q", "cua so xep hang", "cycle", cycle, "size", 100));

        assertThat(result.get("total").asLong()).isEqualTo(EvidenceSearchQuery.RANK_WINDOW);
        assertThat(result.get("totalExact").asBoolean()).isFalse();
        assertThat(shas(result).getFirst()).isEqualTo(newer.get(300));
        assertThat(shas(result).subList(1, 100)).containsExactlyElementsOf(
                newer.reversed().stream().filter(sha -> !sha.equals(newer.get(300))).limit(99).toList());

        JsonNode oldOnes = ok("hoidong.tn-h01", Map.of("q", "cua so xep hang -lan", "cycle", cycle));
        assertThat(shas(oldOnes)).containsExactly(oldest, newer.get(300));
        assertThat(oldOnes.get("totalExact").asBoolean()).isTrue();
    }

    /**
     * Every filter narrows the links before the {@value EvidenceSearchQuery#RANK_WINDOW} newest are kept: an older
     * file that a filter names is found, exactly, under more than that many newer matches that it leaves out; without
     * a filter, the answer says there are too many.
     */
    @Test
    void everyFilterAppliesBeforeTheCap() {
        EvidenceRows rows = new EvidenceRows(jdbc);
        int year = EvidenceRows.freshYear();
        int newerYear = EvidenceRows.freshYear();
        long cycle = rows.cycle("TN", year, "XA", "TN-H01", "TN-XA-2024");
        long newerCycle = rows.cycle("TN", newerYear, "XA", "TN-H01", "TN-XA-2024");
        long bnCycle = rows.cycle("BN", year, "SO", "SO", "BN-SO-2023");
        String target = rows.indexed("Quyết định", "Bộ lọc đi trước giới hạn xếp hạng.", "Quyết định", null, null);
        rows.link(target, rows.assessment(cycle, "TN-X001", "TN-XA-2024"), "1", "qd.pdf");
        String bnTarget = rows.indexed("Quyết định", "Bộ lọc đi trước giới hạn xếp hạng.", "Quyết định", null, null);
        rows.link(bnTarget, rows.assessment(bnCycle, "BN-S03", "BN-SO-2023"), "1.1", "qd-bn.pdf");
        long newer = rows.assessment(newerCycle, "TN-X002", "TN-XA-2024");
        for (int i = 0; i <= EvidenceSearchQuery.RANK_WINDOW; i++) {
            rows.link(rows.indexed("Công văn", "Bộ lọc đi trước giới hạn xếp hạng, lần " + i, "Công văn", null, null),
                    newer, "2", "cv-" + i + ".pdf");
        }
        String q = "bo loc di truoc gioi han";

        JsonNode unfiltered = ok("hoidong.tn-h01", Map.of("q", q));
        assertThat(unfiltered.get("totalExact").asBoolean()).isFalse();
        assertThat(unfiltered.get("notice").asText()).isEqualTo("hơn 500 kết quả — hãy thu hẹp tìm kiếm");
        assertThat(filtered("hoidong.tn-h01", q, "unit", "TN-X001")).containsExactly(target);
        assertThat(filtered("hoidong.tn-h01", q, "cycle", cycle)).containsExactly(target);
        assertThat(filtered("hoidong.tn-h01", q, "year", year)).containsExactly(target);
        assertThat(filtered("hoidong.tn-h01", q, "item", "1")).containsExactly(target);
        assertThat(filtered("hoidong.tn-h01", q, "kind", "quyet dinh")).containsExactly(target);
        assertThat(filtered("hoidong.bn", q, "province", "BN")).containsExactly(bnTarget);
    }

    private List<String> filtered(String user, String q, String filter, Object value) {
        JsonNode result = ok(user, Map.of("q", q, filter, value));
        assertThat(result.get("totalExact").asBoolean()).as(filter).isTrue();
        assertThat(result.get("notice").isNull()).as(filter).isTrue();
        return shas(result);
    }

    /** The kind filter reads an index of its own (migration V15), not every file's row. */
    @Test
    void theKindFilterHasAnIndex() {
        assertThat(jdbc.queryForList("select indexdef from pg_indexes where tablename = 'evidence_file'",
                String.class)).anySatisfy(index -> assertThat(index).contains("(doc_kind_key)"));
    }

    @Test
    void refusesBadInputNamingEachField() {
        assertThat(problems(call("hoidong.bn", Map.of()))).containsOnlyKeys("q");
        assertThat(problems(call("hoidong.bn", Map.of("q", "  ")))).containsOnlyKeys("q");
        assertThat(problems(call("hoidong.bn", Map.of("q", "!!! ...")))).containsEntry("q",
                "không có từ nào để tìm trong '!!! ...'");
        assertThat(problems(call("hoidong.bn", Map.of("q", "so", "page", -1, "size", 0))))
                .containsOnlyKeys("page", "size");
        assertThat(problems(call("hoidong.bn", Map.of("q", "so", "size", 101)))).containsEntry("size",
                "số kết quả mỗi trang từ 1 đến 100, đã nhập 101");
        assertThat(problems(call("hoidong.bn", Map.of("q", "so", "page", "hai")))).containsOnlyKeys("page");
        assertThat(problems(call("hoidong.bn", Map.of("q", "so", "page", 5, "size", 100)))).containsEntry("page",
                "chỉ xem được 500 kết quả đầu; trang 5 bắt đầu ở kết quả thứ 501: hãy thêm từ hoặc lọc theo kỳ,"
                        + " đơn vị, mục, loại văn bản");
        assertThat(problems(call("hoidong.bn", Map.of("q", "so", "unit", "BN-S99", "province", "XX",
                "cycle", 987654321)))).containsOnlyKeys("unit", "province", "cycle");
        assertThat(http.getForEntity("/api/evidence/search?q=so", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private ResponseEntity<JsonNode> call(String user, Map<String, Object> parameters) {
        String query = parameters.keySet().stream().map(key -> key + "={" + key + "}")
                .collect(Collectors.joining("&"));
        return http.withBasicAuth(user, PASSWORD).getForEntity("/api/evidence/search?" + query, JsonNode.class,
                parameters);
    }

    private JsonNode ok(String user, Map<String, Object> parameters) {
        ResponseEntity<JsonNode> response = call(user, parameters);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static Map<String, String> problems(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        Map<String, String> problems = new LinkedHashMap<>();
        response.getBody().get("errors").forEach(p -> problems.put(p.get("field").asText(), p.get("reason").asText()));
        return problems;
    }

    private static List<String> shas(JsonNode result) {
        return result.get("hits").findValuesAsText("sha256");
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
