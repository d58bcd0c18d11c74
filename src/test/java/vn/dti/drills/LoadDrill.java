package vn.dti.drills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.dti.DtiPlatformApplication;
import vn.dti.cycle.ProcessTestSupport;
import vn.dti.indicator.IndicatorNode;
import vn.dti.indicator.IndicatorSetCatalog;
import vn.dti.workflow.EngineClock;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The slow load drill of issue 10: N officers of Bắc Ninh's 25 units (default 49, so most units have two) work for a
 * bounded time against the application running on loopback, each signed in through the sign-in page with its own
 * session and CSRF token as the task page is: the task list, the assessment, a save of one item on the version read
 * (a 409 from the unit's other officer is counted as a conflict, not an error), and every tenth round a small evidence
 * upload. Prints requests/s, p50/p95 per kind, errors, and the heap (used at start, highest sampled, after a GC at
 * the end). Asserts nothing. Run with {@code ./mvnw -q -Pbenchmark test-compile exec:java@load}
 * ({@code -Ddrill.officers=49 -Ddrill.seconds=60}).
 */
public final class LoadDrill {

    private static final int OFFICERS = Integer.getInteger("drill.officers", 49);
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("drill.seconds", 60));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*content=\"([^\"]+)\"|name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final AtomicLong conflicts = new AtomicLong();

    private LoadDrill(String base) {
        this.base = base;
    }

    public static void main(String[] args) {
        // Ends the JVM itself: the in-process engine leaves a non-daemon timer running (see WholeCycleBenchmark).
        try {
            drill();
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void drill() throws Exception {
        try (ConfigurableApplicationContext application = new SpringApplicationBuilder(DtiPlatformApplication.class)
                .profiles("test").bannerMode(Banner.Mode.OFF)
                .run("--server.port=0", "--server.address=127.0.0.1", "--logging.level.root=warn")) {
            String base = "http://127.0.0.1:" + application.getEnvironment().getProperty("local.server.port");
            LoadDrill drill = new LoadDrill(base);
            int year = application.getBean(EngineClock.class).now().atOffset(ZoneOffset.ofHours(7)).getYear() + 1;
            List<Officer> officers = drill.officers(year, application.getBean(IndicatorSetCatalog.class));
            drill.run(officers);
        }
    }

    /** Opens Bắc Ninh's Sở and huyện cycles and signs in N officers spread over their units. */
    private List<Officer> officers(int year, IndicatorSetCatalog sets) throws Exception {
        HttpClient admin = HttpClient.newHttpClient();
        List<JsonNode> assessments = new ArrayList<>();
        for (String level : List.of("SO", "HUYEN")) {
            JsonNode cycle = asAdmin(admin, HttpRequest.newBuilder(URI.create(base + "/api/cycles"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            JSON.writeValueAsString(Map.of("province", "BN", "year", year, "level", level)))));
            long id = cycle.get("id").asLong();
            int expected = -1;
            for (long until = System.nanoTime() + Duration.ofMinutes(2).toNanos(); System.nanoTime() < until; ) {
                JsonNode now = asAdmin(admin, HttpRequest.newBuilder(URI.create(base + "/api/cycles/" + id)).GET());
                if (now.get("status").asText().equals("SELF_ASSESSMENT") && now.get("assessments").size() > 0
                        && now.get("assessments").size() == expected) {
                    now.get("assessments").forEach(a -> assessments.add(((ObjectNode) a).put("indicatorSet",
                            now.get("indicatorSet").asText())));
                    break;
                }
                expected = now.get("assessments").size();
                Thread.sleep(500);
            }
        }
        List<Officer> officers = new ArrayList<>();
        for (int i = 0; i < OFFICERS; i++) {
            JsonNode assessment = assessments.get(i % assessments.size());
            List<IndicatorNode> leaves = sets.get(assessment.get("indicatorSet").asText()).orElseThrow().leaves();
            officers.add(signIn("canbo." + assessment.get("unitCode").asText().toLowerCase(Locale.ROOT),
                    assessment.get("id").asLong(), leaves, i));
        }
        System.out.printf("%d officers of %d units signed in%n", officers.size(), assessments.size());
        return officers;
    }

    private static JsonNode asAdmin(HttpClient admin, HttpRequest.Builder request) throws Exception {
        return JSON.readTree(admin.send(request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("quantri.bn:" + ProcessTestSupport.PASSWORD).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private Officer signIn(String username, long assessment, List<IndicatorNode> leaves, int index) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String token = csrf(client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(ProcessTestSupport.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token;
        client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String pageToken = csrf(client.send(HttpRequest.newBuilder(URI.create(base + "/tasks")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        return new Officer(client, pageToken, assessment, leaves, index);
    }

    private static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new IllegalStateException("Trang không có mã CSRF");
        }
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    private void run(List<Officer> officers) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapAtStart = memory.getHeapMemoryUsage().getUsed();
        AtomicLong heapPeak = new AtomicLong(heapAtStart);
        long started = System.nanoTime();
        long until = started + RUN.toNanos();
        try (ExecutorService threads = Executors.newFixedThreadPool(officers.size() + 1)) {
            threads.submit(() -> {
                while (System.nanoTime() < until) {
                    heapPeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    Thread.sleep(250);
                }
                return null;
            });
            for (Officer officer : officers) {
                threads.submit(() -> {
                    for (int round = 0; System.nanoTime() < until; round++) {
                        officer.round(round);
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.gc();
        long heapAfterGc = memory.getHeapMemoryUsage().getUsed();
        long requests = latencies.values().stream().mapToLong(List::size).sum();
        System.out.printf("%n%d officers, %.0f s, %d requests: %.1f requests/s, %d errors, %d conflicts (409 on a"
                        + " save)%n", officers.size(), seconds, requests, requests / seconds,
                errors.values().stream().mapToLong(AtomicLong::get).sum(), conflicts.get());
        System.out.printf("%-12s %8s %8s %8s %8s%n", "request", "count", "p50 ms", "p95 ms", "errors");
        for (String kind : List.of("task list", "assessment", "save", "upload")) {
            List<Long> times = new ArrayList<>(latencies.getOrDefault(kind, List.of()));
            Collections.sort(times);
            System.out.printf("%-12s %8d %8.0f %8.0f %8d%n", kind, times.size(), percentile(times, 50),
                    percentile(times, 95), errors.getOrDefault(kind, new AtomicLong()).get());
        }
        System.out.printf("heap: %d MB at start, %d MB highest sampled, %d MB after a GC at the end (max %d MB)%n",
                heapAtStart >> 20, heapPeak.get() >> 20, heapAfterGc >> 20,
                memory.getHeapMemoryUsage().getMax() >> 20);
    }

    private static double percentile(List<Long> sorted, int percent) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100)) / 1e6;
    }

    /** One officer's session: its cookies and CSRF token, its unit's assessment and the items it saves. */
    private final class Officer {

        private final HttpClient client;
        private final String token;
        private final long assessment;
        private final List<IndicatorNode> leaves;
        private final int index;

        Officer(HttpClient client, String token, long assessment, List<IndicatorNode> leaves, int index) {
            this.client = client;
            this.token = token;
            this.assessment = assessment;
            this.leaves = leaves;
            this.index = index;
        }

        void round(int round) throws Exception {
            send("task list", request("/api/tasks").GET());
            HttpResponse<String> read = send("assessment", request("/api/assessments/" + assessment).GET());
            IndicatorNode leaf = leaves.get((index * 7 + round) % leaves.size());
            long version = 0;
            if (read.statusCode() == 200) {
                for (JsonNode item : JSON.readTree(read.body()).get("items")) {
                    if (item.get("code").asText().equals(leaf.code())) {
                        version = item.get("version").asLong();
                    }
                }
            }
            send("save", request("/api/assessments/" + assessment).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("items",
                            Map.of(leaf.code(), entry(leaf, round, version)))))));
            if (round % 10 == 9) {
                upload(leaf.code(), round);
            }
        }

        private Map<String, Object> entry(IndicatorNode leaf, int round, long version) {
            String explanation = "Cán bộ " + index + ", lần " + round;
            return switch (leaf.kind()) {
                case YES_NO -> Map.of("met", round % 2 == 0, "explanation", explanation, "version", version);
                case RATIO -> Map.of("percent", round % 101, "explanation", explanation, "version", version);
                case POINTS -> Map.of("points", 0, "explanation", explanation, "version", version);
            };
        }

        private void upload(String item, int round) throws Exception {
            String boundary = "drill" + System.nanoTime();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            String text = "Báo cáo kết quả chuyển đổi số của cán bộ " + index + ", lần " + round + ".\n";
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"bao-cao-"
                    + index + "-" + round + ".txt\"\r\nContent-Type: text/plain\r\n\r\n" + text + "\r\n--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"items\"\r\n\r\n" + item + "\r\n--" + boundary
                    + "--\r\n").getBytes(StandardCharsets.UTF_8));
            send("upload", request("/api/assessments/" + assessment + "/evidence")
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                    .header("X-CSRF-TOKEN", token).timeout(Duration.ofSeconds(60));
        }

        private HttpResponse<String> send(String kind, HttpRequest.Builder request) throws Exception {
            long start = System.nanoTime();
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            latencies.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>()))
                    .add(System.nanoTime() - start);
            if (kind.equals("save") && response.statusCode() == 409) {
                conflicts.incrementAndGet();
            } else if (response.statusCode() >= 300) {
                errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
            }
            return response;
        }
    }
}
