package vn.dti.unit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.dti.cycle.ProcessTestSupport;
import vn.dti.framework.AuditLog;
import vn.dti.framework.Browser;
import vn.dti.framework.VietnameseFormat;
import vn.dti.workflow.EngineClock;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The province's administrator adds, renames and retires units through the API and the page, each change audited;
 * bad input is refused naming the field, and a rename or retirement that would change a year still open is refused
 * with the cycle named. Province DV (test data) is this test's own; the open cycle is Thử Nghiệm's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UnitAdministrationTest {

    private static final String PASSWORD = "thu-nghiem";

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditLog audit;
    @Autowired
    EngineClock clock;

    @Test
    void addsRenamesAndRetiresThroughTheApiEachAudited() {
        ResponseEntity<JsonNode> added = call("quantri.dv", HttpMethod.POST, "/api/provinces/DV/units",
                Map.of("code", "DV-S01", "name", "Sở Thử Một", "level", "SO", "aliases", List.of("Sở Thử 1")));
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(added.getBody().get("name").asText()).isEqualTo("Sở Thử Một");
        assertThat(codes("/api/provinces/DV/units?level=SO")).contains("DV-S01");

        ResponseEntity<JsonNode> renamed = call("quantri.dv", HttpMethod.PUT, "/api/provinces/DV/units/DV-S01",
                Map.of("name", "Sở Thử Một Mới", "reason", "Quyết định đổi tên số 1/QĐ-UBND"));
        assertThat(renamed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(renamed.getBody().get("aliases")).extracting(JsonNode::asText)
                .containsExactly("Sở Thử 1", "Sở Thử Một");

        ResponseEntity<JsonNode> retired = call("quantri.dv", HttpMethod.POST,
                "/api/provinces/DV/units/DV-S01/retirement", Map.of("reason", "Sáp nhập vào Sở Thử Hai"));
        assertThat(retired.getStatusCode()).isEqualTo(HttpStatus.OK);
        LocalDate today = LocalDate.ofInstant(clock.now(), VietnameseFormat.VIETNAM);
        assertThat(retired.getBody().get("validUntil").asText()).isEqualTo(today.toString());
        assertThat(codes("/api/provinces/DV/units")).doesNotContain("DV-S01");
        assertThat(codes("/api/provinces/DV/units?retired=true")).contains("DV-S01");
        assertThat(call("quantri.dv", HttpMethod.POST, "/api/provinces/DV/units/DV-S01/retirement",
                Map.of("reason", "lần nữa")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        assertThat(audit.entries("unit", "DV-S01")).extracting(AuditLog.Entry::action, AuditLog.Entry::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("unit.add", "quantri.dv"),
                        org.assertj.core.groups.Tuple.tuple("unit.rename", "quantri.dv"),
                        org.assertj.core.groups.Tuple.tuple("unit.retire", "quantri.dv"));
        assertThat(audit.entries("unit", "DV-S01").get(1).after()).contains("Quyết định đổi tên số 1/QĐ-UBND");
    }

    @Test
    void badInputIsRefusedNamingEachFieldAndNothingIsStored() {
        call("quantri.dv", HttpMethod.POST, "/api/provinces/DV/units",
                Map.of("code", "DV-S20", "name", "Sở Thử Hai Mươi", "level", "SO"));
        int before = count();

        ResponseEntity<JsonNode> refused = call("quantri.dv", HttpMethod.POST, "/api/provinces/DV/units",
                Map.of("code", "DV-S20", "name", "sở  thử hai mươi", "level", "XA"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problems(refused)).containsExactly(
                "code: mã DV-S20 đã dùng cho đơn vị Sở Thử Hai Mươi; mã không dùng lại được",
                "name: tỉnh DV đã có đơn vị tên 'sở thử hai mươi': Sở Thử Hai Mươi (DV-S20)",
                "parent: bắt buộc với đơn vị cấp xã: mã UBND huyện mà xã thuộc về");
        assertThat(problems(call("quantri.dv", HttpMethod.POST, "/api/provinces/DV/units",
                Map.of("code", "S21", "name", " ", "parent", "DV-S20")))).containsExactly(
                "code: mã 'S21' phải bắt đầu bằng 'DV-', tiếp theo là chữ hoa không dấu, chữ số và dấu gạch nối,"
                        + " tối đa 32 ký tự",
                "name: bắt buộc: tên đơn vị như trong văn bản, ví dụ Sở Tài chính",
                "level: bắt buộc: SO (cấp sở), HUYEN (cấp huyện) hoặc XA (cấp xã)");
        assertThat(problems(call("quantri.dv", HttpMethod.PUT, "/api/provinces/DV/units/DV-S20",
                Map.of("name", "Sở Thử Hai Mươi")))).containsExactly(
                "name: tên mới trùng tên hiện tại của đơn vị",
                "reason: bắt buộc: lý do (ví dụ số quyết định sáp nhập, đổi tên)");
        assertThat(call("quantri.bn", HttpMethod.POST, "/api/provinces/DV/units",
                Map.of("code", "DV-S22", "name", "Sở Thử", "level", "SO")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call("quantri.dv", HttpMethod.PUT, "/api/provinces/DV/units/BN-S01",
                Map.of("name", "Sở Khác", "reason", "thử")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aHuyenWithItsXaOrAUnitOfAnOpenCycleIsNotRetiredNorRenamed() {
        call("quantri.dv", HttpMethod.POST, "/api/provinces/DV/units",
                Map.of("code", "DV-H01", "name", "UBND huyện Thử", "level", "HUYEN"));
        call("quantri.dv", HttpMethod.POST, "/api/provinces/DV/units",
                Map.of("code", "DV-X001", "name", "UBND xã Thử", "level", "XA", "parent", "DV-H01"));

        ResponseEntity<JsonNode> withXa = call("quantri.dv", HttpMethod.POST,
                "/api/provinces/DV/units/DV-H01/retirement", Map.of("reason", "Sáp nhập"));
        assertThat(withXa.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(withXa.getBody().get("detail").asText()).isEqualTo("Không ngừng đánh giá được UBND huyện Thử: các"
                + " xã sau còn thuộc huyện này: UBND xã Thử (DV-X001)");

        // A year no other test of this JVM takes (PublicResultsPageTest keeps +60 for itself).
        int year = new ProcessTestSupport(http, clock).freshYear();
        long cycle = call("quantri.tn", HttpMethod.POST, "/api/cycles",
                Map.of("province", "TN", "year", year, "level", "XA", "group", "TN-H02")).getBody().get("id").asLong();
        String before = jdbc.queryForObject("select string_agg(u::text, ';' order by code) from unit u"
                + " where province_code = 'TN'", String.class);
        ResponseEntity<JsonNode> inUse = call("quantri.tn", HttpMethod.PUT, "/api/provinces/TN/units/TN-X003",
                Map.of("name", "UBND xã Hai A Mới", "reason", "Đổi tên"));
        assertThat(inUse.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(inUse.getBody().get("detail").asText()).isEqualTo("Không đổi tên được UBND xã Hai A (TN-X003) khi"
                + " kỳ đánh giá số " + cycle + " (năm " + year + ", Các xã thuộc UBND huyện Hai) chưa công bố và có"
                + " phiếu của đơn vị: chờ kỳ đó công bố kết quả");
        assertThat(call("quantri.tn", HttpMethod.POST, "/api/provinces/TN/units/TN-X003/retirement",
                Map.of("reason", "Sáp nhập")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(jdbc.queryForObject("select string_agg(u::text, ';' order by code) from unit u"
                + " where province_code = 'TN'", String.class)).isEqualTo(before);
    }

    @Test
    void theAdministratorKeepsTheUnitsOnThePage() {
        browser.signIn("quantri.dv", PASSWORD);
        browser.go("/admin/units");
        assertThat(browser.text("h1")).isEqualTo("Đơn vị được đánh giá của tỉnh Đơn Vị Thử");

        addOnPage("DV-S10", "Sở Trang Thử");
        assertThat(browser.text(".notice")).isEqualTo("Đã thêm Sở Trang Thử (DV-S10).");
        assertThat(browser.pageText()).contains("DV-S10 Sở Trang Thử");

        addOnPage("DV-S10", "Sở Trang Thử Khác");
        assertThat(browser.text("#add-problems")).isEqualTo("Mã: mã DV-S10 đã dùng cho đơn vị Sở Trang Thử; mã không"
                + " dùng lại được");
        assertThat(browser.find("#add-name").getAttribute("value")).isEqualTo("Sở Trang Thử Khác");

        new Select(browser.find("#rename-code")).selectByValue("DV-S10");
        browser.find("#rename-name").sendKeys("Sở Trang Thử Mới");
        browser.find("#rename-reason").sendKeys("Quyết định số 2/QĐ-UBND");
        browser.submitAndWait("#rename-unit button[type=submit]");
        assertThat(browser.text(".notice")).startsWith("Đã đổi tên Sở Trang Thử thành Sở Trang Thử Mới");
        assertThat(browser.pageText()).contains("DV-S10 Sở Trang Thử Mới Sở Trang Thử");
        // Every form shows while the province has a unit.
        assertThat(browser.screenshots("don-vi-quan-ly")).as("no sideways scrolling at 360 px").isFalse();

        new Select(browser.find("#retire-code")).selectByValue("DV-S10");
        browser.find("#retire-reason").sendKeys("Sáp nhập theo Quyết định số 3/QĐ-UBND");
        browser.submitAndWait("#retire-unit button[type=submit]");
        String today = VietnameseFormat.date(LocalDate.ofInstant(clock.now(), VietnameseFormat.VIETNAM));
        assertThat(browser.text(".notice")).isEqualTo("Đã ngừng đánh giá Sở Trang Thử Mới từ sau ngày " + today
                + "; kết quả các năm trước giữ nguyên.");
        assertThat(browser.text("#retired-units tr[data-unit=DV-S10]")).isEqualTo("DV-S10 Sở Trang Thử Mới " + today);
    }

    private void addOnPage(String code, String name) {
        browser.find("#add-code").clear();
        browser.find("#add-code").sendKeys(code);
        browser.find("#add-name").clear();
        browser.find("#add-name").sendKeys(name);
        new Select(browser.find("#add-level")).selectByValue("SO");
        browser.submitAndWait("#add-unit button[type=submit]");
    }

    private int count() {
        return jdbc.queryForObject("select count(*) from unit where province_code = 'DV'", Integer.class);
    }

    private List<String> codes(String path) {
        return http.getForObject(path, JsonNode.class).findValuesAsText("code");
    }

    private static List<String> problems(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        return java.util.stream.StreamSupport.stream(response.getBody().get("errors").spliterator(), false)
                .map(e -> e.get("field").asText() + ": " + e.get("reason").asText()).toList();
    }

    private ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, PASSWORD).exchange(path, method, new HttpEntity<>(body, headers),
                JsonNode.class);
    }
}
