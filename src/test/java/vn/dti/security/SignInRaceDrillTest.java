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
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, failure 4 (the sign-in half): with the count checked first and written after the password check, 40
 * parallel wrong passwords had 40 passwords checked instead of 5, and a right password after 24 parallel failures
 * signed in and left no lock; then, counting each attempt as failed before its check, twenty parallel requests of one
 * client with the right password locked their own name. Each attempt is now checked and counted under the name's row
 * lock.
 * Driven over HTTP Basic against the running application, all attempts released at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SignInRaceDrillTest {

    private static final String PASSWORD = "thu-nghiem";
    // Officers no other test signs in as: locked here, unlocked after each test.
    private static final String FORTY_AT_ONCE = "canbo.bn-s18";
    private static final String THEN_THE_RIGHT_ONE = "canbo.bn-s19";
    private static final String RIGHT_AT_ONCE = "canbo.bn-s15";
    private static final String WRONG = "Tên đăng nhập hoặc mật khẩu không đúng";
    private static final String LOCKED = "Tên đăng nhập này đang tạm khoá do đăng nhập sai nhiều lần";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @AfterEach
    void unlock() {
        jdbc.update("delete from sign_in_attempt where username in (?, ?, ?)", FORTY_AT_ONCE, THEN_THE_RIGHT_ONE,
                RIGHT_AT_ONCE);
    }

    @Test
    void fortyParallelWrongPasswordsGetNoMoreGuessesThanTheLimit() throws Exception {
        Map<String, Long> answers = inParallel(40, i -> WebSession.basic(FORTY_AT_ONCE, "sai-" + i)).stream()
                .collect(Collectors.groupingBy(this::detail, Collectors.counting()));

        System.out.println("40 parallel wrong passwords: " + answers);
        // Five passwords checked: four told wrong, the fifth locks the name; the other 35 were never checked.
        assertThat(answers).containsOnlyKeys(WRONG, LOCKED);
        assertThat(answers.get(WRONG)).isEqualTo(4);
        assertThat(answers.get(LOCKED)).isEqualTo(36);
        assertThat(basic(FORTY_AT_ONCE, PASSWORD).statusCode()).as("the right password, now").isEqualTo(401);
    }

    @Test
    void theRightPasswordAfterTwentyFourParallelFailuresFindsTheNameLocked() throws Exception {
        List<HttpResponse<String>> failures = inParallel(24, i -> WebSession.basic(THEN_THE_RIGHT_ONE, "sai-" + i));
        assertThat(failures).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(401));

        HttpResponse<String> right = basic(THEN_THE_RIGHT_ONE, PASSWORD);

        assertThat(right.statusCode()).isEqualTo(401);
        assertThat(detail(right)).startsWith(LOCKED);
        Timestamp until = jdbc.queryForObject("select locked_until from sign_in_attempt where username = ?",
                Timestamp.class, THEN_THE_RIGHT_ONE);
        assertThat(until.toInstant()).as("the lock is still there").isAfter(Instant.now());
        assertThat(new WebSession(port).signIn(THEN_THE_RIGHT_ONE, PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?locked"));
    }

    @Test
    void twentyParallelRequestsWithTheRightPasswordAllSignInAndLeaveNoLock() throws Exception {
        List<HttpResponse<String>> answers = inParallel(20, i -> WebSession.basic(RIGHT_AT_ONCE, PASSWORD));

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200);
        assertThat(jdbc.queryForObject("select count(*) from sign_in_attempt where username = ?", Integer.class,
                RIGHT_AT_ONCE)).isZero();
    }

    /** {@code count} calls of {@code GET /api/tasks}, each with its own Authorization header, released together. */
    private List<HttpResponse<String>> inParallel(int count, Function<Integer, String> authorization)
            throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String header = authorization.apply(i);
                WebSession session = new WebSession(port);
                calls.add(threads.submit(() -> {
                    start.await();
                    return session.get("/api/tasks", "Authorization", header);
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> call : calls) {
                answers.add(call.get());
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    private HttpResponse<String> basic(String username, String password) {
        return new WebSession(port).get("/api/tasks", "Authorization", WebSession.basic(username, password));
    }

    private String detail(HttpResponse<String> answer) {
        try {
            String detail = json.readTree(answer.body()).get("detail").asText();
            return detail.startsWith(LOCKED) ? LOCKED : detail;
        } catch (Exception e) {
            throw new AssertionError(answer.statusCode() + " " + answer.body(), e);
        }
    }
}
