package vn.dti.cycle;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.dti.framework.Poll;
import vn.dti.workflow.EngineClock;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Drives processes the way people and time do: through the HTTP API as a given user, and by moving the embedded
 * engine's clock. Waits poll for an expected state (the workers run asynchronously); a wait that times out fails
 * with what it waited for.
 */
public final class ProcessTestSupport {

    public static final String PASSWORD = "thu-nghiem";
    private static final AtomicInteger YEARS = new AtomicInteger();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final TestRestTemplate http;
    private final EngineClock clock;
    /** Who reads the cycles: the administrator of their province. */
    private final String admin;

    public ProcessTestSupport(TestRestTemplate http, EngineClock clock) {
        this(http, clock, "quantri.tn");
    }

    private ProcessTestSupport(TestRestTemplate http, EngineClock clock, String admin) {
        this.http = http;
        this.clock = clock;
        this.admin = admin;
    }

    /** The same, reading cycles as another province's administrator. */
    ProcessTestSupport as(String administrator) {
        return new ProcessTestSupport(http, clock, administrator);
    }

    /** A year whose calendar lies wholly ahead of the engine's clock, different for every test of the JVM. */
    public int freshYear() {
        return clock.now().atOffset(ZoneOffset.ofHours(7)).getYear() + 2 + YEARS.getAndIncrement();
    }

    public ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, PASSWORD).exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    public JsonNode ok(String user, HttpMethod method, String path, Object body) {
        ResponseEntity<JsonNode> response = call(user, method, path, body);
        if (!response.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError(method + " " + path + " as " + user + ": " + response.getStatusCode() + " "
                    + response.getBody());
        }
        return response.getBody();
    }

    public long startCycle(int year, String level, String group) {
        Map<String, Object> body = group == null ? Map.of("province", "TN", "year", year, "level", level)
                : Map.of("province", "TN", "year", year, "level", level, "group", group);
        return ok("quantri.tn", HttpMethod.POST, "/api/cycles", body).get("id").asLong();
    }

    public JsonNode cycle(long id) {
        return ok(admin, HttpMethod.GET, "/api/cycles/" + id, null);
    }

    public long assessmentOf(long cycleId, String unit) {
        JsonNode cycle = await("phiếu của " + unit, () -> {
            JsonNode node = cycle(cycleId);
            for (JsonNode a : node.get("assessments")) {
                if (a.get("unitCode").asText().equals(unit)) {
                    return Optional.of(a);
                }
            }
            return Optional.empty();
        });
        return cycle.get("id").asLong();
    }

    public String assessmentStatus(String user, long assessmentId) {
        return ok(user, HttpMethod.GET, "/api/assessments/" + assessmentId, null).get("status").asText();
    }

    public void awaitAssessmentStatus(String user, long assessmentId, String status) {
        await("phiếu " + assessmentId + " ở trạng thái " + status,
                () -> Optional.of(assessmentStatus(user, assessmentId)).filter(status::equals));
    }

    public void awaitCycleStatus(long cycleId, String status) {
        await("kỳ " + cycleId + " ở trạng thái " + status,
                () -> Optional.of(cycle(cycleId)).filter(c -> c.get("status").asText().equals(status)));
    }

    /** The first open task of the user at that element whose variables satisfy {@code variables}. */
    public JsonNode awaitTask(String user, String elementId, Predicate<JsonNode> variables) {
        return await("công việc " + elementId + " của " + user, () -> findTask(user, elementId, variables));
    }

    public Optional<JsonNode> findTask(String user, String elementId, Predicate<JsonNode> variables) {
        for (JsonNode task : ok(user, HttpMethod.GET, "/api/tasks", null)) {
            if (task.get("elementId").asText().equals(elementId) && variables.test(task.get("variables"))) {
                return Optional.of(task);
            }
        }
        return Optional.empty();
    }

    public static Predicate<JsonNode> forAssessment(long assessmentId) {
        return variables -> variables.path("assessmentId").asLong() == assessmentId;
    }

    public static Predicate<JsonNode> forCycle(long cycleId) {
        return variables -> variables.path("cycleId").asLong() == cycleId;
    }

    public void complete(String user, JsonNode task, Map<String, Object> variables) {
        ok(user, HttpMethod.POST, "/api/tasks/" + task.get("key").asLong() + "/complete", variables);
    }

    void awaitTaskGone(String user, JsonNode task) {
        long key = task.get("key").asLong();
        await("công việc " + key + " đã xong", () -> {
            for (JsonNode open : ok(user, HttpMethod.GET, "/api/tasks", null)) {
                if (open.get("key").asLong() == key) {
                    return Optional.empty();
                }
            }
            return Optional.of(true);
        });
    }

    public void advanceTo(OffsetDateTime at) {
        clock.advanceTo(at.toInstant());
    }

    Instant now() {
        return clock.now();
    }

    /** For tests that drive the beans directly: the unit's assessment in the cycle, once the period has opened. */
    static long assessmentOf(vn.dti.assessment.AssessmentService assessments, long cycleId, String unit) {
        return await("phiếu của " + unit, () -> assessments.ofCycle(cycleId).stream()
                .filter(a -> a.getUnitCode().equals(unit)).findFirst()).getId();
    }

    /** For tests that drive the beans directly: the open task at that element of that assessment. */
    static vn.dti.workflow.UserTask taskOf(vn.dti.workflow.TaskInbox inbox, String elementId, long assessmentId) {
        return await("công việc " + elementId + " của phiếu " + assessmentId, () -> inbox.openTasks().stream()
                .filter(t -> t.elementId().equals(elementId)
                        && Long.valueOf(assessmentId).equals(number(t, "assessmentId")))
                .findFirst());
    }

    static Long number(vn.dti.workflow.UserTask task, String variable) {
        return task.variables().get(variable) instanceof Number n ? n.longValue() : null;
    }

    static <T> T await(String what, Supplier<Optional<T>> probe) {
        return Poll.await(what, PATIENCE, probe);
    }
}
