package vn.dti.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import vn.dti.framework.VietnameseFormat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What protects every page and API call, at the HTTP level: the session id at sign-in, the headers, CSRF, the limit
 * on failed sign-ins (page and HTTP Basic), the OIDC sign-in's redirect, and the error answers of pages and API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SecurityWebTest {

    private static final String PASSWORD = "thu-nghiem";
    // Officers no other test signs in as: their names are locked here, and unlocked after each test.
    private static final String LOCKED_ON_PAGE = "canbo.bn-s16";
    private static final String LOCKED_BY_BASIC = "canbo.bn-s17";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FilterChainProxy filters;

    @Autowired
    ObjectMapper json;

    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void unlock() {
        jdbc.update("delete from sign_in_attempt where username in (?, ?, ?)", LOCKED_ON_PAGE, LOCKED_BY_BASIC,
                "khong-co-ai");
    }

    @Test
    void theSessionIdChangesAtSignInAndTheOldOneIsWorthNothing() {
        WebSession browser = new WebSession(port);
        browser.get("/login");
        String before = browser.sessionId().orElseThrow();

        HttpResponse<String> signedIn = browser.signIn("hoidong.tn-h01", PASSWORD);

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        String after = browser.sessionId().orElseThrow();
        assertThat(after).isNotEqualTo(before);
        assertThat(browser.get("/api/tasks").statusCode()).isEqualTo(200);
        // Someone who had planted the old id (session fixation) gets nothing.
        assertThat(new WebSession(port).get("/api/tasks", "Cookie", "JSESSIONID=" + before).statusCode())
                .isEqualTo(401);
    }

    @Test
    void everyAnswerCarriesTheSecureHeaders() {
        for (String path : List.of("/login", "/api/provinces", "/css/dti.css")) {
            HttpResponse<String> response = new WebSession(port).get(path);

            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValue("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src"
                            + " 'self' data: blob:; object-src 'none'; frame-ancestors 'none'; base-uri 'self';"
                            + " form-action 'self'");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path)
                    .hasValue("strict-origin-when-cross-origin");
            // Plain HTTP: browsers ignore HSTS there, so it is not sent.
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as(path).isEmpty();
        }
    }

    @Test
    void httpsAnswersCarryStrictTransportSecurity() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login");
        request.setSecure(true);
        request.setScheme("https");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filters.doFilter(request, response, new MockFilterChain());

        assertThat(response.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000 ; includeSubDomains");
    }

    @Test
    void aPageFormPostedWithoutTheSessionsCsrfTokenIsRefused() {
        WebSession browser = new WebSession(port);
        browser.get("/login");

        HttpResponse<String> forged = browser.postForm("/login", Map.of("username", "quantri.tn",
                "password", PASSWORD), "Accept", "text/html");

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("Không có quyền truy cập");
        assertThat(browser.get("/api/tasks").statusCode()).as("still not signed in").isEqualTo(401);

        browser.signIn("quantri.nentang", PASSWORD);
        String token = browser.csrfToken("/login");
        HttpResponse<String> logoutWithoutToken = browser.postForm("/logout", Map.of());
        assertThat(logoutWithoutToken.statusCode()).isEqualTo(403);
        assertThat(browser.get("/api/tasks").statusCode()).as("still signed in").isEqualTo(200);

        // A script of a signed-in page calling the API with the session must send the token too.
        String advanceNothing = "{\"advance\": \"PT0S\"}";
        HttpResponse<String> scriptWithoutToken = browser.json("POST", "/api/engine/clock", advanceNothing);
        assertThat(scriptWithoutToken.statusCode()).isEqualTo(403);
        assertThat(scriptWithoutToken.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(browser.json("POST", "/api/engine/clock", advanceNothing, "X-CSRF-TOKEN", token).statusCode())
                .isEqualTo(200);
    }

    @Test
    void anApiClientWithBasicNeedsNoCsrfToken() {
        HttpResponse<String> response = new WebSession(port).json("POST", "/api/engine/clock",
                "{\"advance\": \"PT0S\"}", "Authorization", WebSession.basic("quantri.nentang", PASSWORD));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void fiveWrongPasswordsOnTheSignInPageLockTheNameEvenForTheRightPassword() {
        WebSession browser = new WebSession(port);
        for (int i = 1; i <= 4; i++) {
            HttpResponse<String> wrong = browser.signIn(LOCKED_ON_PAGE, "sai-" + i);
            assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        }
        Instant fifth = Instant.now();
        HttpResponse<String> locked = browser.signIn(LOCKED_ON_PAGE, "sai-5");
        assertThat(locked.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?locked"));

        String page = browser.get("/login?locked").body();
        var message = Pattern.compile("Tên đăng nhập này đang tạm khoá do đăng nhập sai nhiều lần\\. Hãy thử lại sau"
                + " (\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2})\\.").matcher(page);
        assertThat(message.find()).as(page).isTrue();
        Instant until = jdbc.queryForObject("select locked_until from sign_in_attempt where username = ?",
                Timestamp.class, LOCKED_ON_PAGE).toInstant();
        assertThat(until).isBetween(fifth.plus(Duration.ofMinutes(15)).minusSeconds(5),
                Instant.now().plus(Duration.ofMinutes(15)));
        assertThat(message.group(1)).isEqualTo(VietnameseFormat.dateTime(until));

        HttpResponse<String> right = browser.signIn(LOCKED_ON_PAGE, PASSWORD);
        assertThat(right.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?locked"));
        HttpResponse<String> basic = new WebSession(port).get("/api/tasks", "Authorization",
                WebSession.basic(LOCKED_ON_PAGE, PASSWORD));
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(basic.body()).contains("đang tạm khoá");
        assertThat(basic.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void fiveWrongPasswordsOverHttpBasicLockTheNameForTheSignInPageToo() throws Exception {
        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> wrong = new WebSession(port).get("/api/tasks", "Authorization",
                    WebSession.basic(LOCKED_BY_BASIC, "sai-" + i));
            assertThat(wrong.statusCode()).isEqualTo(401);
            JsonNode problem = json.readTree(wrong.body());
            assertThat(problem.get("title").asText()).isEqualTo("Chưa đăng nhập");
            assertThat(problem.get("detail").asText()).isEqualTo(i < 5 ? "Tên đăng nhập hoặc mật khẩu không đúng"
                    : "Tên đăng nhập này đang tạm khoá do đăng nhập sai nhiều lần. Hãy thử lại sau "
                    + VietnameseFormat.dateTime(lockedUntil(LOCKED_BY_BASIC)) + ".");
            assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"DTI\"");
        }
        // However the name is written.
        HttpResponse<String> page = new WebSession(port).signIn(LOCKED_BY_BASIC.toUpperCase(), PASSWORD);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?locked"));
    }

    @Test
    void aSuccessfulSignInClearsTheCount() {
        for (int i = 0; i < 4; i++) {
            new WebSession(port).signIn(LOCKED_ON_PAGE, "sai");
        }
        assertThat(new WebSession(port).signIn(LOCKED_ON_PAGE, PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("/login"));
        for (int i = 0; i < 4; i++) {
            new WebSession(port).signIn(LOCKED_ON_PAGE, "sai");
        }
        assertThat(new WebSession(port).signIn(LOCKED_ON_PAGE, PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("/login"));
    }

    @Test
    void aLockIsStoredAndEndsAfterItsDuration() {
        MovableClock clock = new MovableClock(Instant.parse("2031-01-01T00:00:00Z"));
        SignInLimit limit = new SignInLimit(5, Duration.ofMinutes(15), Duration.ofMinutes(15));
        SignInAttempts attempts = new SignInAttempts(jdbc, limit, clock, transactions);
        Supplier<Authentication> wrong = () -> {
            throw new BadCredentialsException("sai");
        };
        for (int i = 0; i < 4; i++) {
            SignInAttempts.Attempt failed = attempts.attempt("khong-co-ai", wrong);
            assertThat(failed.failure()).isNotNull();
            assertThat(failed.lockedUntil()).isNull();
        }
        Instant until = clock.instant().plus(Duration.ofMinutes(15));
        assertThat(attempts.attempt("khong-co-ai", wrong).lockedUntil()).isEqualTo(until);

        // Another instance over the same table, as after a restart, still sees the lock; trying does not lengthen it,
        // and the password is not even checked.
        SignInAttempts afterRestart = new SignInAttempts(jdbc, limit, clock, transactions);
        clock.advance(Duration.ofMinutes(14));
        assertThat(afterRestart.attempt("Khong-Co-Ai", () -> {
            throw new AssertionError("a locked name's password is checked");
        })).isEqualTo(new SignInAttempts.Attempt(null, null, until));
        clock.advance(Duration.ofMinutes(1));
        SignInAttempts.Attempt afterTheLock = afterRestart.attempt("khong-co-ai", wrong);
        assertThat(afterTheLock.failure()).isNotNull();
        assertThat(afterTheLock.lockedUntil()).isNull();
    }

    @Test
    void theSignInPageOffersTheConfiguredOidcProviderAndSendsTheBrowserToItsAuthorizationEndpoint() {
        WebSession browser = new WebSession(port);
        String page = browser.get("/login").body();
        assertThat(page).contains("<a class=\"button\" href=\"/oauth2/authorization/keycloak\">"
                + "Đăng nhập bằng tài khoản của tỉnh (Keycloak)</a>");

        HttpResponse<String> redirect = browser.get("/oauth2/authorization/keycloak");

        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("https://keycloak.invalid/realms/dti/protocol/openid-connect/auth?")
                .contains("response_type=code", "client_id=dti-platform", "scope=openid%20profile", "state=",
                        "nonce=", "redirect_uri=http://localhost:" + port + "/login/oauth2/code/keycloak");
        // Pages still send an anonymous visitor to our own sign-in page, which offers both ways.
        assertThat(new WebSession(port).get("/admin/audit").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void aForbiddenPageIsAVietnamesePageWhileTheApiAnswersAProblemDetail() throws Exception {
        WebSession officer = new WebSession(port);
        officer.signIn("canbo.tn-x001", PASSWORD);

        HttpResponse<String> page = officer.get("/admin/audit", "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<html lang=\"vi\"", "<h1>Không có quyền truy cập</h1>",
                "Chỉ Hội đồng thẩm định và quản trị viên được xem nhật ký thay đổi");

        HttpResponse<String> api = new WebSession(port).get("/api/audit", "Authorization",
                WebSession.basic("canbo.tn-x001", PASSWORD));
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(api.body()).get("detail").asText())
                .isEqualTo("Chỉ Hội đồng thẩm định và quản trị viên được xem nhật ký thay đổi");

        HttpResponse<String> missing = officer.get("/khong-co-trang-nay", "Accept", "text/html");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("<h1>Không tìm thấy</h1>");

        HttpResponse<String> anonymousApi = new WebSession(port).get("/api/tasks");
        assertThat(anonymousApi.statusCode()).isEqualTo(401);
        assertThat(json.readTree(anonymousApi.body()).get("detail").asText())
                .isEqualTo("Cần đăng nhập: gửi tên đăng nhập và mật khẩu (HTTP Basic)");
    }

    private Instant lockedUntil(String username) {
        return jdbc.queryForObject("select locked_until from sign_in_attempt where username = ?", Timestamp.class,
                username).toInstant();
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
