package vn.dti.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;
import vn.dti.framework.Browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Content-Security-Policy is strict (scripts from this application only, no inline script) yet lets what the
 * pages need run: the form-js viewer renders the self-assessment form that Tasklist renders, and the API's
 * documentation opens, with no violation reported by the browser.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ContentSecurityPolicyTest {

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @Test
    void theFormViewerRendersTheSelfAssessmentFormUnderThePolicy() throws IOException {
        String schema = new ClassPathResource("forms/self-assessment.form").getContentAsString(StandardCharsets.UTF_8);
        browser.go("/login");
        browser.script("window.violations = [];"
                + "document.addEventListener('securitypolicyviolation',"
                + " e => window.violations.push(e.violatedDirective + ' ' + e.blockedURI));"
                + "const css = document.createElement('link'); css.rel = 'stylesheet'; css.href = '/vendor/form-viewer.css';"
                + "document.head.append(css);"
                + "const js = document.createElement('script'); js.src = '/vendor/form-viewer.js';"
                + "document.head.append(js);");
        browser.waitUntil(d -> (Boolean) browser.script("return !!window.DtiForms"));

        Object rendered = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "const box = document.createElement('div'); box.id = 'form-under-csp';"
                        + "document.querySelector('main').append(box);"
                        + "DtiForms.render(box, JSON.parse(arguments[0]), {rejectionReasons: 'Thiếu tài liệu kiểm chứng'})"
                        + ".then(() => done('ok'), e => done('lỗi: ' + e));", schema);

        assertThat(rendered).isEqualTo("ok");
        String form = browser.text("#form-under-csp");
        assertThat(form).contains("Thông tin chung", "Tên cơ quan, đơn vị", "Thiếu tài liệu kiểm chứng");
        assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("#form-under-csp input")))
                .isNotEmpty();
        // A FEEL condition is evaluated: with no reasons the rejection text hides.
        ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "const box = document.createElement('div'); box.id = 'form-without-reasons';"
                        + "document.querySelector('main').append(box);"
                        + "DtiForms.render(box, JSON.parse(arguments[0]), {}).then(() => done('ok'));", schema);
        assertThat(browser.text("#form-without-reasons")).doesNotContain("bị trả lại");
        assertThat(violations()).isEmpty();

        // The listener hears what the policy blocks: an inline script does not run.
        browser.script("const inline = document.createElement('script'); inline.textContent = 'window.inlineRan = true';"
                + "document.body.append(inline);");
        browser.waitUntil(d -> !violations().isEmpty());
        assertThat(violations()).singleElement().asString().startsWith("script-src");
        assertThat(browser.script("return window.inlineRan === undefined")).isEqualTo(true);
    }

    @Test
    void theApiDocumentationOpens() {
        browser.go("/swagger-ui/index.html");
        browser.waitUntil(d -> browser.pageText().contains("/api/audit"));
        assertThat(browser.pageText()).contains("Nhật ký thay đổi");
    }

    @SuppressWarnings("unchecked")
    private static List<String> violations() {
        return (List<String>) browser.script("return window.violations");
    }
}
