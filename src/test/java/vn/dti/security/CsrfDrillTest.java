package vn.dti.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, failure 7: a session-authenticated API call skipped the CSRF check as soon as it carried any
 * {@code Authorization} header. A forged request rides on the browser's session cookie whatever headers come with
 * it, so only a call with no live session (HTTP Basic on each request) goes without the token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CsrfDrillTest {

    private static final String PASSWORD = "thu-nghiem";
    /** Whose session the forged calls ride on: the only one who may move the clock, a call that is audited. */
    private static final String USER = "quantri.nentang";
    private static final String STRANGER = "khong-ai-ca";
    private static final String MOVE = "{\"advance\": \"PT0S\"}";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @AfterEach
    void forgetFailures() {
        jdbc.update("delete from sign_in_attempt where username = ?", STRANGER);
    }

    @Test
    void aSessionCallWithoutTheTokenIsRefusedWhateverAuthorizationHeaderComesWithIt() throws Exception {
        WebSession browser = new WebSession(port);
        browser.signIn(USER, PASSWORD);
        String token = browser.csrfToken("/login");

        for (String header : new String[] {"Bearer gia-mao", "Basic !!!", WebSession.basic(STRANGER, "sai"),
                WebSession.basic(USER, PASSWORD)}) {
            int moves = moves();

            HttpResponse<String> forged = browser.json("POST", "/api/engine/clock", MOVE, "Authorization", header);

            assertThat(forged.statusCode()).as(header).isEqualTo(403);
            assertThat(json.readTree(forged.body()).get("detail").asText()).as(header)
                    .isEqualTo("Yêu cầu bị từ chối: gọi từ một phiên đã đăng nhập phải gửi kèm mã CSRF của phiên");
            assertThat(moves()).as("%s changed nothing", header).isEqualTo(moves);
        }
        assertThat(jdbc.queryForObject("select count(*) from sign_in_attempt where username = ?", Integer.class,
                STRANGER)).as("no credentials were even tried").isZero();

        int moves = moves();
        assertThat(browser.json("POST", "/api/engine/clock", MOVE, "X-CSRF-TOKEN", token).statusCode()).isEqualTo(200);
        assertThat(moves()).isEqualTo(moves + 1);
    }

    @Test
    void aProgramWithHttpBasicAndNoLiveSessionNeedsNoToken() {
        // Basic keeps no session, so a client that keeps cookies is not handed one to be held to the token by.
        WebSession program = new WebSession(port);
        for (int call = 1; call <= 2; call++) {
            HttpResponse<String> answer = program.json("POST", "/api/engine/clock", MOVE, "Authorization",
                    WebSession.basic(USER, PASSWORD));
            assertThat(answer.statusCode()).as("call %d", call).isEqualTo(200);
        }
        assertThat(program.sessionId()).isEmpty();

        // A session id the server does not know (expired, or made up) authenticates nothing: no token needed.
        HttpResponse<String> staleCookie = new WebSession(port).json("POST", "/api/engine/clock", MOVE,
                "Authorization", WebSession.basic(USER, PASSWORD), "Cookie", "JSESSIONID=0123456789ABCDEF");
        assertThat(staleCookie.statusCode()).isEqualTo(200);
    }

    private int moves() {
        return jdbc.queryForObject("select count(*) from audit_log where action = 'engine.clock' and actor = ?",
                Integer.class, USER);
    }
}
