package vn.dti.cycle;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;
import vn.dti.evidence.EvidenceSamples;
import vn.dti.framework.Browser;
import vn.dti.workflow.EngineClock;
import vn.dti.workflow.ProcessModel.Appraisal;
import vn.dti.workflow.ProcessModel.Cycle;
import vn.dti.workflow.ProcessModel.UnitAssessment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dti.cycle.ProcessTestSupport.PASSWORD;
import static vn.dti.cycle.ProcessTestSupport.forAssessment;
import static vn.dti.cycle.ProcessTestSupport.forCycle;

/**
 * A whole year of the xã of TN-H01 walked through the pages in headless Chromium, each step by the person who takes
 * it: the unit self-assesses with evidence, the council asks for an explanation, the unit answers, the council
 * appraises, the chairman approves, and the public page shows the ranking. On the way, another unit's officer tries
 * the first unit's pages by their addresses and is refused. Only the second unit's self-assessment and the engine's
 * clock are driven through the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WholeCyclePagesTest {

    private static final String OFFICER = "canbo.tn-x001";
    private static final String OTHER_OFFICER = "canbo.tn-x002";
    private static final String COUNCIL = "hoidong.tn-h01";
    private static final String CHAIRMAN = "chutich.tn-h01";

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @Autowired
    TestRestTemplate http;
    @Autowired
    EngineClock clock;

    @Test
    void aYearFromSelfAssessmentToThePublishedRanking() throws IOException {
        ProcessTestSupport support = new ProcessTestSupport(http, clock);
        int year = support.freshYear();
        long cycle = support.startCycle(year, "XA", "TN-H01");
        long x001 = support.assessmentOf(cycle, "TN-X001");
        long x002 = support.assessmentOf(cycle, "TN-X002");
        long selfAssessment = support.awaitTask(OFFICER, UnitAssessment.SELF_ASSESSMENT, forAssessment(x001))
                .get("key").asLong();

        // The unit self-assesses on its task page, with a plan as evidence for item 1.
        browser.signIn(OFFICER, PASSWORD);
        browser.find("li[data-task='" + selfAssessment + "'] a").click();
        browser.find("#form .fjs-form");
        browser.typeInForm("general_info_name", "UBND xã Một A");
        browser.typeInForm("general_info_address", "Thôn Đông, xã Một A");
        browser.typeInForm("provider_full_name", "Nguyễn Thị Hoà");
        browser.typeInForm("provider_phone", "0912345678");
        browser.typeInForm("provider_email", "hoa@mota.tn.gov.vn");
        browser.typeInForm("approver_full_name", "Trần Văn Bình");
        browser.typeInForm("approver_position", "Chủ tịch UBND xã");
        browser.typeInForm("item_points_0", "50");
        browser.find("#evidence-1 .checks li[data-code='NO_EVIDENCE']");
        Path pdf = Files.createTempDirectory("ca-nam").resolve("Kế hoạch 15-KH-UBND.pdf");
        Files.write(pdf, EvidenceSamples.pdf("Kế hoạch chuyển đổi số", EvidenceSamples.PLAN));
        browser.driver().findElement(By.id("file-1")).sendKeys(pdf.toString());
        browser.find("#evidence-1 .upload-button").click();
        browser.waitUntil(d -> browser.text("#evidence-1 .upload-status").startsWith("Đã tải lên"));
        browser.waitUntil(d -> d.findElements(By.cssSelector("#evidence-1 .checks li[data-code='NO_EVIDENCE']")).isEmpty());
        browser.waitUntil(d -> browser.content("entry-status").isEmpty());

        // Another unit's officer, by the addresses of this unit's pages: refused, and nothing changes.
        browser.signIn(OTHER_OFFICER, PASSWORD);
        for (String page : List.of("/tasks/" + selfAssessment, "/council/assessments/" + x001)) {
            browser.go(page);
            browser.waitUntil(d -> browser.pageText().contains("403"));
            assertThat(browser.driver().findElements(By.id("form"))).as(page).isEmpty();
            assertThat(browser.pageText()).as(page).doesNotContain("Nguyễn Thị Hoà");
            assertThat(http.withBasicAuth(OTHER_OFFICER, PASSWORD).getForEntity(page, String.class).getStatusCode())
                    .as(page).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(support.call(OTHER_OFFICER, HttpMethod.GET, "/api/assessments/" + x001, null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(support.findTask(OFFICER, UnitAssessment.SELF_ASSESSMENT, forAssessment(x001))).isPresent();

        browser.signIn(OFFICER, PASSWORD);
        browser.go("/tasks/" + selfAssessment);
        browser.find("#form .fjs-form");
        assertThat(browser.text("#evidence-1 .files")).isEqualTo("Kế hoạch 15-KH-UBND.pdf");
        submitTask();
        support.awaitAssessmentStatus(OFFICER, x001, "SUBMITTED");

        // The other unit submits through the API; the appraisal opens after the deadline.
        JsonNode other = support.awaitTask(OTHER_OFFICER, UnitAssessment.SELF_ASSESSMENT, forAssessment(x002));
        support.ok(OTHER_OFFICER, HttpMethod.PUT, "/api/assessments/" + x002, Map.of("items", Map.of(
                "1", Map.of("points", 30, "evidence", List.of("Báo cáo hạ tầng số.pdf"),
                        "explanation", "Tự chấm theo báo cáo hạ tầng số"),
                "2", Map.of("met", true, "explanation", "Trang thông tin điện tử của xã đang hoạt động"))));
        support.complete(OTHER_OFFICER, other, Map.of());
        support.awaitAssessmentStatus(OTHER_OFFICER, x002, "SUBMITTED");
        support.advanceTo(OffsetDateTime.parse(year + "-12-01T09:00:00+07:00"));
        support.awaitTask(COUNCIL, Appraisal.COUNCIL_REVIEW, forAssessment(x001));
        support.awaitTask(COUNCIL, Appraisal.COUNCIL_REVIEW, forAssessment(x002));

        // The council asks the unit to explain item 1.
        browser.signIn(COUNCIL, PASSWORD);
        assertThat(browser.path()).isEqualTo("/council");
        browser.find("#cycle-" + cycle + " a[href='/council/assessments/" + x001 + "']").click();
        browser.waitUntil(d -> browser.path().equals("/council/assessments/" + x001));
        assertThat(browser.text("#item-1 .self-score")).isEqualTo("50,00");
        assertThat(browser.text("#item-1 a.file")).isEqualTo("Kế hoạch 15-KH-UBND.pdf");
        browser.find("#explanation-form input[value='1']").click();
        browser.find("#question").sendKeys("Đề nghị gửi biên bản nghiệm thu mạng LAN.");
        browser.find("#request-explanation").click();
        assertThat(browser.text("[role=status]")).isEqualTo("Đã gửi yêu cầu giải trình cho đơn vị.");

        // The unit answers on its task page.
        long answer = support.awaitTask(OFFICER, Appraisal.ANSWER_EXPLANATION, forAssessment(x001)).get("key").asLong();
        browser.signIn(OFFICER, PASSWORD);
        browser.find("li[data-task='" + answer + "'] a").click();
        browser.find("#form .fjs-form");
        assertThat(browser.formField("explanation_question").getAttribute("value"))
                .isEqualTo("Đề nghị gửi biên bản nghiệm thu mạng LAN.");
        browser.typeInForm("explanation_answer", "Mạng LAN mới phủ 4 trên 5 phòng, theo Biên bản 07/BB-UBND.");
        submitTask();

        // The council reads the answer and appraises: item 1 lowered with its reason, the other unit as it stands.
        support.awaitTask(COUNCIL, Appraisal.COUNCIL_REVIEW, forAssessment(x001));
        browser.signIn(COUNCIL, PASSWORD);
        browser.go("/council/assessments/" + x001);
        assertThat(browser.text("#explanations")).contains("Đơn vị đã giải trình", "07/BB-UBND");
        browser.find("#score-1").sendKeys("40");
        browser.find("#reason-1").sendKeys("Mạng LAN phủ 4/5 phòng theo biên bản 07/BB-UBND.");
        browser.find("#complete-appraisal").click();
        assertThat(browser.text("[role=status]")).startsWith("Đã hoàn thành thẩm định");
        browser.go("/council/assessments/" + x002);
        browser.find("#complete-appraisal").click();
        assertThat(browser.text("[role=status]")).startsWith("Đã hoàn thành thẩm định");
        support.awaitAssessmentStatus(COUNCIL, x001, "APPRAISED");
        support.awaitAssessmentStatus(COUNCIL, x002, "APPRAISED");

        // The chairman approves the ranking.
        support.awaitTask(CHAIRMAN, Cycle.APPROVE_RANKING, forCycle(cycle));
        browser.signIn(CHAIRMAN, PASSWORD);
        assertThat(browser.path()).isEqualTo("/chairman");
        String ranking = "#cycle-" + cycle + " ";
        assertThat(browser.text(ranking + "tr[data-unit='TN-X002']")).contains("70,00", "Khá");
        browser.find(ranking + "button.approve").click();
        assertThat(browser.text("[role=status]")).isEqualTo("Đã phê duyệt kết quả xếp hạng.");
        support.awaitCycleStatus(cycle, "AWAITING_PUBLICATION");

        // Published in the first quarter: anyone reads the ranking, without signing in.
        String published = "/results/TN/" + year + "/TN-H01";
        browser.driver().manage().deleteAllCookies();
        browser.go(published);
        assertThat(browser.pageText()).doesNotContain("UBND xã Một A");
        support.advanceTo(OffsetDateTime.parse((year + 1) + "-01-15T08:00:01+07:00"));
        support.awaitCycleStatus(cycle, "PUBLISHED");
        browser.go(published);
        assertThat(texts("table.ranking tbody tr")).containsExactly(
                "1 UBND xã Một B 30,00 40,00 70,00 Khá",
                "2 UBND xã Một A 40,00 0,00 40,00 Yếu");
        assertThat(browser.text("table.ranking tfoot tr")).isEqualTo("Giá trị trung bình 35,00 20,00 55,00");
    }

    /** Submits the task page's form and waits for my tasks, or fails with what the page said instead. */
    private static void submitTask() {
        browser.waitUntil(d -> browser.content("draft-status").startsWith("Đã lưu nháp"));
        browser.find("#submit").click();
        browser.waitUntil(d -> browser.path().startsWith("/tasks?done=")
                || !browser.content("submit-errors").isBlank());
        assertThat(browser.path()).as(() -> browser.content("submit-errors")).startsWith("/tasks?done=");
    }

    private static List<String> texts(String css) {
        browser.find(css);
        return browser.driver().findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }
}
