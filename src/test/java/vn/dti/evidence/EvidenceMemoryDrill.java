package vn.dti.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.dti.DtiPlatformApplication;
import vn.dti.assessment.Assessment;
import vn.dti.assessment.AssessmentService;
import vn.dti.cycle.CycleService;
import vn.dti.indicator.Level;
import vn.dti.security.DtiUser;
import vn.dti.security.Role;
import vn.dti.workflow.EngineClock;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The slow drill of issue 10 (memory): the application on its HTTP port takes the bombs of {@link Bombs}, two of
 * each at once, and ordinary uploads, while another client asks for the provinces again and again. It prints, for
 * each phase, the heap in use and the process's resident memory at their highest, and the answer times of the other
 * client's requests; and each bomb's answer. It asserts nothing:
 * {@code ./mvnw -q -Pbenchmark test-compile exec:java@memory-drill}.
 */
public final class EvidenceMemoryDrill {

    private static final String PASSWORD = "thu-nghiem";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ORDINARY_REQUESTS = 10;
    private static final int FILES_PER_REQUEST = 20;

    private EvidenceMemoryDrill() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, byte[]> bombs = new TreeMap<>(Map.of(
                "thuoc-tinh-512mb.docx", Bombs.hugeAttributeDocx(512),
                "thuoc-tinh-512mb.odt", Bombs.hugeAttributeOdt(512),
                "bom-nen-1gb.docx", Bombs.zipBombDocx(1024),
                "ty-tieng-cuoi.docx", Bombs.billionLaughsDocx(),
                "long-nhau-20.docx", Bombs.nestedDocx(20)));
        Path store = Files.createTempDirectory("dti-memory-drill-");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(DtiPlatformApplication.class)
                .profiles("test").run("--server.port=0", "--dti.evidence.directory=" + store,
                        "--logging.level.root=warn")) {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            EngineClock clock = app.getBean(EngineClock.class);
            int year = clock.now().atOffset(ZoneOffset.ofHours(7)).getYear() + 1;
            long cycle = app.getBean(CycleService.class).start("TN", year, Level.XA, "TN-H01",
                    new DtiUser("quantri.tn", Role.ADMIN, "TN", "TN")).getId();
            AssessmentService assessments = app.getBean(AssessmentService.class);
            Assessment assessment = waitFor(() -> assessments.ofCycle(cycle).stream()
                    .filter(each -> each.getUnitCode().equals("TN-X001")).findFirst().orElse(null));
            String upload = base + "/api/assessments/" + assessment.getId() + "/evidence";
            System.out.printf("DTI evidence memory drill: heap limit %,d MB, %d processors%n",
                    Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());

            phase("at rest", base, () -> sleep(Duration.ofSeconds(10)));
            phase(ORDINARY_REQUESTS + " ordinary uploads of " + FILES_PER_REQUEST + " files, one after another",
                    base, () -> {
                for (int request = 0; request < ORDINARY_REQUESTS; request++) {
                    List<Map.Entry<String, byte[]>> files = new ArrayList<>();
                    for (int i = 0; i < FILES_PER_REQUEST; i++) {
                        files.add(Map.entry("bao-cao-" + request + "-" + i + ".docx", EvidenceSamples.docx(
                                "Báo cáo", List.of("Báo cáo chuyển đổi số " + UUID.randomUUID()))));
                    }
                    HttpResponse<String> answer = post(upload, files);
                    if (answer.statusCode() != 201) {
                        System.out.println("  ordinary upload answered " + answer.statusCode() + ": " + answer.body());
                    }
                }
            });
            phase("every bomb twice, all at once", base, () -> {
                List<CompletableFuture<String>> answers = new ArrayList<>();
                for (int twice = 0; twice < 2; twice++) {
                    bombs.forEach((name, bomb) -> answers.add(CompletableFuture.supplyAsync(() -> {
                        long start = System.nanoTime();
                        HttpResponse<String> answer = post(upload, List.of(Map.entry(name, bomb)));
                        return String.format("  %-22s %,9d bytes: %d in %,6d ms, %s", name, bomb.length,
                                answer.statusCode(), (System.nanoTime() - start) / 1_000_000, reason(answer));
                    })));
                }
                answers.forEach(answer -> System.out.println(answer.join()));
            });
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(store);
        }
        // The in-process engine leaves a non-daemon timer behind that nothing stops.
        System.exit(0);
    }

    /**
     * Runs {@code work} while another client reads {@code /api/provinces} as fast as it is answered and the memory is
     * sampled every 50 ms, then prints the phase's figures.
     */
    private static void phase(String name, String base, Runnable work) throws Exception {
        System.gc();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong heap = new AtomicLong();
        AtomicLong resident = new AtomicLong();
        List<Long> answers = Collections.synchronizedList(new ArrayList<>());
        List<Integer> failures = Collections.synchronizedList(new ArrayList<>());
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (running.get()) {
                heap.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                resident.accumulateAndGet(residentBytes(), Math::max);
                sleep(Duration.ofMillis(50));
            }
        });
        Thread other = Thread.ofPlatform().daemon().start(() -> {
            while (running.get()) {
                long start = System.nanoTime();
                int status = get(base + "/api/provinces");
                answers.add((System.nanoTime() - start) / 1_000);
                if (status != 200) {
                    failures.add(status);
                }
            }
        });
        long start = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        running.set(false);
        sampler.join();
        other.join();
        List<Long> sorted = answers.stream().sorted().toList();
        System.out.printf("%s (%.1f s): heap at most %,d MB, resident at most %,d MB; other requests: %d answered"
                        + " (%d not 200), p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", name, seconds,
                heap.get() >> 20, resident.get() >> 20, sorted.size(), failures.size(), percentile(sorted, 0.5),
                percentile(sorted, 0.95), percentile(sorted, 1.0));
    }

    private static String reason(HttpResponse<String> answer) {
        try {
            return JSON.readTree(answer.body()).at("/errors/0/reason").asText(answer.body());
        } catch (IOException e) {
            return answer.body();
        }
    }

    private static double percentile(List<Long> sorted, double share) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.max(0, (int) Math.ceil(share * sorted.size()) - 1)) / 1000.0;
    }

    /** The process's resident set (VmRSS), from Linux's {@code /proc/self/status}; 0 elsewhere. */
    private static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static int get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic("quantri.tn"))
                    .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    /** A multipart upload of the files for item 1, as the unit's officer. */
    private static HttpResponse<String> post(String url, List<Map.Entry<String, byte[]>> files) {
        String boundary = "dti-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> file : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                    + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"items\"\r\n\r\n1\r\n--"
                + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic("canbo.tn-x001"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> T waitFor(Supplier<T> probe) {
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < until) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            sleep(Duration.ofMillis(100));
        }
        throw new IllegalStateException("Phiếu của TN-X001 không mở trong 2 phút");
    }
}
