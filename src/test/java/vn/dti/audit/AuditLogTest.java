package vn.dti.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import vn.dti.framework.Browser;
import vn.dti.framework.Poll;
import vn.dti.framework.VietnameseFormat;
import vn.dti.workflow.EngineClock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log read through the API and its page: who reads what (the province's administrator and council, a
 * huyện's council for its xã), the filters, paging, and the page at 1280 and 360 px.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuditLogTest {

    private static final String PASSWORD = "thu-nghiem";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Autowired
    TestRestTemplate http;

    @Autowired
    EngineClock clock;

    @LocalServerPort
    int port;

    private static long cycle;
    private static long x001;
    private static Browser browser;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aHuyensCouncilReadsEachScoreChangeOfItsXaWithWhoWhenBeforeAndAfter() {
        fixture();
        List<JsonNode> entries = entries("hoidong.tn-h01", "/api/audit?unit=tn-x001&action=assessment.self-score",
                x001 + "/1");

        assertThat(entries).hasSize(2);
        JsonNode change = entries.get(0);
        assertThat(change.get("actor").asText()).isEqualTo("canbo.tn-x001");
        assertThat(change.get("actionLabel").asText()).isEqualTo("Tự chấm điểm một mục");
        assertThat(change.get("unit").asText()).isEqualTo("TN-X001");
        assertThat(change.get("unitName").asText()).isEqualTo("UBND xã Một A");
        assertThat(change.get("province").asText()).isEqualTo("TN");
        assertThat(change.get("before").get("points").asInt()).isEqualTo(30);
        assertThat(change.get("after").get("points").asInt()).isEqualTo(45);
        assertThat(change.get("atText").asText())
                .isEqualTo(VietnameseFormat.dateTime(Instant.parse(change.get("at").asText())));
        JsonNode entry = entries.get(1);
        assertThat(entry.get("before").isNull()).isTrue();
        assertThat(entry.get("after").get("points").asInt()).isEqualTo(30);
    }

    @Test
    void eachReaderSeesOnlyItsProvinceOrItsHuyensXa() {
        fixture();
        assertThat(call("hoidong.tn-h02", "/api/audit?unit=TN-X001").getStatusCode().value()).isEqualTo(403);
        assertThat(call("quantri.bn", "/api/audit?unit=TN-X001").getStatusCode().value()).isEqualTo(403);
        assertThat(call("chutich.tn-h01", "/api/audit").getStatusCode().value()).isEqualTo(403);
        assertThat(call("canbo.tn-x001", "/api/audit").getStatusCode().value()).isEqualTo(403);

        assertThat(body("hoidong.tn-h02", "/api/audit?size=200").get("entries"))
                .noneMatch(e -> e.path("unit").asText().equals("TN-X001") || isFixtureCycle(e));
        assertThat(body("quantri.bn", "/api/audit?size=200").get("entries"))
                .allMatch(e -> e.path("province").asText().equals("BN") || e.get("subjectType").asText()
                        .equals("engine-clock"));
        for (String reader : List.of("quantri.tn", "hoidong.tn-h01")) {
            assertThat(body(reader, "/api/audit?action=calendar.change").get("entries")).as(reader)
                    .anySatisfy(e -> {
                        assertThat(isFixtureCycle(e)).isTrue();
                        assertThat(e.get("actor").asText()).isEqualTo("quantri.tn");
                        assertThat(e.get("after").get("reason").asText()).isEqualTo("Lùi ngày công bố theo kế hoạch");
                    });
        }
    }

    @Test
    void datesFilterAsTypedInVietnameseOrIsoAndBadFiltersAreNamed() {
        fixture();
        JsonNode latest = entries("quantri.tn", "/api/audit?unit=TN-X001&action=assessment.self-score", x001 + "/1")
                .getFirst();
        LocalDate day = Instant.parse(latest.get("at").asText()).atZone(VietnameseFormat.VIETNAM).toLocalDate();
        String base = "/api/audit?unit=TN-X001&action=assessment.self-score&size=200";

        assertThat(ids("quantri.tn", base + "&from=" + DATE.format(day) + "&to=" + DATE.format(day)))
                .contains(latest.get("id").asLong());
        assertThat(ids("quantri.tn", base + "&from=" + day + "&to=" + day)).contains(latest.get("id").asLong());
        assertThat(ids("quantri.tn", base + "&from=" + DATE.format(day.plusDays(1))))
                .doesNotContain(latest.get("id").asLong());
        assertThat(ids("quantri.tn", base + "&to=" + DATE.format(day.minusDays(1))))
                .doesNotContain(latest.get("id").asLong());

        assertProblem("/api/audit?from=31/02/2025", "from", "'31/02/2025' không phải ngày dd/MM/yyyy hay ISO 8601");
        assertProblem("/api/audit?from=02/03/2025&to=01/03/2025", "to", "ngày kết thúc trước ngày bắt đầu");
        assertProblem("/api/audit?unit=XX-1", "unit", "không có đơn vị mã 'XX-1'");
        assertProblem("/api/audit?size=0", "size", "số dòng mỗi trang từ 1 đến 200, đã nhập 0");
    }

    @Test
    void pagesFollowEachOtherNewestFirst() {
        fixture();
        String base = "/api/audit?unit=TN-X001&size=1";
        JsonNode first = body("quantri.tn", base + "&page=0");
        JsonNode second = body("quantri.tn", base + "&page=1");

        assertThat(first.get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(first.get("entries")).hasSize(1);
        assertThat(second.get("entries")).hasSize(1);
        JsonNode newer = first.get("entries").get(0);
        JsonNode older = second.get("entries").get(0);
        assertThat(Instant.parse(newer.get("at").asText())).isAfterOrEqualTo(Instant.parse(older.get("at").asText()));
        assertThat(newer.get("id").asLong()).isNotEqualTo(older.get("id").asLong());
    }

    @Test
    void theCouncilFiltersThePageAndReadsBeforeAndAfterInWords() {
        fixture();
        browser = Browser.open(port);
        browser.signIn("hoidong.tn-h01", PASSWORD);
        browser.go("/");
        browser.find("header nav a[href='/admin/audit']").click();
        browser.waitUntil(d -> browser.path().startsWith("/admin/audit"));

        new Select(browser.find("#unit")).selectByValue("TN-X001");
        new Select(browser.find("#action")).selectByVisibleText("Tự chấm điểm một mục");
        // Dates are typed the Vietnamese way; the day of the engine's clock (where the tests have moved it).
        String today = DATE.format(clock.now().atZone(VietnameseFormat.VIETNAM).toLocalDate());
        browser.find("#from").sendKeys("01/01/2000");
        browser.find("#to").sendKeys(today + Keys.ENTER);
        browser.waitUntil(d -> browser.path().contains("unit=TN-X001"));

        for (String field : List.of("unit", "action", "from", "to")) {
            assertThat(browser.driver().findElements(By.cssSelector("label[for=" + field + "]"))).as(field).hasSize(1);
        }
        WebElement row = browser.waitUntil(d -> d.findElements(By.cssSelector("table.audit tbody tr")).stream()
                .filter(tr -> tr.getText().contains("phiếu số " + x001 + ", mục 1")).findFirst().orElse(null));
        String text = row.getText();
        assertThat(text).contains("Tự chấm điểm một mục", "canbo.tn-x001", "UBND xã Một A");
        assertThat(row.findElement(By.cssSelector("td[data-label=Trước] dl")).getText()).contains("Điểm", "30");
        assertThat(row.findElement(By.cssSelector("td[data-label=Sau] dl")).getText())
                .contains("Điểm", "45", "Tài liệu kiểm chứng", "Báo cáo hạ tầng.pdf");
        assertThat(row.findElement(By.cssSelector("td.when")).getText()).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
        assertThat(browser.text(".audit-count")).startsWith("Mục 1–");

        assertThat(browser.find("#to").getAttribute("value")).isEqualTo(today);
        // An ISO date in the address is shown the Vietnamese way.
        browser.go("/admin/audit?unit=TN-X001&from=2025-06-05");
        assertThat(browser.find("#from").getAttribute("value")).isEqualTo("05/06/2025");
        browser.go("/admin/audit?unit=TN-X001&action=assessment.self-score");
        browser.find("table.audit");
        assertThat(browser.screenshots("nhat-ky")).as("no sideways scrolling at 360 px").isFalse();

        browser.go("/admin/audit?from=31/02/2025");
        assertThat(browser.text("main .error")).isEqualTo("Từ ngày: '31/02/2025' không phải ngày dd/MM/yyyy hay ISO 8601");
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** An xã cycle of TN-H01 where TN-X001 scores item 1 twice and the administrator moves the publication date. */
    private synchronized void fixture() {
        if (cycle != 0) {
            return;
        }
        // Three centuries ahead: clear of the years the other tests of this JVM take.
        int year = clock.now().atOffset(ZoneOffset.ofHours(7)).getYear() + 300;
        for (int attempt = 0; attempt < 3 && x001 == 0; attempt++) {
            ResponseEntity<JsonNode> started;
            do {
                started = exchange("quantri.tn", HttpMethod.POST, "/api/cycles",
                        Map.of("province", "TN", "year", year++, "level", "XA", "group", "TN-H01"));
            } while (started.getStatusCode().value() == 409);
            assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(201);
            cycle = started.getBody().get("id").asLong();
            x001 = Poll.within(Duration.ofSeconds(20), () -> {
                for (JsonNode a : body("quantri.tn", "/api/cycles/" + cycle).get("assessments")) {
                    if (a.get("unitCode").asText().equals("TN-X001")) {
                        return Optional.of(a.get("id").asLong());
                    }
                }
                return Optional.empty();
            }).orElse(0L);
        }
        assertThat(x001).as("TN-X001's assessment").isNotZero();
        for (int points : new int[] {30, 45}) {
            assertThat(exchange("canbo.tn-x001", HttpMethod.PUT, "/api/assessments/" + x001, Map.of("items", Map.of(
                    "1", Map.of("points", points, "evidence", List.of("Báo cáo hạ tầng.pdf"),
                            "explanation", "Tự chấm theo báo cáo hạ tầng"))))
                    .getStatusCode().value()).isEqualTo(200);
        }
        assertThat(exchange("quantri.tn", HttpMethod.PUT, "/api/cycles/" + cycle + "/calendar", Map.of(
                "field", "PUBLICATION_AT", "value", year + "-02-01T08:00:00+07:00",
                "reason", "Lùi ngày công bố theo kế hoạch")).getStatusCode().value()).isEqualTo(200);
    }

    private boolean isFixtureCycle(JsonNode entry) {
        return entry.get("subjectType").asText().equals("cycle") && entry.get("subjectId").asLong() == cycle;
    }

    private List<JsonNode> entries(String user, String address, String subjectId) {
        List<JsonNode> found = new ArrayList<>();
        body(user, address + "&size=200").get("entries").forEach(e -> {
            if (e.get("subjectId").asText().equals(subjectId)) {
                found.add(e);
            }
        });
        return found;
    }

    private List<Long> ids(String user, String address) {
        List<Long> found = new ArrayList<>();
        body(user, address).get("entries").forEach(e -> found.add(e.get("id").asLong()));
        return found;
    }

    private void assertProblem(String address, String field, String reason) {
        ResponseEntity<JsonNode> response = call("quantri.tn", address);
        assertThat(response.getStatusCode().value()).as(address).isEqualTo(400);
        assertThat(response.getBody().get("errors").get(0).get("field").asText()).isEqualTo(field);
        assertThat(response.getBody().get("errors").get(0).get("reason").asText()).isEqualTo(reason);
    }

    private JsonNode body(String user, String address) {
        ResponseEntity<JsonNode> response = call(user, address);
        assertThat(response.getStatusCode().value()).as(address + ": " + response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    private ResponseEntity<JsonNode> call(String user, String address) {
        return exchange(user, HttpMethod.GET, address, null);
    }

    private ResponseEntity<JsonNode> exchange(String user, HttpMethod method, String address, Object body) {
        return http.withBasicAuth(user, PASSWORD).exchange(address, method, new HttpEntity<>(body), JsonNode.class);
    }
}
