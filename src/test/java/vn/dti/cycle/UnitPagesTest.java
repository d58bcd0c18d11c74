package vn.dti.cycle;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
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
 * The unit officer's pages in headless Chromium: my tasks; the self-assessment rendered from its Camunda Form, kept
 * as a draft while typing, with evidence uploaded beside each item and the checks shown there, then submitted;
 * another unit's task refused; the council's request for explanation answered through the same task page; and the
 * unit's published result next to its group's average.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UnitPagesTest {

    private static final String OFFICER = "canbo.tn-x001";
    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @Autowired
    TestRestTemplate http;
    @Autowired
    EngineClock clock;
    @Autowired
    JdbcTemplate jdbc;

    private ProcessTestSupport support;

    @BeforeEach
    void setUp() {
        support = new ProcessTestSupport(http, clock);
    }

    @Test
    void aUnitSelfAssessesWithEvidenceThroughThePagesAndAnotherUnitIsRefused() throws IOException {
        int year = support.freshYear();
        long cycle = support.startCycle(year, "XA", "TN-H01");
        long assessment = support.assessmentOf(cycle, "TN-X001");
        long key = support.awaitTask(OFFICER, UnitAssessment.SELF_ASSESSMENT, forAssessment(assessment))
                .get("key").asLong();
        String taskPath = "/tasks/" + key;
        // A field of the general information sent empty is left out, not a server error
        assertThat(support.ok(OFFICER, HttpMethod.PUT, "/api/assessments/" + assessment,
                Map.of("generalInfo", java.util.Collections.singletonMap("portal", null))).get("generalInfo").size())
                .isZero();

        // My tasks: the officer lands there after signing in
        browser.signIn(OFFICER, PASSWORD);
        assertThat(browser.path()).isEqualTo("/tasks");
        String card = browser.text("li[data-task='" + key + "']");
        assertThat(card).contains("Tự đánh giá, chấm điểm, đính kèm tài liệu kiểm chứng", "UBND xã Một A",
                "Năm " + year + ", cấp xã thuộc UBND huyện Một", "30/11/" + year).doesNotContain("Quá hạn");
        assertThat(browser.screenshots("cong-viec")).as("no sideways scrolling at 360 px").isFalse();

        // The Camunda Form, in the form-js viewer
        browser.find("li[data-task='" + key + "'] a").click();
        assertThat(browser.path()).isEqualTo(taskPath);
        browser.find("#form .fjs-form");
        assertThat(browser.text("#evidence-1 h3")).isEqualTo("1. Hạ tầng số");
        assertThat(browser.driver().findElements(By.cssSelector("#form input[type=file]"))).isEmpty();

        // Submitting an empty form: the form's own checks, in Vietnamese
        browser.find("#submit").click();
        assertThat(browser.text("#submit-errors")).contains("Biểu mẫu còn ô chưa hợp lệ");
        assertThat(browser.text("#form .fjs-has-errors")).contains("Bắt buộc nhập.");

        browser.typeInForm("general_info_name", "UBND xã Một A");
        browser.typeInForm("general_info_address", "Thôn Đông, xã Một A");
        browser.typeInForm("provider_full_name", "Nguyễn Thị Hoà");
        browser.typeInForm("provider_phone", "0912345678");
        browser.typeInForm("provider_email", "hoa@mota.tn.gov.vn");
        browser.typeInForm("approver_full_name", "Trần Văn Bình");
        browser.typeInForm("approver_position", "Chủ tịch UBND xã");
        // A score above the item's maximum: kept in the draft, refused by the assessment with the reason
        browser.typeInForm("item_points_0", "75");
        browser.waitUntil(d -> browser.content("entry-status").contains("điểm 75 vượt điểm tối đa 60"));
        assertThat(browser.text("#draft-status")).startsWith("Đã lưu nháp lúc ");

        // Reloaded: nothing lost
        browser.go(taskPath);
        browser.find("#form .fjs-form");
        assertThat(browser.formField("item_points_0").getAttribute("value")).isEqualTo("75");
        assertThat(browser.formField("provider_full_name").getAttribute("value")).isEqualTo("Nguyễn Thị Hoà");
        assertThat(browser.text("#draft-status")).matches("Đã lưu nháp lúc \\d\\d:\\d\\d");
        JsonNode draft = support.ok(OFFICER, HttpMethod.GET, "/api/tasks/" + key + "/draft", null);
        assertThat(draft.get("data").get("generalInfo").get("name").asText()).isEqualTo("UBND xã Một A");

        // Corrected: written to the assessment, whose check now shows beside item 1
        // Selected and typed over as a person does: clear() alone sends the form no input event
        browser.formField("item_points_0").sendKeys(Keys.chord(Keys.CONTROL, "a"), "45");
        browser.find("#evidence-1 .checks li[data-code='NO_EVIDENCE']");
        assertThat(browser.text("#evidence-1 .checks")).contains("1");
        browser.waitUntil(d -> browser.content("entry-status").isEmpty());
        JsonNode stored = support.ok(OFFICER, HttpMethod.GET, "/api/assessments/" + assessment, null);
        assertThat(stored.get("items").get(0).get("self").get("points").asInt()).isEqualTo(45);
        assertThat(stored.get("generalInfo").get("provider").get("fullName").asText()).isEqualTo("Nguyễn Thị Hoà");

        // The submission check refuses a score without evidence or explanation, in Vietnamese
        browser.find("#submit").click();
        browser.waitUntil(d -> browser.content("submit-errors").contains("Chưa nộp được phiếu"));
        assertThat(browser.text("#submit-errors")).contains("Mục 1 (Hạ tầng số): có điểm nhưng chưa có tài liệu kiểm chứng");
        assertThat(support.findTask(OFFICER, UnitAssessment.SELF_ASSESSMENT, forAssessment(assessment))).isPresent();

        // Another unit's officer, by the task's address: the 403 page, and nothing changes
        browser.signIn("canbo.tn-x002", PASSWORD);
        browser.go(taskPath);
        browser.waitUntil(d -> browser.pageText().contains("403"));
        assertThat(browser.driver().findElements(By.id("form"))).isEmpty();
        assertThat(support.call("canbo.tn-x002", HttpMethod.GET, taskPath, null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(support.call("canbo.tn-x002", HttpMethod.PUT, "/api/tasks/" + key + "/draft",
                Map.of("generalInfo", Map.of("name", "Xã khác"))).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(jdbc.queryForList("select username from task_draft where task_key = ?", String.class, key))
                .containsExactly(OFFICER);

        // Evidence for item 1: a PDF with Vietnamese text, its upload's progress, the file listed, the check gone
        browser.signIn(OFFICER, PASSWORD);
        browser.go(taskPath);
        browser.find("#form .fjs-form");
        browser.find("#evidence-1 .checks li[data-code='NO_EVIDENCE']");
        Path pdf = Files.createTempDirectory("bang-chung").resolve("Kế hoạch 15-KH-UBND.pdf");
        Files.write(pdf, EvidenceSamples.pdf("Kế hoạch chuyển đổi số", EvidenceSamples.PLAN));
        browser.driver().findElement(By.id("file-1")).sendKeys(pdf.toString());
        assertThat(browser.text("#evidence-1 .chosen")).isEqualTo("Đã chọn: Kế hoạch 15-KH-UBND.pdf");
        browser.find("#evidence-1 .upload-button").click();
        browser.waitUntil(d -> browser.text("#evidence-1 .upload-status").startsWith("Đã tải lên"));
        assertThat(browser.find("#evidence-1 progress").getAttribute("value")).isEqualTo("100");
        assertThat(browser.text("#evidence-1 .files")).isEqualTo("Kế hoạch 15-KH-UBND.pdf");
        browser.waitUntil(d -> d.findElements(By.cssSelector("#evidence-1 .checks li[data-code='NO_EVIDENCE']")).isEmpty());
        assertThat(browser.screenshots("tu-danh-gia")).as("no sideways scrolling at 360 px").isFalse();

        // Submitted: back to my tasks with a notice, the task gone, the draft with it
        browser.find("#submit").click();
        browser.waitUntil(d -> browser.path().startsWith("/tasks?done="));
        assertThat(browser.text(".notice")).startsWith("Đã nộp phiếu tự đánh giá.");
        assertThat(browser.driver().findElements(By.cssSelector("li[data-task='" + key + "']"))).isEmpty();
        support.awaitAssessmentStatus(OFFICER, assessment, "SUBMITTED");
        assertThat(jdbc.queryForObject("select count(*) from task_draft where task_key = ?", Integer.class, key))
                .isZero();
    }

    @Test
    void aUnitAnswersTheCouncilsRequestThroughTheTaskPageThenReadsItsPublishedResult() {
        String council = "hoidong.tn-h02";
        String officer = "canbo.tn-x003";
        int year = support.freshYear();
        long cycle = support.startCycle(year, "XA", "TN-H02");
        long x003 = submit(cycle, "TN-X003");
        long x004 = submit(cycle, "TN-X004");

        // Before publication: a clear note
        browser.signIn(officer, PASSWORD);
        browser.go("/my-result?year=" + year);
        assertThat(browser.text(".not-published")).contains("Kết quả năm " + year + " chưa được công bố.");

        support.advanceTo(OffsetDateTime.parse(year + "-12-01T00:00:01+07:00"));
        support.awaitCycleStatus(cycle, "APPRAISAL");
        JsonNode review = support.awaitTask(council, Appraisal.COUNCIL_REVIEW, forAssessment(x003));
        support.complete(council, review, Map.of("decision", "request-explanation"));
        JsonNode request = support.awaitTask(council, Appraisal.REQUEST_EXPLANATION, forAssessment(x003));
        support.complete(council, request, Map.of("explanationItems", List.of("1"),
                "explanationQuestion", "Đề nghị gửi báo cáo số liệu hạ tầng số.", "replyDays", 3));
        long key = support.awaitTask(officer, Appraisal.ANSWER_EXPLANATION, forAssessment(x003)).get("key").asLong();

        // The answer, through the same task page
        browser.go("/tasks");
        browser.find("li[data-task='" + key + "'] a").click();
        browser.find("#form .fjs-form");
        assertThat(browser.text("h1")).isEqualTo("Đơn vị giải trình");
        assertThat(browser.formField("explanation_question").getAttribute("value"))
                .isEqualTo("Đề nghị gửi báo cáo số liệu hạ tầng số.");
        assertThat(browser.text("#form")).contains("1. Hạ tầng số");
        browser.find("#submit").click();
        assertThat(browser.text("#form .fjs-has-errors")).contains("Bắt buộc nhập.");
        browser.typeInForm("explanation_answer", "Gửi kèm Báo cáo 15/BC-UBND về hạ tầng số.");
        browser.waitUntil(d -> browser.content("draft-status").startsWith("Đã lưu nháp lúc"));
        browser.go("/tasks/" + key);
        browser.find("#form .fjs-form");
        assertThat(browser.formField("explanation_answer").getAttribute("value"))
                .isEqualTo("Gửi kèm Báo cáo 15/BC-UBND về hạ tầng số.");
        browser.find("#submit").click();
        browser.waitUntil(d -> browser.path().startsWith("/tasks?done="));
        assertThat(browser.text(".notice")).isEqualTo("Đã hoàn thành công việc.");
        assertThat(browser.driver().findElements(By.cssSelector("li[data-task='" + key + "']"))).isEmpty();

        review = support.awaitTask(council, Appraisal.COUNCIL_REVIEW, forAssessment(x003));
        JsonNode explanation = support.ok(council, HttpMethod.GET, "/api/assessments/" + x003 + "/explanations", null)
                .get(0);
        assertThat(explanation.get("status").asText()).isEqualTo("ANSWERED");
        assertThat(explanation.get("answer").asText()).isEqualTo("Gửi kèm Báo cáo 15/BC-UBND về hạ tầng số.");
        assertThat(explanation.get("answeredBy").asText()).isEqualTo(officer);

        // The same list serves the council: past the appraisal window, its review is marked late
        support.advanceTo(OffsetDateTime.parse((year + 1) + "-01-01T00:00:01+07:00"));
        browser.signIn(council, PASSWORD);
        browser.go("/tasks");
        assertThat(browser.text("li[data-task='" + review.get("key").asLong() + "']")).contains(
                "Hội đồng xem xét, thẩm định", "UBND xã Hai A", "Năm " + year + ", cấp xã thuộc UBND huyện Hai",
                "31/12/" + year, "Quá hạn");
        browser.signIn(officer, PASSWORD);

        // Appraised, approved, published
        support.complete(council, review, Map.of("decision", "appraise"));
        support.complete(council, support.awaitTask(council, Appraisal.COUNCIL_REVIEW, forAssessment(x004)),
                Map.of("decision", "appraise"));
        support.complete("chutich.tn-h02", support.awaitTask("chutich.tn-h02", Cycle.APPROVE_RANKING, forCycle(cycle)),
                Map.of("approved", true));
        support.awaitCycleStatus(cycle, "AWAITING_PUBLICATION");
        browser.go("/my-result?year=" + year);
        assertThat(browser.text(".not-published")).contains("chưa được công bố");
        support.advanceTo(OffsetDateTime.parse((year + 1) + "-01-15T08:00:01+07:00"));
        support.awaitCycleStatus(cycle, "PUBLISHED");

        // The unit's own result, item by item beside the group's average (the xã that did not report counts 0)
        browser.go("/my-result?year=" + year);
        assertThat(browser.text(".result-facts")).contains("Tổng điểm\n90,00 / 100,00", "Xếp hạng\n1/3",
                "Xếp loại\nTốt", "Trung bình của nhóm\n60,00");
        assertThat(browser.text("tr[data-code='1']")).isEqualTo("1. Hạ tầng số 60,00 50,00 33,33");
        assertThat(browser.text("tr[data-code='2']")).isEqualTo("2. Có trang thông tin điện tử 40,00 40,00 26,67");
        assertThat(browser.pageText()).doesNotContain("Hai B", "Hai C");
        assertThat(browser.screenshots("ket-qua-cua-toi")).as("no sideways scrolling at 360 px").isFalse();

        browser.signIn(council, PASSWORD);
        browser.go("/my-result");
        browser.waitUntil(d -> browser.pageText().contains("403"));
    }

    private long submit(long cycle, String unit) {
        long assessment = support.assessmentOf(cycle, unit);
        String officer = "canbo." + unit.toLowerCase();
        JsonNode task = support.awaitTask(officer, UnitAssessment.SELF_ASSESSMENT, forAssessment(assessment));
        support.ok(officer, HttpMethod.PUT, "/api/assessments/" + assessment, Map.of("items", Map.of(
                "1", Map.of("points", 50, "evidence", List.of("Báo cáo hạ tầng.pdf"),
                        "explanation", "Tự chấm theo báo cáo hạ tầng"),
                "2", Map.of("met", true, "explanation", "Có trang thông tin điện tử"))));
        support.complete(officer, task, Map.of());
        support.awaitAssessmentStatus(officer, assessment, "SUBMITTED");
        return assessment;
    }
}
