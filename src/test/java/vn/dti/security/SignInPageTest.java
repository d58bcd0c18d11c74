package vn.dti.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import vn.dti.framework.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/** The sign-in page in headless Chromium. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SignInPageTest {

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @Test
    void aWrongPasswordIsRefusedInVietnamese() {
        browser.signIn("hoidong.tn-h01", "sai-mat-khau");

        assertThat(browser.path()).startsWith("/login?error");
        assertThat(browser.text(".error")).isEqualTo("Tên đăng nhập hoặc mật khẩu không đúng.");
        assertThat(browser.screenshots("dang-nhap")).as("no sideways scrolling at 360 px").isFalse();
    }

    @Test
    void aSignedInPersonLeavesTheSignInPageAndCanSignOut() {
        browser.signIn("hoidong.tn-h01", "thu-nghiem");
        assertThat(browser.path()).doesNotStartWith("/login");

        browser.go("/login");
        browser.find("header form button").click();
        browser.waitUntil(d -> browser.path().startsWith("/login?logout"));
        assertThat(browser.text(".notice")).isEqualTo("Bạn đã đăng xuất.");
    }
}
