package vn.dti.cycle;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.dti.appraisal.CouncilReview;
import vn.dti.assessment.AppraisedItem;
import vn.dti.framework.Browser;
import vn.dti.framework.ForbiddenException;
import vn.dti.security.DtiUser;
import vn.dti.security.Role;
import vn.dti.workflow.EngineClock;
import vn.dti.workflow.ProcessModel.Appraisal;
import vn.dti.workflow.ProcessModel.Cycle;
import vn.dti.workflow.ProcessModel.UnitAssessment;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.dti.cycle.ProcessTestSupport.forAssessment;
import static vn.dti.cycle.ProcessTestSupport.forCycle;

/**
 * The council's and the chairman's pages in headless Chromium, on a cycle of the xã of TN-H01 driven by the engine's
 * clock: the board follows the units (submitted, late, missing, under explanation, appraised), the review page shows
 * the self-scores, the evidence's text, a preview and the checks, the council asks for an explanation and appraises
 * with a changed score and its reason, the chairman returns the ranking with a comment and then approves it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CouncilPagesTest {

    private static final String COUNCIL = "hoidong.tn-h01";
    private static final String CHAIRMAN = "chutich.tn-h01";
    private static final String OTHER_COUNCIL = "hoidong.tn-h02";
    private static final String OFFICER = "canbo.tn-x001";
    private static final File FONT = new File("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @Autowired
    TestRestTemplate http;
    @Autowired
    EngineClock clock;
    @Autowired
    CouncilReview councilReview;

    @Test
    void theCouncilReviewsAUnitAndTheChairmanDecides() {
        ProcessTestSupport support = new ProcessTestSupport(http, clock);
        int year = support.freshYear();
        long cycle = support.startCycle(year, "XA", "TN-H01");
        long x001 = support.assessmentOf(cycle, "TN-X001");
        long x002 = support.assessmentOf(cycle, "TN-X002");

        // TN-X001 self-assesses with a plan (PDF) for item 1 and a screenshot (PNG) for item 2, and submits.
        JsonNode selfAssessment = support.awaitTask(OFFICER, UnitAssessment.SELF_ASSESSMENT, forAssessment(x001));
        upload(x001, "ke-hoach-chuyen-doi-so.pdf", plan(), "1");
        upload(x001, "anh-trang-thong-tin.png", screenshot(), "2");
        support.ok(OFFICER, HttpMethod.PUT, "/api/assessments/" + x001, Map.of("items", Map.of(
                "1", Map.of("points", 50), "2", Map.of("met", true))));
        support.complete(OFFICER, selfAssessment, Map.of());
        support.awaitAssessmentStatus(COUNCIL, x001, "SUBMITTED");
        // TN-X002 has an extension, and is late once the common deadline has passed.
        support.ok("quantri.tn", HttpMethod.POST, "/api/cycles/" + cycle + "/extensions", Map.of("unit", "TN-X002",
                "deadline", OffsetDateTime.of(year, 12, 5, 23, 59, 59, 0, VIETNAM).toString(),
                "reason", "Đơn vị mất điện kéo dài"));
        support.advanceTo(at(year, 12, 2));

        browser.signIn(COUNCIL, ProcessTestSupport.PASSWORD);
        assertThat(browser.path()).isEqualTo("/council");
        assertThat(progressOf(cycle, "TN-X001")).isEqualTo("SUBMITTED");
        assertThat(progressOf(cycle, "TN-X002")).isEqualTo("LATE");
        assertThat(browser.text("#cycle-" + cycle + " tr[data-unit='TN-X002']")).contains("Quá hạn", "(gia hạn)");

        // Its extension runs out: not reported; the appraisal of TN-X001 begins.
        support.advanceTo(at(year, 12, 6));
        JsonNode review = support.awaitTask(COUNCIL, Appraisal.COUNCIL_REVIEW, forAssessment(x001));
        awaitOutsidePeriodCheck(support, x001);

        browser.go("/council");
        assertThat(progressOf(cycle, "TN-X002")).isEqualTo("MISSING");
        assertThat(progressOf(cycle, "TN-X001")).isEqualTo("SUBMITTED");
        assertThat(browser.text("#inbox [data-assessment='" + x001 + "']")).contains("UBND xã Một A",
                "Chờ Hội đồng xem xét");
        assertThat(browser.text("#cycle-" + cycle + " [data-progress='MISSING'] .count")).isEqualTo("1");
        browser.find("#filter-status option[value='MISSING']").click();
        browser.find("#board form button[type=submit]").click();
        browser.waitUntil(d -> browser.path().contains("status=MISSING"));
        assertThat(unitsListed(cycle)).containsExactly("TN-X002");
        browser.go("/council?q=mot+a");
        assertThat(unitsListed(cycle)).containsExactly("TN-X001");
        browser.go("/council");
        assertThat(browser.screenshots("hoi-dong")).as("no sideways scrolling at 360 px").isFalse();

        // The review page: self-scores, the evidence's text with "Xem thêm", the picture's preview, the checks.
        browser.find("#cycle-" + cycle + " a[href='/council/assessments/" + x001 + "']").click();
        browser.waitUntil(d -> browser.path().equals("/council/assessments/" + x001));
        assertThat(browser.text("#item-1 .self-score")).isEqualTo("50,00");
        assertThat(browser.text("#item-2 .self-score")).isEqualTo("40,00");
        assertThat(browser.text("#item-1 .self-entry")).isEqualTo("50 điểm");
        assertThat(browser.text("#item-1 a.file")).isEqualTo("ke-hoach-chuyen-doi-so.pdf");
        assertThat(browser.text("#item-1 .excerpt")).contains("Số: 15/KH-UBND", "KẾ HOẠCH");
        WebElement more = browser.find("#item-1 details.more");
        assertThat(more.findElement(By.cssSelector(".rest")).isDisplayed()).isFalse();
        more.findElement(By.tagName("summary")).click();
        assertThat(browser.text("#item-1 details.more .rest")).contains("Giao Văn phòng UBND xã theo dõi");
        assertThat(browser.text("#checks")).contains("06/10/2023", "ngoài kỳ số liệu");
        // Previews: the plan's first page drawn as a picture, the screenshot itself; both loaded when scrolled to.
        assertThat(browser.find("#item-1 img.page").getAttribute("alt"))
                .isEqualTo("Trang 1 của ke-hoach-chuyen-doi-so.pdf");
        browser.script("document.querySelector('#item-1 img.page').scrollIntoView()");
        browser.waitUntil(d -> (Boolean) browser.script(
                "const i = document.querySelector('#item-1 img.page'); return i.complete && i.naturalWidth > 0"));
        browser.script("document.querySelector('#item-2 img.preview').scrollIntoView()");
        browser.waitUntil(d -> (Boolean) browser.script(
                "const i = document.querySelector('#item-2 img.preview'); return i.complete && i.naturalWidth > 0"));

        // The evidence is served to whoever may read the assessment, and to no one else.
        String pdf = "/api/assessments/" + x001 + "/evidence/" + sha256Of("1");
        ResponseEntity<byte[]> served = http.withBasicAuth(COUNCIL, ProcessTestSupport.PASSWORD).getForEntity(pdf,
                byte[].class);
        assertThat(served.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(served.getHeaders().getContentType().toString()).startsWith("application/pdf");
        assertThat(served.getHeaders().getContentDisposition().getType()).isEqualTo("inline");
        assertThat(new String(served.getBody(), 0, 5)).isEqualTo("%PDF-");
        ResponseEntity<byte[]> firstPage = http.withBasicAuth(COUNCIL, ProcessTestSupport.PASSWORD)
                .getForEntity(pdf + "/pages/1", byte[].class);
        assertThat(firstPage.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(firstPage.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        assertThat(http.withBasicAuth(COUNCIL, ProcessTestSupport.PASSWORD).getForEntity(pdf + "/pages/2",
                String.class).getStatusCode()).as("the plan has one page").isEqualTo(HttpStatus.NOT_FOUND);
        for (String stranger : List.of(OTHER_COUNCIL, "canbo.tn-x002")) {
            for (String path : List.of(pdf, pdf + "/pages/1")) {
                assertThat(http.withBasicAuth(stranger, ProcessTestSupport.PASSWORD).getForEntity(path, String.class)
                        .getStatusCode()).as(stranger + " " + path).isEqualTo(HttpStatus.FORBIDDEN);
            }
        }
        assertThat(http.withBasicAuth(COUNCIL, ProcessTestSupport.PASSWORD).getForEntity("/api/assessments/" + x002
                + "/evidence/" + sha256Of("1"), String.class).getStatusCode())
                .as("a file through an assessment that does not use it").isEqualTo(HttpStatus.NOT_FOUND);

        // Another huyện's council may neither read the page nor decide in the service; the open task stays open.
        assertThat(http.withBasicAuth(OTHER_COUNCIL, ProcessTestSupport.PASSWORD)
                .getForEntity("/council/assessments/" + x001, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        DtiUser otherCouncil = new DtiUser(OTHER_COUNCIL, Role.COUNCIL, "TN-H02", "TN");
        assertThatThrownBy(() -> councilReview.requestExplanation(x001, List.of("1"), "?", 3, otherCouncil))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> councilReview.complete(x001, Map.of("1",
                new AppraisedItem(null, null, null, null, BigDecimal.ONE, null, "x")), otherCouncil))
                .isInstanceOf(ForbiddenException.class);
        DtiUser chairman = new DtiUser(CHAIRMAN, Role.CHAIRMAN, "TN-H01", "TN");
        assertThatThrownBy(() -> councilReview.complete(x001, Map.of(), chairman))
                .isInstanceOf(ForbiddenException.class);
        assertThat(support.findTask(COUNCIL, Appraisal.COUNCIL_REVIEW, forAssessment(x001))).isPresent();
        assertThat(support.assessmentStatus(COUNCIL, x001)).isEqualTo("SUBMITTED");

        // The council asks TN-X001 to explain item 1.
        browser.find("#explanation-form input[value='1']").click();
        browser.find("#question").sendKeys("Đề nghị gửi biên bản nghiệm thu hạ tầng mạng LAN.");
        WebElement days = browser.find("#reply-days");
        days.clear();
        days.sendKeys("3");
        browser.find("#request-explanation").click();
        assertThat(browser.text("[role=status]")).isEqualTo("Đã gửi yêu cầu giải trình cho đơn vị.");
        assertThat(browser.text("#explanations")).contains("Đề nghị gửi biên bản nghiệm thu hạ tầng mạng LAN.",
                "Chờ đơn vị trả lời", "1. Hạ tầng số");
        assertThat(browser.driver().findElements(By.id("explanation-form"))).isEmpty();
        browser.go("/council");
        assertThat(progressOf(cycle, "TN-X001")).isEqualTo("EXPLAINING");

        // The unit answers (through the API); the review comes back to the council.
        JsonNode answer = support.awaitTask(OFFICER, Appraisal.ANSWER_EXPLANATION, forAssessment(x001));
        assertThat(answer.get("variables").get("replyDeadline").asText()).startsWith(year + "-12-09");
        support.complete(OFFICER, answer, Map.of("explanationAnswer",
                "Gửi kèm Biên bản nghiệm thu số 07/BB-UBND; mạng LAN mới phủ 4 trên 5 phòng."));
        support.awaitTask(COUNCIL, Appraisal.COUNCIL_REVIEW, forAssessment(x001));
        browser.go("/council");
        assertThat(browser.text("#inbox [data-assessment='" + x001 + "']")).contains("Đơn vị đã giải trình");

        browser.go("/council/assessments/" + x001);
        assertThat(browser.text("#explanations")).contains("Đơn vị đã giải trình", "07/BB-UBND");
        // A changed score needs its reason: the browser asks for it, and so does the server when saving without.
        WebElement score = browser.find("#score-1");
        score.sendKeys("45");
        assertThat(browser.script("return document.getElementById('reason-1').required")).isEqualTo(true);
        browser.find("#complete-appraisal").click();
        assertThat(browser.path()).isEqualTo("/council/assessments/" + x001);
        assertThat(browser.script("return document.getElementById('reason-1').validity.valueMissing")).isEqualTo(true);
        browser.find("#appraisal button[value='save']").click();
        assertThat(browser.text(".warning[role=alert]")).contains("Mục 1", "chưa ghi lý do điều chỉnh");
        assertThat(browser.find("#score-1").getAttribute("value")).isEqualTo("45");
        assertThat(browser.text("#item-1 .appraised-score")).isEqualTo("45,00");
        assertThat(support.assessmentStatus(COUNCIL, x001)).isEqualTo("SUBMITTED");

        browser.find("#reason-1").sendKeys("Mạng LAN mới phủ 4/5 phòng theo biên bản 07/BB-UBND.");
        assertThat(browser.screenshots("tham-dinh")).as("no sideways scrolling at 360 px").isFalse();
        browser.find("#complete-appraisal").click();
        assertThat(browser.text("[role=status]")).startsWith("Đã hoàn thành thẩm định");
        support.awaitAssessmentStatus(COUNCIL, x001, "APPRAISED");
        browser.go("/council/assessments/" + x001);
        assertThat(browser.text("#item-1 .final-score")).isEqualTo("45,00");
        assertThat(browser.text("#item-1 .appraisal-reason")).contains("Mạng LAN mới phủ 4/5 phòng");
        assertThat(browser.driver().findElements(By.id("score-1"))).isEmpty();
        browser.go("/council");
        assertThat(progressOf(cycle, "TN-X001")).isEqualTo("APPRAISED");

        // The chairman sees the ranking with its bands and statistics, and returns it with a comment.
        JsonNode approval = support.awaitTask(CHAIRMAN, Cycle.APPROVE_RANKING, forCycle(cycle));
        browser.signIn(CHAIRMAN, ProcessTestSupport.PASSWORD);
        assertThat(browser.path()).isEqualTo("/chairman");
        String ranking = "#cycle-" + cycle + " ";
        assertThat(cells(ranking + "tr[data-unit='TN-X001'] td"))
                .containsExactly("1", "45,00", "40,00", "85,00", "85,00%", "Tốt");
        assertThat(cells(ranking + "tr[data-unit='TN-X002'] td")).containsExactly("2", "-", "-", "-", "-", "Yếu");
        assertThat(cells(ranking + "tr.averages td")).containsExactly("", "22,50", "20,00", "42,50", "", "");
        assertThat(browser.text(ranking + ".top-average")).isEqualTo("85,00");
        assertThat(browser.text(ranking + ".gap")).isEqualTo("0,00");
        assertThat(cells(ranking + ".band-count")).containsExactly("1", "0", "0", "1");
        assertThat(browser.text(ranking + "table.bands")).contains("từ 85%", "từ 65% đến dưới 85%");
        assertThat(browser.screenshots("phe-duyet")).as("no sideways scrolling at 360 px").isFalse();

        browser.find(ranking + "button.return").click();
        assertThat(browser.text(ranking + ".error")).contains("cần ghi ý kiến");
        assertThat(support.findTask(CHAIRMAN, Cycle.APPROVE_RANKING, forCycle(cycle))).isPresent();
        browser.find(ranking + "textarea[name=comment]").sendKeys("Đề nghị rà soát lại điểm mục 1 của xã Một A.");
        browser.find(ranking + "button.return").click();
        assertThat(browser.text("[role=status]")).isEqualTo("Đã trả lại kết quả cho Hội đồng xem xét lại.");
        support.awaitTaskGone(CHAIRMAN, approval);

        // The council sees the comment in its inbox and puts the ranking up again.
        support.awaitTask(COUNCIL, Cycle.REVISE_RANKING, forCycle(cycle));
        browser.signIn(COUNCIL, ProcessTestSupport.PASSWORD);
        String revision = "#inbox [data-cycle='" + cycle + "'] ";
        assertThat(browser.text(revision)).contains("Xem xét lại", "Đề nghị rà soát lại điểm mục 1 của xã Một A.");
        browser.find(revision + "button.resubmit").click();
        assertThat(browser.text("[role=status]")).isEqualTo("Đã trình lại kết quả lên Chủ tịch.");

        // The chairman approves.
        support.awaitTask(CHAIRMAN, Cycle.APPROVE_RANKING, forCycle(cycle));
        browser.signIn(CHAIRMAN, ProcessTestSupport.PASSWORD);
        assertThat(browser.text(ranking + ".decisions")).contains("Trả lại", "Đề nghị rà soát lại điểm mục 1");
        browser.find(ranking + "button.approve").click();
        assertThat(browser.text("[role=status]")).isEqualTo("Đã phê duyệt kết quả xếp hạng.");
        support.awaitCycleStatus(cycle, "AWAITING_PUBLICATION");

        // Nobody else reaches these pages.
        browser.signIn(OTHER_COUNCIL, ProcessTestSupport.PASSWORD);
        browser.go("/council/assessments/" + x001);
        assertThat(browser.driver().findElements(By.id("appraisal"))).isEmpty();
        assertThat(browser.pageText()).doesNotContain("KẾ HOẠCH", "50,00");
        browser.go("/council");
        assertThat(browser.driver().findElements(By.cssSelector("#cycle-" + cycle))).isEmpty();
        for (String page : List.of("/council/assessments/" + x001, "/council", "/chairman")) {
            assertThat(http.withBasicAuth(OFFICER, ProcessTestSupport.PASSWORD).getForEntity(page, String.class)
                    .getStatusCode()).as(page).isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    private static OffsetDateTime at(int year, int month, int day) {
        return OffsetDateTime.of(year, month, day, 9, 0, 0, 0, VIETNAM);
    }

    /** Other tests of the JVM open cycles for the same council: everything is looked up within this cycle's board. */
    private String progressOf(long cycle, String unit) {
        return browser.find("#cycle-" + cycle + " tr[data-unit='" + unit + "']").getAttribute("data-progress");
    }

    private List<String> unitsListed(long cycle) {
        browser.find("#cycle-" + cycle);
        return browser.driver().findElements(By.cssSelector("#cycle-" + cycle + " tr[data-unit]")).stream()
                .map(row -> row.getAttribute("data-unit")).toList();
    }

    private List<String> cells(String css) {
        browser.find(css);
        return browser.driver().findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    /** The plan's date (06/10/2023) lies outside the cycle's data period: a check the council sees, once indexed. */
    private void awaitOutsidePeriodCheck(ProcessTestSupport support, long assessment) {
        ProcessTestSupport.await("kiểm tra tài liệu ngoài kỳ số liệu", () -> {
            JsonNode checks = support.ok(COUNCIL, HttpMethod.GET, "/api/assessments/" + assessment + "/checks", null);
            for (JsonNode check : checks.get("checks")) {
                if (check.get("code").asText().equals("EVIDENCE_OUTSIDE_PERIOD")) {
                    return Optional.of(true);
                }
            }
            return Optional.empty();
        });
    }

    /** The file the page links for the item, by its SHA-256. */
    private String sha256Of(String item) {
        return browser.find("#item-" + item + " a.file").getAttribute("href").replaceAll(".*/evidence/", "");
    }

    private void upload(long assessment, String name, byte[] content, String item) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("files", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        body.add("items", item);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> response = http.withBasicAuth(OFFICER, ProcessTestSupport.PASSWORD).exchange(
                "/api/assessments/" + assessment + "/evidence", HttpMethod.POST, new HttpEntity<>(body, headers),
                String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    /** An official plan, long enough that the page shows its beginning and "Xem thêm" for the rest. */
    private static byte[] plan() {
        List<String> lines = List.of(
                "ỦY BAN NHÂN DÂN XÃ MỘT A",
                "Số: 15/KH-UBND",
                "Một A, ngày 06 tháng 10 năm 2023",
                "KẾ HOẠCH",
                "Triển khai chuyển đổi số năm 2024 của Ủy ban nhân dân xã Một A",
                "I. MỤC ĐÍCH, YÊU CẦU",
                "1. Hoàn thiện hạ tầng số: mạng LAN, đường truyền Internet cáp quang, máy tính cho cán bộ.",
                "2. Nâng cao nhận thức về chuyển đổi số cho cán bộ, công chức và người dân trên địa bàn.",
                "3. Bảo đảm an toàn thông tin mạng cho các hệ thống thông tin của xã.",
                "II. NHIỆM VỤ",
                "1. Lắp đặt mạng LAN cho 5 phòng làm việc, hoàn thành trong quý IV năm 2023.",
                "2. Duy trì trang thông tin điện tử của xã, cập nhật tin bài hằng tuần.",
                "III. TỔ CHỨC THỰC HIỆN",
                "Giao Văn phòng UBND xã theo dõi, đôn đốc và báo cáo kết quả thực hiện.");
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDType0Font font = PDType0Font.load(document, FONT);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(font, 10);
                content.setLeading(16);
                content.newLineAtOffset(50, PDRectangle.A4.getHeight() - 60);
                for (String line : lines) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A screenshot of the commune's website, as units attach them. */
    private static byte[] screenshot() {
        BufferedImage image = new BufferedImage(480, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 480, 240);
        g.setColor(new Color(0xA3141C));
        g.fillRect(0, 0, 480, 48);
        try {
            g.setFont(Font.createFont(Font.TRUETYPE_FONT, FONT).deriveFont(18f));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        g.setColor(Color.WHITE);
        g.drawString("Trang thông tin điện tử xã Một A", 16, 32);
        g.setColor(Color.DARK_GRAY);
        g.drawString("Tin tức · Thủ tục hành chính · Liên hệ", 16, 96);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
