package vn.dti.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The REST adapter against a local HTTP stub of the Orchestration Cluster REST API: the stub records what it receives
 * and answers with responses shaped as Camunda 8.8 answers them.
 */
class CamundaTaskInboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROCESS_INSTANCE = "2251799813685245";
    private static final String TASK_SCOPE = "2251799813685260";

    private HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Response>> answers = new HashMap<>();
    private CamundaClient client;
    private CamundaTaskInbox inbox;

    record Request(String method, String path, JsonNode body) {
    }

    record Response(int status, String body) {
    }

    @BeforeEach
    void startStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        client = CamundaClient.newClientBuilder()
                .restAddress(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .preferRestOverGrpc(true)
                .build();
        inbox = new CamundaTaskInbox(client);
    }

    @AfterEach
    void stopStub() {
        client.close();
        server.stop(0);
    }

    @Test
    void openTasksAreTheCreatedOnesWithTheirVariables() {
        answer("POST /v2/user-tasks/search", 200, searchResult(1, null, userTask("2251799813685261", null)));
        answer("POST /v2/user-tasks/2251799813685261/variables/search", 200, searchResult(2, null,
                variable("2251799813685270", "cycleId", "7", PROCESS_INSTANCE, false),
                variable("2251799813685271", "unitCode", "\"BN-SO-01\"", PROCESS_INSTANCE, false)));

        List<UserTask> tasks = inbox.openTasks();

        Request search = requests.getFirst();
        assertThat(search.method()).isEqualTo("POST");
        assertThat(search.path()).isEqualTo("/v2/user-tasks/search");
        assertThat(state(search.body().path("filter"))).isEqualTo("CREATED");
        assertThat(requests.get(1).path()).isEqualTo("/v2/user-tasks/2251799813685261/variables/search");
        assertThat(tasks).singleElement().satisfies(task -> {
            assertThat(task.key()).isEqualTo(2251799813685261L);
            assertThat(task.elementId()).isEqualTo("self-assessment");
            assertThat(task.name()).isEqualTo("Tự đánh giá");
            assertThat(task.processInstanceKey()).isEqualTo(2251799813685245L);
            assertThat(task.bpmnProcessId()).isEqualTo("dti-cycle");
            assertThat(task.candidateGroups()).containsExactly("unit:BN-SO-01", "province-admin:BN");
            assertThat(task.assignee()).isNull();
            assertThat(task.dueDate()).isAtSameInstantAs(OffsetDateTime.parse("2026-11-30T17:00:00+07:00"));
            assertThat(task.formKey()).isEqualTo("2251799813685242");
            assertThat(task.variables()).isEqualTo(Map.of("cycleId", 7, "unitCode", "BN-SO-01"));
        });
    }

    @Test
    void aTaskSeesItsOwnScopesVariableAndLongValuesWhole() {
        answer("POST /v2/user-tasks/search", 200, searchResult(1, null, userTask("2251799813685261", "can-bo-01")));
        answer("POST /v2/user-tasks/2251799813685261/variables/search", 200, searchResult(3, null,
                variable("2251799813685272", "replyDays", "15", TASK_SCOPE, false),
                variable("2251799813685273", "replyDays", "10", PROCESS_INSTANCE, false),
                variable("2251799813685274", "items", "[{\"code\":\"1.1\",\"na", PROCESS_INSTANCE, true)));
        answer("GET /v2/variables/2251799813685274", 200, """
                {"variableKey": "2251799813685274", "name": "items", "value": "[{\\"code\\":\\"1.1\\",\\"name\\":\\"Ban hành kế hoạch CĐS\\"}]",
                 "scopeKey": "%s", "processInstanceKey": "%s", "tenantId": "<default>"}""".formatted(
                PROCESS_INSTANCE, PROCESS_INSTANCE));

        UserTask task = inbox.openTasks().getFirst();

        assertThat(task.assignee()).isEqualTo("can-bo-01");
        assertThat(task.variables()).containsEntry("replyDays", 15)
                .containsEntry("items", List.of(Map.of("code", "1.1", "name", "Ban hành kế hoạch CĐS")));
        assertThat(requests).extracting(Request::method, Request::path)
                .contains(tuple("GET", "/v2/variables/2251799813685274"));
    }

    @Test
    void openTasksFollowTheSearchCursorToTheLastPage() {
        answer("POST /v2/user-tasks/search", 200, searchResult(2, "cursor-1", userTask("2251799813685261", null)));
        answer("POST /v2/user-tasks/search", 200, searchResult(2, "cursor-2", userTask("2251799813685262", null)));
        answer("POST /v2/user-tasks/2251799813685261/variables/search", 200, searchResult(0, null));
        answer("POST /v2/user-tasks/2251799813685262/variables/search", 200, searchResult(0, null));

        List<UserTask> tasks = inbox.openTasks();

        List<Request> searches = requests.stream().filter(r -> r.path().equals("/v2/user-tasks/search")).toList();
        assertThat(tasks).extracting(UserTask::key).containsExactly(2251799813685261L, 2251799813685262L);
        assertThat(searches).hasSize(2);
        assertThat(searches.get(0).body().path("page").path("limit").asInt()).isEqualTo(CamundaTaskInbox.PAGE_SIZE);
        assertThat(searches.get(1).body().path("page").path("after").asText()).isEqualTo("cursor-1");
        assertThat(state(searches.get(1).body().path("filter"))).isEqualTo("CREATED");
    }

    @Test
    void oneTaskIsLookedUpByKeyAmongTheOpenOnes() {
        answer("POST /v2/user-tasks/search", 200, searchResult(0, null));

        assertThat(inbox.task(2251799813685261L)).isEmpty();

        JsonNode filter = requests.getFirst().body().path("filter");
        assertThat(filter.path("userTaskKey").asText()).isEqualTo("2251799813685261");
        assertThat(state(filter)).isEqualTo("CREATED");
    }

    @Test
    void assignPostsTheAssignee() {
        answer("POST /v2/user-tasks/2251799813685261/assignment", 204, "");

        inbox.assign(2251799813685261L, "chuyen-vien-tttt");

        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/v2/user-tasks/2251799813685261/assignment");
            assertThat(request.body().path("assignee").asText()).isEqualTo("chuyen-vien-tttt");
        });
    }

    @Test
    void completePostsTheVariablesAsGiven() throws IOException {
        answer("POST /v2/user-tasks/2251799813685261/completion", 204, "");
        Map<String, Object> variables = Map.of(
                "approved", false,
                "comment", "Đề nghị Hội đồng rà soát lại điểm chỉ số 2.3",
                "appraisedItems", List.of(Map.of("code", "2.3", "appraisedPoints", 12.5, "reason", "Thiếu quyết định")));

        inbox.complete(2251799813685261L, variables);

        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/v2/user-tasks/2251799813685261/completion");
            assertThat(request.body().path("variables")).isEqualTo(JSON.valueToTree(variables));
        });
    }

    @Test
    void aRejectionByTheClusterSurfacesWithItsMessage() {
        answer("POST /v2/user-tasks/2251799813685261/completion", 409, """
                {"type": "about:blank", "title": "INVALID_STATE", "status": 409,
                 "detail": "Command 'COMPLETE' rejected with code 'INVALID_STATE': Expected to complete user task with key '2251799813685261', but it is in state 'COMPLETED'",
                 "instance": "/v2/user-tasks/2251799813685261/completion"}""");

        assertThatThrownBy(() -> inbox.complete(2251799813685261L, Map.of("approved", true)))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("but it is in state 'COMPLETED'")
                .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(409));
    }

    @Test
    void anUnknownTaskSurfacesWithTheClustersMessage() {
        answer("POST /v2/user-tasks/2251799813685299/assignment", 404, """
                {"type": "about:blank", "title": "NOT_FOUND", "status": 404,
                 "detail": "Command 'ASSIGN' rejected with code 'NOT_FOUND': Expected to assign user task with key '2251799813685299', but no such user task was found",
                 "instance": "/v2/user-tasks/2251799813685299/assignment"}""");

        assertThatThrownBy(() -> inbox.assign(2251799813685299L, "chuyen-vien-tttt"))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("but no such user task was found");
    }

    /** The client sends the state filter as an operator: {@code "state": {"$eq": "CREATED"}}. */
    private static String state(JsonNode filter) {
        return filter.path("state").path("$eq").asText();
    }

    private void answer(String route, int status, String body) {
        answers.computeIfAbsent(route, r -> new ArrayDeque<>()).add(new Response(status, body));
    }

    /** Serves a route's answers in order, the last one again for any further request. */
    private void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        byte[] received = exchange.getRequestBody().readAllBytes();
        requests.add(new Request(method, path, received.length == 0 ? JSON.missingNode() : JSON.readTree(received)));
        Deque<Response> queued = answers.get(method + " " + path);
        Response response = queued == null ? new Response(404, problem(path))
                : queued.size() > 1 ? queued.removeFirst() : queued.getFirst();
        if (response.body().isEmpty()) {
            exchange.sendResponseHeaders(response.status(), -1);
        } else {
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type",
                    response.status() >= 400 ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(response.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    private static String problem(String path) {
        return """
                {"type": "about:blank", "title": "NOT_FOUND", "status": 404, "detail": "No stubbed answer", "instance": "%s"}"""
                .formatted(path);
    }

    private static String searchResult(long totalItems, String endCursor, String... items) {
        return """
                {"items": [%s], "page": {"totalItems": %d, "startCursor": %s, "endCursor": %s}}""".formatted(
                String.join(", ", items), totalItems, endCursor == null ? "null" : "\"start\"",
                endCursor == null ? "null" : "\"" + endCursor + "\"");
    }

    private static String userTask(String key, String assignee) {
        return """
                {"userTaskKey": "%s", "name": "Tự đánh giá", "state": "CREATED", "assignee": %s,
                 "elementId": "self-assessment", "elementInstanceKey": "%s",
                 "candidateGroups": ["unit:BN-SO-01", "province-admin:BN"], "candidateUsers": [],
                 "processDefinitionId": "dti-cycle", "processDefinitionKey": "2251799813685240",
                 "processInstanceKey": "%s", "formKey": "2251799813685242", "processDefinitionVersion": 1,
                 "creationDate": "2026-10-01T01:00:00.000Z", "dueDate": "2026-11-30T10:00:00.000Z",
                 "tenantId": "<default>", "customHeaders": {}, "priority": 50}""".formatted(
                key, assignee == null ? "null" : "\"" + assignee + "\"", TASK_SCOPE, PROCESS_INSTANCE);
    }

    private static String variable(String key, String name, String json, String scope, boolean truncated) {
        return """
                {"variableKey": "%s", "name": "%s", "value": %s, "scopeKey": "%s", "processInstanceKey": "%s",
                 "tenantId": "<default>", "isTruncated": %b}""".formatted(
                key, name, JSON.valueToTree(json), scope, PROCESS_INSTANCE, truncated);
    }
}
