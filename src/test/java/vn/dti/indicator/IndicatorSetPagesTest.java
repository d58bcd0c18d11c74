package vn.dti.indicator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import vn.dti.framework.Browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator's indicator set pages in headless Chromium: the list, a set's tree, an upload refused with every
 * problem and nothing stored, a new version stored and never replaced; and the upload API's refusals.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IndicatorSetPagesTest {

    /** Versions that take effect in 9000: no cycle of the tests reaches them (the evidence tests run a century past the
     * engine clock, which other tests move years ahead), so none changes set under them. */
    private static final AtomicInteger VERSIONS = new AtomicInteger();

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @TempDir
    Path files;
    @Autowired
    TestRestTemplate http;
    @Autowired
    IndicatorSetCatalog catalog;

    @Test
    void theAdministratorBrowsesASetsTree() {
        browser.signIn("quantri.tn", "thu-nghiem");
        browser.go("/admin/indicator-sets");
        assertThat(browser.text(".set-list")).contains("TN-XA-2024").contains("Đang áp dụng").contains("01/01/2024");

        browser.find("a[href$='/admin/indicator-sets/TN-XA-2024']").click();
        assertThat(browser.text("h1")).isEqualTo("Bộ chỉ số TN-XA-2024");
        assertThat(browser.text("#tree [data-code='1']")).contains("Hạ tầng số").contains("60 điểm")
                .contains("chấm điểm trực tiếp");
        assertThat(browser.text("#tree [data-code='2']")).contains("40 điểm").contains("có/không");
    }

    @Test
    void aBadFileIsRefusedWithEveryProblemAndAGoodOneIsStoredOnce() throws IOException {
        String version = version();
        browser.signIn("quantri.tn", "thu-nghiem");
        browser.go("/admin/indicator-sets");

        upload(file("sai.yaml", set(version, """
                  - {code: "1", name: "Hạ tầng số", type: PILLAR, points: 60, children: [
                      {code: "1.1", name: "Mạng nội bộ", type: MAIN, points: 30, kind: YES_NO},
                      {code: "1.2", name: "Máy tính", type: MAIN, points: 20}]}
                  - {code: "1.1", name: "Cổng thông tin", type: PILLAR, points: 40, kind: YES_NO}
                """)));
        assertThat(browser.text(".error-box .error")).isEqualTo("Tệp sai.yaml không được lưu:");
        assertThat(browser.driver().findElements(By.cssSelector("#upload-problems li")))
                .extracting(element -> element.getText())
                .containsExactly("mục 1: điểm tối đa 60 khác tổng điểm các mục con 50",
                        "mục 1.2: là mục lá nhưng thiếu cách tính (kind: YES_NO | RATIO | POINTS)",
                        "mã 1.1 bị trùng");
        assertStored(version, false);

        upload(file("khoa-sai.yaml", set(version, """
                  - {code: "1", name: "Hạ tầng số", type: PILLAR, pointz: 100, kind: POINTS}
                """)));
        assertThat(browser.text("#upload-problems")).startsWith("dòng 10: khóa 'pointz' không có trong định dạng")
                .contains("các khóa được nhận: children, code, kind, name, parts, points, type");
        assertStored(version, false);

        Path good = file("tot.yaml", goodSet(version));
        upload(good);
        String id = "TN-XA-" + version;
        browser.waitUntil(d -> browser.path().equals("/admin/indicator-sets/" + id));
        assertThat(browser.text(".notice")).isEqualTo("Đã lưu phiên bản " + id + " từ tệp tot.yaml.");
        assertThat(browser.text("#tree")).contains("1 Chính quyền số\ntrụ cột · 60 điểm")
                .contains("1.2 Dịch vụ công trực tuyến\nchỉ số chính · 25 điểm").doesNotContain("Người dân ký số");
        assertStored(version, true);

        // The tree opens and closes, by parts and all at once.
        assertThat(browser.find("#tree details[data-code='1.2']").getAttribute("open")).isNull();
        browser.find("#tree details[data-code='1.2'] > summary").click();
        assertThat(browser.text("#tree [data-code='1.2.1']")).isEqualTo("1.2.1 Người dân ký số\n"
                + "chỉ số thành phần · 15 điểm · tỷ lệ");
        browser.find("[data-tree=close]").click();
        assertThat(browser.driver().findElement(By.cssSelector("#tree [data-code='1.1']")).isDisplayed()).isFalse();
        browser.find("[data-tree=open]").click();
        assertThat(browser.find("#tree [data-code='2.1.1']").isDisplayed()).isTrue();
        assertThat(browser.screenshots("bo-chi-so")).as("no sideways scrolling at 360 px").isFalse();

        browser.go("/admin/indicator-sets");
        upload(good);
        assertThat(browser.text("#upload-problems")).isEqualTo("Phiên bản " + id
                + " đã được lưu với đúng nội dung này (từ tệp tot.yaml)");
        upload(file("tot-sua.yaml", goodSet(version).replace("Người dân ký số", "Người dân dùng chữ ký số")));
        assertThat(browser.text("#upload-problems")).contains("Bộ chỉ số " + id + " đã có (từ tệp tot.yaml)")
                .contains("không bao giờ bị thay thế");
        assertThat(catalog.get(id).orElseThrow().find("1.2.1").orElseThrow().name()).isEqualTo("Người dân ký số");
        assertThat(browser.screenshots("bo-chi-so-tai-len")).as("no sideways scrolling at 360 px").isFalse();
    }

    @Test
    void theUploadApiIsForTheProvincesAdministratorOnly() {
        String version = version();
        String yaml = goodSet(version);

        assertThat(post(null, yaml).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        for (String user : new String[] {"quantri.bn", "hoidong.tn-h01", "canbo.tn-x001"}) {
            assertThat(post(user, yaml).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertStored(version, false);

        ResponseEntity<JsonNode> refused = post("quantri.tn", yaml.replace("points: 15, kind: RATIO", "points: 16, kind: RATIO"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("errors").get(0).get("field").asText()).isEqualTo("file");
        assertThat(refused.getBody().get("errors").get(0).get("reason").asText())
                .isEqualTo("mục 1.2: điểm tối đa 25 khác tổng điểm các mục con 26");
        assertStored(version, false);

        ResponseEntity<JsonNode> stored = post("quantri.tn", yaml);
        assertThat(stored.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(stored.getBody().get("id").asText()).isEqualTo("TN-XA-" + version);
        assertThat(stored.getBody().get("leafCount").asInt()).isEqualTo(4);
        assertStored(version, true);
        assertThat(post("quantri.tn", yaml).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    private static String version() {
        return "9000." + ProcessHandle.current().pid() % 1000 + "." + VERSIONS.incrementAndGet();
    }

    private static String set(String version, String items) {
        return """
                # Một bộ chỉ số thử nghiệm tải lên từ trang quản trị.
                province: TN
                level: XA
                version: "%s"
                effectiveFrom: 9000-01-01
                source: {number: "99/QĐ-UBND", date: 2199-12-01, title: "Bộ chỉ số thử nghiệm"}
                scale: 100
                complete: true
                items:
                """.formatted(version) + items;
    }

    private static String goodSet(String version) {
        return set(version, """
                  - {code: "1", name: "Chính quyền số", type: PILLAR, points: 60, children: [
                      {code: "1.1", name: "Hạ tầng số", type: MAIN, points: 35, kind: POINTS},
                      {code: "1.2", name: "Dịch vụ công trực tuyến", type: MAIN, points: 25, children: [
                        {code: "1.2.1", name: "Người dân ký số", type: COMPONENT, points: 15, kind: RATIO},
                        {code: "1.2.2", name: "Có cổng dịch vụ công", type: COMPONENT, points: 10, kind: YES_NO}]}]}
                  - {code: "2", name: "Xã hội số", type: PILLAR, points: 40, children: [
                      {code: "2.1", name: "Kỹ năng số", type: MAIN, points: 40, children: [
                        {code: "2.1.1", name: "Tổ công nghệ số cộng đồng", type: COMPONENT, points: 40, kind: YES_NO}]}]}
                """);
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(files.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** Sends the file from the list page and waits for the next page: the set's tree, or the list with problems. */
    private static void upload(Path file) {
        // The input may belong to a page the browser is still replacing ("node does not belong to the document"):
        // look it up again until it takes the file.
        browser.waitUntil(d -> {
            try {
                browser.find("#file").sendKeys(file.toAbsolutePath().toString());
                return true;
            } catch (WebDriverException replaced) {
                return null;
            }
        });
        browser.submitAndWait("form[enctype='multipart/form-data'] button[type=submit]");
    }

    private void assertStored(String version, boolean stored) {
        String id = "TN-XA-" + version;
        assertThat(catalog.get(id)).as(id + " in the catalog").matches(found -> found.isPresent() == stored);
        assertThat(http.getForEntity("/api/indicator-sets/" + id, String.class).getStatusCode())
                .isEqualTo(stored ? HttpStatus.OK : HttpStatus.NOT_FOUND);
    }

    private ResponseEntity<JsonNode> post(String user, String yaml) {
        return SetUpload.post(http, user, "bo-chi-so.yaml", yaml);
    }
}
