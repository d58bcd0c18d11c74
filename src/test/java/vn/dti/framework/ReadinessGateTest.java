package vn.dti.framework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.dti.DtiPlatformApplication;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing is served before it is true: the API is asked again and again while the application starts, from the
 * moment its port opens, and answers either "not ready yet" or the whole catalog, never an empty or partial one.
 */
class ReadinessGateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Answer(String path, int status, String retryAfter, String body) {
        @Override
        public String toString() {
            return status + " " + path + " " + body.substring(0, Math.min(body.length(), 120));
        }
    }

    @Test
    void duringStartUpTheApiAnswersNotReadyOrTheWholeCatalog() throws Exception {
        int port = freePort();
        CompletableFuture<ConfigurableApplicationContext> started = CompletableFuture.supplyAsync(() ->
                new SpringApplicationBuilder(DtiPlatformApplication.class).profiles("test")
                        .run("--server.port=" + port));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<Answer> answers = new ArrayList<>();
        try {
            boolean last = false;
            while (!last) {
                // One more round once the start has returned: the answers of a ready application are checked too.
                last = started.isDone();
                for (String path : List.of("/api/provinces", "/api/provinces/DLK/units",
                        "/api/indicator-sets?province=DLK")) {
                    ask(http, port, path).ifPresent(answers::add);
                }
                Thread.sleep(20);
            }
        } finally {
            started.thenAccept(ConfigurableApplicationContext::close);
        }
        started.get(1, TimeUnit.SECONDS);
        System.out.printf("Trong lúc khởi động: %d câu trả lời 503, rồi %d câu trả lời 200%n",
                answers.stream().filter(a -> a.status() == 503).count(),
                answers.stream().filter(a -> a.status() == 200).count());

        for (Answer answer : answers) {
            if (answer.status() == 503) {
                assertThat(answer.retryAfter()).as(answer.path()).isNotNull();
                assertThat(JSON.readTree(answer.body()).get("detail").asText()).as(answer.path())
                        .contains("đang khởi động");
                continue;
            }
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            JsonNode body = JSON.readTree(answer.body());
            switch (answer.path()) {
                case "/api/provinces" -> assertThat(body).extracting(p -> p.get("code").asText())
                        .as(answer.toString()).containsExactly("BN", "DLK", "DV", "KT", "NA", "QNA", "TN");
                case "/api/provinces/DLK/units" -> assertThat(body).as(answer.toString()).hasSize(33);
                default -> assertThat(body).as(answer.toString()).isNotEmpty();
            }
        }
        assertThat(answers).as("answers while the application started").anyMatch(a -> a.status() == 503);
        assertThat(answers).as("answers once it had started").anyMatch(a -> a.status() == 200);
    }

    private static Optional<Answer> ask(HttpClient http, int port, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofMinutes(2)).header("Accept", "application/json").build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return Optional.of(new Answer(path, response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse(null), response.body()));
        } catch (ConnectException notListeningYet) {
            return Optional.empty();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
