package vn.dti.publication;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import vn.dti.assessment.AssessmentService;
import vn.dti.assessment.AssessmentStatus;
import vn.dti.assessment.SelfItem;
import vn.dti.cycle.CycleService;
import vn.dti.cycle.CycleStatus;
import vn.dti.framework.Browser;
import vn.dti.framework.Poll;
import vn.dti.indicator.Level;
import vn.dti.security.DtiUser;
import vn.dti.security.Role;
import vn.dti.workflow.EngineClock;
import vn.dti.workflow.ProcessModel;
import vn.dti.workflow.TaskInbox;
import vn.dti.workflow.UserTask;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public results in headless Chromium, without signing in. A small cycle (the xã of the test province's huyện
 * Hai: two report, one does not) is driven to publication through the services and the engine's clock, as people and
 * time would; a second cycle of the same year is ranked but never approved, and stays invisible.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PublicResultsPageTest {

    private static final DtiUser ADMIN = new DtiUser("quantri.tn", Role.ADMIN, "TN", "TN");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @Autowired
    CycleService cycles;
    @Autowired
    AssessmentService assessments;
    @Autowired
    TaskInbox inbox;
    @Autowired
    EngineClock clock;
    @Autowired
    TestRestTemplate http;

    @Test
    void thePublishedRankingItsChartBandsAndDownloadsAndNothingOfAnUnpublishedCycle() throws IOException {
        // Far beyond the years other tests take from the clock (ProcessTestSupport.freshYear: +2, +3 …; +30)
        int year = clock.now().atOffset(ZoneOffset.ofHours(7)).getYear() + 60;
        long published = cycles.start("TN", year, Level.XA, "TN-H02", ADMIN).getId();
        long unpublished = cycles.start("TN", year, Level.XA, "TN-H01", ADMIN).getId();
        submit(published, "TN-X003", "45.5");
        submit(published, "TN-X004", "30.25");

        clock.advanceTo(OffsetDateTime.parse(year + "-12-01T00:00:01+07:00").toInstant());
        for (String unit : List.of("TN-X003", "TN-X004")) {
            long assessment = assessment(published, unit);
            UserTask review = task(ProcessModel.Appraisal.COUNCIL_REVIEW, "assessmentId", assessment);
            inbox.complete(review.key(), Map.of("decision", "appraise", "completedBy", "hoidong.tn-h02"));
            await(unit + " đã thẩm định", () -> Optional.of(assessments.get(assessment).getStatus())
                    .filter(AssessmentStatus.APPRAISED::equals));
        }
        UserTask approval = task(ProcessModel.Cycle.APPROVE_RANKING, "cycleId", published);
        inbox.complete(approval.key(), Map.of("approved", true, "completedBy", "chutich.tn-h02"));
        await("chờ công bố", () -> Optional.of(cycles.get(published).getStatus())
                .filter(CycleStatus.AWAITING_PUBLICATION::equals));
        // The other group was ranked and waits for its chairman: it exists, it is not public.
        task(ProcessModel.Cycle.APPROVE_RANKING, "cycleId", unpublished);
        assertThat(http.getForEntity("/results/TN/" + year + "/TN-H02", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        clock.advanceTo(OffsetDateTime.parse((year + 1) + "-01-15T08:00:01+07:00").toInstant());
        await("công bố", () -> Optional.of(cycles.get(published).getStatus()).filter(CycleStatus.PUBLISHED::equals));

        // Chosen on the list by province, year and group
        browser.go("/results");
        new Select(browser.find("#province")).selectByVisibleText("Thử Nghiệm");
        new Select(browser.find("#year")).selectByValue(String.valueOf(year));
        new Select(browser.find("#group")).selectByVisibleText("UBND các xã, phường, thị trấn thuộc UBND huyện Hai");
        browser.find("main form button[type=submit]").click();
        String path = "/results/TN/" + year + "/TN-H02";
        browser.waitUntil(driver -> browser.path().equals(path));
        assertThat(browser.text("h1")).isEqualTo("Chỉ số chuyển đổi số năm " + year);
        assertThat(browser.text(".results-lead")).contains("UBND các xã, phường, thị trấn thuộc UBND huyện Hai",
                "tỉnh Thử Nghiệm", "Công bố ngày 15/01/" + (year + 1), "Bộ chỉ số TN-XA-2024, thang điểm 100");

        assertThat(texts("table.ranking thead th")).containsExactly("Xếp hạng", "Đơn vị",
                "Hạ tầng số\n(tối đa 60)", "Có trang thông tin điện tử\n(tối đa 40)", "Tổng điểm", "Xếp loại");
        assertThat(texts("table.ranking tbody tr")).containsExactly(
                "1 UBND xã Hai A 45,50 40,00 85,50 Tốt",
                "2 UBND xã Hai B 30,25 40,00 70,25 Khá",
                "3 UBND thị trấn Hai C - - - Yếu");
        assertThat(browser.text("table.ranking tfoot tr")).isEqualTo("Giá trị trung bình 25,25 26,67 51,92");

        WebElement chart = browser.find("figure.chart svg");
        assertThat(chart.getAttribute("role")).isEqualTo("img");
        assertThat(browser.script("return document.querySelector('#chart-title').textContent"))
                .isEqualTo("Điểm theo chỉ số chính của từng đơn vị");
        assertThat((String) browser.script("return document.querySelector('#chart-desc').textContent"))
                .contains("Hạ tầng số, Có trang thông tin điện tử", "thang điểm 100.");
        assertThat(chart.findElements(By.cssSelector("text.bar-label"))).extracting(WebElement::getText)
                .containsExactly("1. UBND xã Hai A: 85,50 điểm", "2. UBND xã Hai B: 70,25 điểm",
                        "3. UBND thị trấn Hai C: không báo cáo", "Giá trị trung bình: 51,92 điểm");
        // 45,50 of 100 starts at the left and is followed by 40,00; the unit that did not report has no bar
        List<WebElement> segments = chart.findElements(By.cssSelector("g:first-of-type rect[class^=series-]"));
        assertThat(segments).extracting(s -> s.getDomAttribute("x") + " " + s.getDomAttribute("width"))
                .containsExactly("0.000% 45.500%", "45.500% 40.000%");
        assertThat(chart.findElements(By.cssSelector("g:nth-of-type(3) rect[class^=series-]"))).isEmpty();
        browser.find("figure.chart summary").click();
        assertThat(texts("figure.chart details tbody tr")).containsExactly("UBND xã Hai A 45,50 40,00 85,50",
                "UBND xã Hai B 30,25 40,00 70,25", "UBND thị trấn Hai C - - -", "Giá trị trung bình 25,25 26,67 51,92");

        assertThat(texts("table.bands tbody tr")).containsExactly("Tốt\ntừ 85% trở lên\n1 33%",
                "Khá\ntừ 65% đến dưới 85%\n1 33%", "Trung bình\ntừ 45% đến dưới 65%\n0 0%",
                "Yếu\ndưới 45%, hoặc không báo cáo\n1 33%");
        assertThat(browser.text("dl.statistics")).contains("Số đơn vị báo cáo\n2/3",
                "Trung bình 2 đơn vị đứng đầu\n77,88 điểm (UBND xã Hai A, UBND xã Hai B)",
                "Chênh lệch giữa hai nhóm\n0,00 điểm");

        browser.script("window.scrollTo(0, 0)");
        assertThat(browser.screenshots("ket-qua")).as("no sideways scrolling at 360 px").isFalse();

        // Downloads, fetched as the links give them
        List<String> links = browser.driver().findElements(By.cssSelector("nav.downloads a")).stream()
                .map(a -> a.getDomAttribute("href")).toList();
        assertThat(links).containsExactly(path + "/ket-qua.xlsx", path + "/du-thao-quyet-dinh.docx",
                path + "/du-thao-quyet-dinh.pdf");
        checkSpreadsheet(fetch(links.get(0), ResultsWorkbook.MEDIA_TYPE, "ket-qua-TN-" + year + "-TN-H02.xlsx"));
        String date = "Thử Nghiệm, ngày 15 tháng 01 năm " + (year + 1);
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(fetch(links.get(1), DecisionDocx.MEDIA_TYPE,
                "du-thao-quyet-dinh-TN-" + year + "-TN-H02.docx")));
             XWPFWordExtractor extractor = new XWPFWordExtractor(docx)) {
            assertThat(extractor.getText()).contains("ỦY BAN NHÂN DÂN", "TỈNH THỬ NGHIỆM",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", date,
                    "UBND các xã, phường, thị trấn thuộc UBND huyện Hai", "UBND xã Hai A\t85,50\tTốt\t1",
                    "UBND thị trấn Hai C\t-\tYếu\t3", "Giá trị trung bình\t51,92", "Nơi nhận:", "CHỦ TỊCH");
        }
        try (PDDocument pdf = Loader.loadPDF(fetch(links.get(2), DecisionPdf.MEDIA_TYPE,
                "du-thao-quyet-dinh-TN-" + year + "-TN-H02.pdf"))) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", date, "UBND xã Hai A 85,50 Tốt 1",
                    "UBND thị trấn Hai C - Yếu 3", "Giá trị trung bình 51,92", "Nơi nhận:");
        }
        // The documents are the draft frozen at publication, which the API gives as text
        JsonNode api = http.getForObject("/api/publications/" + published, JsonNode.class);
        assertThat(api.get("decisionDraft").asText()).contains(date, "1\tUBND xã Hai A\t85,50\tTốt\t1\n");

        // By number, the published cycle's page; the other is not found, whichever way it is asked for
        browser.go("/results/" + published);
        assertThat(browser.path()).isEqualTo(path);
        for (String hidden : List.of("/results/" + unpublished, "/results/TN/" + year + "/TN-H01",
                "/results/TN/" + year + "/TN-H01/ket-qua.xlsx", "/results/TN/" + year + "/TN-H01/du-thao-quyet-dinh.pdf",
                "/results/TN/" + year + "/TN-H01/du-thao-quyet-dinh.docx", "/results/999999999")) {
            assertThat(http.getForEntity(hidden, String.class).getStatusCode()).as(hidden)
                    .isEqualTo(HttpStatus.NOT_FOUND);
        }
        browser.go("/results/TN/" + year + "/TN-H01");
        assertThat(browser.pageText()).doesNotContain("UBND xã Một A", "Bảng xếp hạng");
        browser.go("/results?province=TN&year=" + year);
        assertThat(texts("main table tbody tr")).containsExactly(
                year + " Thử Nghiệm UBND các xã, phường, thị trấn thuộc UBND huyện Hai 15/01/" + (year + 1));
        assertThat(browser.screenshots("ket-qua-danh-sach")).as("no sideways scrolling at 360 px").isFalse();
    }

    private void checkSpreadsheet(byte[] content) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter vietnamese = new DataFormatter(Locale.forLanguageTag("vi-VN"));
            Row header = sheet.getRow(4);
            assertThat(vietnamese.formatCellValue(header.getCell(2))).isEqualTo("Hạ tầng số (tối đa 60)");
            Row first = sheet.getRow(5);
            assertThat(vietnamese.formatCellValue(first.getCell(1))).isEqualTo("UBND xã Hai A");
            assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(45.5);
            assertThat(vietnamese.formatCellValue(first.getCell(2))).isEqualTo("45,50");
            assertThat(vietnamese.formatCellValue(first.getCell(4))).isEqualTo("85,50");
            assertThat(vietnamese.formatCellValue(sheet.getRow(7).getCell(4))).isEqualTo("-");
            assertThat(vietnamese.formatCellValue(sheet.getRow(8).getCell(4))).isEqualTo("51,92");
        }
    }

    private byte[] fetch(String path, String mediaType, String fileName) {
        ResponseEntity<byte[]> response = http.getForEntity(path, byte[].class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).hasToString(mediaType);
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"" + fileName + "\"");
        return response.getBody();
    }

    private List<String> texts(String css) {
        browser.find(css);
        return browser.driver().findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private void submit(long cycle, String unit, String points) {
        long assessment = assessment(cycle, unit);
        UserTask task = task(ProcessModel.UnitAssessment.SELF_ASSESSMENT, "assessmentId", assessment);
        DtiUser officer = new DtiUser("canbo." + unit.toLowerCase(), Role.UNIT_OFFICER, unit, "TN");
        assessments.selfAssess(assessment, Map.of(), Map.of(
                "1", new SelfItem(null, null, null, null, new BigDecimal(points), null,
                        "Tự chấm theo báo cáo hạ tầng số", List.of("Báo cáo hạ tầng số.pdf")),
                "2", new SelfItem(true, null, null, null, null, null, "Có trang thông tin điện tử của xã", null)),
                officer, clock.now());
        inbox.complete(task.key(), Map.of("completedBy", officer.username()));
        await(unit + " đã nộp", () -> Optional.of(assessments.get(assessment).getStatus())
                .filter(AssessmentStatus.SUBMITTED::equals));
    }

    private long assessment(long cycle, String unit) {
        return await("phiếu của " + unit, () -> assessments.ofCycle(cycle).stream()
                .filter(a -> a.getUnitCode().equals(unit)).findFirst()).getId();
    }

    private UserTask task(String elementId, String variable, long value) {
        return await("công việc " + elementId + " của " + variable + " " + value, () -> inbox.openTasks().stream()
                .filter(t -> t.elementId().equals(elementId)
                        && t.variables().get(variable) instanceof Number n && n.longValue() == value)
                .findFirst());
    }

    private static <T> T await(String what, Supplier<Optional<T>> probe) {
        return Poll.await(what, PATIENCE, probe);
    }
}
