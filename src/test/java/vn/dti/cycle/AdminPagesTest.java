package vn.dti.cycle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import vn.dti.assessment.AssessmentService;
import vn.dti.calendar.CalendarService;
import vn.dti.calendar.CycleCalendar;
import vn.dti.framework.Browser;
import vn.dti.framework.VietnameseFormat;
import vn.dti.workflow.EngineClock;
import vn.dti.workflow.ProcessModel;
import vn.dti.workflow.TaskInbox;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The province administrator's pages in headless Chromium: a cycle opened from the landing page, its calendar
 * changed, refused and extended, its process drawn with where the units stand; the units; and nobody else let in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AdminPagesTest {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @Autowired
    TestRestTemplate http;
    @Autowired
    EngineClock clock;
    @Autowired
    AssessmentService assessments;
    @Autowired
    CalendarService calendars;
    @Autowired
    TaskInbox inbox;

    @Test
    void theAdministratorOpensACycleMovesItsDatesExtendsAUnitAndFollowsItsProcess() {
        int year = new ProcessTestSupport(http, clock).freshYear();
        browser.signIn("quantri.tn", "thu-nghiem");
        assertThat(browser.path()).isEqualTo("/admin");

        long cycleId = openCycle(year);
        assertThat(browser.text(".card.highlight")).contains("Năm " + year).contains("các xã của UBND huyện Một")
                .contains("TN-XA-2024").contains("30/11/" + year);
        assertThat(browser.screenshots("quan-tri")).as("no sideways scrolling at 360 px").isFalse();

        // The same group and year again: the service's refusal, in its words, beside the form.
        submitOpenForm(year);
        assertThat(browser.text("#open-problems")).contains("Kỳ đánh giá năm " + year + " của nhóm TN-H01 tỉnh TN đã được mở");

        long x001 = ProcessTestSupport.assessmentOf(assessments, cycleId, "TN-X001");
        long x002 = ProcessTestSupport.assessmentOf(assessments, cycleId, "TN-X002");
        CycleCalendar calendar = calendars.calendar(cycleId);

        browser.go("/admin/cycles/" + cycleId + "/calendar");
        assertThat(browser.text("li[data-field=APPRAISAL_END] .stage-date")).isEqualTo(text(calendar.appraisalEnd()));

        OffsetDateTime laterEnd = calendar.appraisalEnd().plusDays(2);
        changeDate("APPRAISAL_END", laterEnd, "Hội đồng cần thêm hai ngày để thẩm định");
        assertThat(browser.text(".notice")).isEqualTo("Đã đổi ngày kết thúc thẩm định thành " + text(laterEnd) + ".");
        assertThat(browser.text("#history")).contains("Ngày kết thúc thẩm định")
                .contains(text(calendar.appraisalEnd()) + " → " + text(laterEnd))
                .contains("Hội đồng cần thêm hai ngày để thẩm định").contains("quantri.tn");
        assertThat(calendars.calendar(cycleId).appraisalEnd()).isEqualTo(laterEnd);

        OffsetDateTime beforeDeadline = calendar.selfAssessmentDeadline().minusDays(1);
        changeDate("APPRAISAL_START", beforeDeadline, "Thử bắt đầu thẩm định sớm");
        assertThat(browser.text("li[data-field=APPRAISAL_START] .error-box")).contains("Không đổi được")
                .contains("ngày bắt đầu thẩm định " + text(beforeDeadline) + " phải sau hạn tự đánh giá "
                        + text(calendar.selfAssessmentDeadline()));
        assertThat(calendars.calendar(cycleId).appraisalStart()).isEqualTo(calendar.appraisalStart());
        assertThat(calendars.history(cycleId)).hasSize(1);

        OffsetDateTime extended = calendar.selfAssessmentDeadline().plusDays(3);
        new Select(browser.find("#extension-unit")).selectByValue("TN-X001");
        type("#extension-date", VietnameseFormat.date(extended.toLocalDate()));
        browser.find("#extension-reason").sendKeys("Xã bị mất điện do bão");
        browser.submitAndWait("#extension-form button[type=submit]");
        assertThat(browser.text(".notice")).isEqualTo("Đã gia hạn cho UBND xã Một A đến " + text(extended) + ".");
        assertThat(browser.text("#unit-deadlines tr[data-unit=TN-X001]")).contains(text(extended)).contains("đã gia hạn");
        assertThat(browser.text("#unit-deadlines tr[data-unit=TN-X002]"))
                .contains(text(calendar.selfAssessmentDeadline())).doesNotContain("đã gia hạn");
        assertThat(browser.text("#history")).contains("Gia hạn cho UBND xã Một A (TN-X001)")
                .contains("Xã bị mất điện do bão");
        assertThat(calendars.deadlineFor(cycleId, "TN-X001")).isEqualTo(extended);
        assertThat(browser.screenshots("lich")).as("no sideways scrolling at 360 px").isFalse();

        ProcessTestSupport.taskOf(inbox, ProcessModel.UnitAssessment.SELF_ASSESSMENT, x001);
        ProcessTestSupport.taskOf(inbox, ProcessModel.UnitAssessment.SELF_ASSESSMENT, x002);
        browser.go("/admin/cycles/" + cycleId + "/process");
        browser.find("[data-process=dti-unit-assessment][data-rendered=true] svg");
        WebElement count = browser.find("[data-process=dti-unit-assessment] .djs-overlay .dti-count");
        assertThat(count.getText()).isEqualTo("2");
        assertThat(browser.find("[data-process=dti-cycle] .djs-overlay .dti-count").getText()).isEqualTo("2");
        assertThat(browser.text("li[data-element=self-assessment]"))
                .contains("Tự đánh giá, chấm điểm, đính kèm tài liệu kiểm chứng").contains("TN-X001").contains("TN-X002");
        assertThat(browser.text("[data-element=unit-assessments]")).contains("Đơn vị tự đánh giá");
        assertThat(browser.screenshots("tien-trinh")).as("no sideways scrolling at 360 px").isFalse();
    }

    @Test
    void aDateTheProvincesDecisionDoesNotStateIsAskedForWhenOpeningACycle() {
        int year = new ProcessTestSupport(http, clock).freshYear();
        browser.signIn("quantri.dlk", "thu-nghiem");
        browser.go("/admin");
        assertThat(browser.text("#unstated-dates")).contains("Hạn tự đánh giá (ngày dd/MM/yyyy)")
                .contains("004 không nêu hạn các cơ quan, đơn vị tự đánh giá trên Hệ thống DTI");

        WebElement field = browser.find("#year");
        field.clear();
        field.sendKeys(String.valueOf(year));
        new Select(browser.find("#group")).selectByValue("SO");
        browser.find("#time-SELF_ASSESSMENT_DEADLINE").sendKeys("23:59:59");
        browser.submitAndWait("#open-cycle button[type=submit]");
        assertThat(browser.text("#open-problems")).contains("lịch của tỉnh DLK không định hạn tự đánh giá")
                .contains("quản trị viên nhập ngày này khi mở kỳ");
        assertThat(browser.find("#time-SELF_ASSESSMENT_DEADLINE").getAttribute("value")).isEqualTo("23:59:59");
        assertThat(browser.screenshots("mo-ky-ngay-chua-dinh")).as("no sideways scrolling at 360 px").isFalse();
    }

    @Test
    void theUnitsPageListsEachLevelWithCodesAndAliases() {
        browser.signIn("quantri.tn", "thu-nghiem");
        browser.go("/admin/units");

        assertThat(browser.text("h1")).isEqualTo("Đơn vị được đánh giá của tỉnh Thử Nghiệm");
        assertThat(browser.text("tr:has(td.code)")).isEqualTo("TN-H01 UBND huyện Một Huyện Một; UBND H. Một");
        assertThat(browser.pageText()).contains("Cấp huyện (2)").contains("UBND huyện Hai")
                .contains("Các xã của UBND huyện Hai (3)").contains("TN-X005").contains("UBND thị trấn Hai C")
                .contains("Tỉnh chưa khai báo đơn vị cấp sở.");
        assertThat(browser.screenshots("don-vi")).as("no sideways scrolling at 360 px").isFalse();
    }

    @Test
    void nobodyButTheProvincesAdministratorReachesItsPages() {
        for (String user : new String[] {"canbo.tn-x001", "hoidong.tn-h01", "chutich.tn-h01"}) {
            for (String page : new String[] {"/admin", "/admin/units", "/admin/indicator-sets",
                    "/admin/processes/dti-cycle.bpmn"}) {
                assertThat(http.withBasicAuth(user, "thu-nghiem").getForEntity(page, String.class).getStatusCode())
                        .as(user + " " + page).isEqualTo(HttpStatus.FORBIDDEN);
            }
        }
        HttpHeaders browserLike = new HttpHeaders();
        browserLike.setAccept(List.of(MediaType.TEXT_HTML));
        assertThat(http.withBasicAuth("canbo.tn-x001", "thu-nghiem").exchange("/admin", HttpMethod.GET,
                new HttpEntity<>(browserLike), String.class).getStatusCode()).as("a browser asking for a page")
                .isEqualTo(HttpStatus.FORBIDDEN);
        long cycleId = new ProcessTestSupport(http, clock).startCycle(new ProcessTestSupport(http, clock).freshYear(),
                "XA", "TN-H02");
        for (String page : new String[] {"/calendar", "/process"}) {
            assertThat(http.withBasicAuth("quantri.bn", "thu-nghiem")
                    .getForEntity("/admin/cycles/" + cycleId + page, String.class).getStatusCode())
                    .as("another province's administrator").isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(http.withBasicAuth("hoidong.tn-h02", "thu-nghiem")
                    .getForEntity("/admin/cycles/" + cycleId + page, String.class).getStatusCode())
                    .as("the council of that group").isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(http.getForEntity("/admin/processes/dti-cycle.bpmn", String.class).getBody())
                .as("an anonymous reader is sent to sign in").doesNotContain("<definitions");
    }

    private long openCycle(int year) {
        browser.go("/admin");
        submitOpenForm(year);
        assertThat(browser.text(".notice")).startsWith("Đã mở kỳ đánh giá năm " + year);
        return Long.parseLong(browser.find(".card.highlight").getAttribute("data-cycle"));
    }

    private void submitOpenForm(int year) {
        WebElement field = browser.find("#year");
        field.clear();
        field.sendKeys(String.valueOf(year));
        new Select(browser.find("#group")).selectByValue("XA:TN-H01");
        browser.submitAndWait("#open-cycle button[type=submit]");
    }

    private void changeDate(String field, OffsetDateTime value, String reason) {
        String stage = "li[data-field=" + field + "]";
        browser.find(stage + " summary").click();
        type("#date-" + field, VietnameseFormat.date(value.toLocalDate()));
        type("#time-" + field, value.toLocalTime().toString());
        browser.find("#reason-" + field).sendKeys(reason);
        browser.submitAndWait(stage + " button[type=submit]");
    }


    private static void type(String css, String text) {
        WebElement field = browser.find(css);
        field.clear();
        field.sendKeys(text);
    }

    private static String text(OffsetDateTime value) {
        OffsetDateTime local = value.withOffsetSameInstant(CycleCalendar.VIETNAM);
        return VietnameseFormat.date(local.toLocalDate()) + " " + TIME.format(local);
    }
}
