package vn.dti.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.dti.framework.Poll;
import vn.dti.workflow.EngineClock;
import vn.dti.workflow.TaskInbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request mapping of the application, read from Spring MVC's handler mappings, has a rule here: public, or who
 * must be refused. For each, an anonymous caller gets 401 (API) or is sent to the sign-in page (pages), and each
 * wrong user gets 403 with nothing changed: the cycle's rows, the assessments', the tasks', the imports', the
 * engine's clock, and no audit entry in the wrong user's name.
 *
 * <p>A new endpoint without a rule fails {@link #everyEndpointHasARule()} with its name: add a line to
 * {@link #RULES}. Paths may use the fixture's {@code {assessment}} (TN-X001's assessment in an open xã cycle of
 * TN-H01), {@code {cycle}} and its {@code {cycleYear}}, {@code {task}} (that assessment's open self-assessment task),
 * {@code {evidence}} (the SHA-256 of a file TN-X001's officer attached to it), {@code {import}} (a Đắk Lắk results
 * import) and {@code {year}} (a year free for a new cycle). A page's form is posted with the session's CSRF token, and
 * its refusal must show the reason the page or service gave: a missing token is refused without one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EndpointSecurityTest {

    private static final String PASSWORD = "thu-nghiem";

    /** The officer, council, chairman and administrator that own the fixture; every other user here is wrong. */
    private static final String OFFICER = "canbo.tn-x001";
    private static final String OTHER_OFFICER = "canbo.tn-x002";
    private static final String COUNCIL = "hoidong.tn-h01";
    private static final String OTHER_COUNCIL = "hoidong.tn-h02";
    private static final String CHAIRMAN = "chutich.tn-h01";
    private static final String ADMIN = "quantri.tn";
    /** The platform's administrator moves the engine's clock and nothing else: every rule refuses it but the clock's. */
    private static final String PLATFORM_ADMIN = "quantri.nentang";

    private static final String SELF_SCORE = "{\"items\": {\"2\": {\"met\": true, \"explanation\": \"Có trang\"}}}";
    private static final String APPRAISAL = "{\"items\": {\"2\": {\"met\": false, \"reason\": \"Không thấy trang\"}}}";
    /** The error page's reason, shown when a service or page refuses (templates/error/403.html), never for CSRF. */
    private static final String REASON = "class=\"error\" role=\"alert\"";
    private static final Map<String, String> IMPORT_FIELDS = Map.of("province", "DLK", "level", "HUYEN", "year", "2021");

    /** The fixture's cycle's results page: not published, so not found, for anyone. */
    private static final String RESULTS = "/results/TN/{cycleYear}/TN-H01";

    static final List<Rule> RULES = List.of(
            // Public: the front door, signing in, the error page, the API's documentation and what anyone may read.
            Rule.open("GET /", "sends each person to the page of their role, the public to the results"),
            Rule.open("GET /login", "the sign-in page"),
            Rule.open("ANY /error", "the error page and the API's error answer"),
            Rule.open("GET /v3/api-docs", "the API's description"),
            Rule.open("GET /v3/api-docs.yaml", "the API's description"),
            Rule.open("GET /v3/api-docs/swagger-config", "the API's description"),
            Rule.open("GET /swagger-ui.html", "the API's description"),
            Rule.open("GET /api/provinces", "the catalog of provinces"),
            Rule.open("GET /api/provinces/{code}/units", "the catalog of units").path("/api/provinces/TN/units"),
            Rule.open("GET /api/indicator-sets", "the indicator sets"),
            Rule.open("GET /api/indicator-sets/{id}", "the indicator sets").path("/api/indicator-sets/TN-XA-2024"),
            Rule.open("POST /api/rankings", "computes a posted sheet, stores nothing"),
            Rule.open("GET /api/publications/{cycleId}", "published results only; nothing before publication")
                    .path("/api/publications/{cycle}"),
            // The published results pages and downloads: anyone, a published cycle only; the fixture's cycle is not
            // published, so these answer 404 (aCycleNotYetPublishedShowsNothingToAnyone), never the sign-in page.
            Rule.open("GET /results", "the list of published cycles"),
            Rule.open("GET /results/{cycleId:\\d+}", "a published cycle's results, 404 before publication")
                    .path("/results/{cycle}"),
            Rule.open("GET /results/{province}/{year:\\d{1,4}}/{group}", "a published group's results, 404 before"
                    + " publication").path(RESULTS),
            Rule.open("GET /results/{province}/{year:\\d{1,4}}/{group}/ket-qua.xlsx", "the published results' table")
                    .path(RESULTS + "/ket-qua.xlsx"),
            Rule.open("GET /results/{province}/{year:\\d{1,4}}/{group}/du-thao-quyet-dinh.docx",
                    "the published results' draft decision").path(RESULTS + "/du-thao-quyet-dinh.docx"),
            Rule.open("GET /results/{province}/{year:\\d{1,4}}/{group}/du-thao-quyet-dinh.pdf",
                    "the published results' draft decision").path(RESULTS + "/du-thao-quyet-dinh.pdf"),

            // Signed in, each sees only their own: nothing to refuse by role.
            Rule.api("GET /api/tasks").anyoneSignedIn("lists only the tasks of the caller's own groups"),
            Rule.api("GET /api/engine/clock").anyoneSignedIn("the process clock's time, no data"),
            Rule.page("GET /tasks").anyoneSignedIn("lists only the tasks of the caller's own groups"),

            Rule.api("POST /api/cycles").body("{\"province\": \"TN\", \"year\": {year}, \"level\": \"XA\","
                    + " \"group\": \"TN-H01\"}").refuses(COUNCIL, CHAIRMAN, OFFICER, "quantri.bn"),
            Rule.api("GET /api/cycles/{id}").path("/api/cycles/{cycle}").refuses(OFFICER, OTHER_COUNCIL, "quantri.bn"),
            Rule.api("PUT /api/cycles/{id}/calendar").path("/api/cycles/{cycle}/calendar")
                    .body("{\"field\": \"PUBLICATION_AT\", \"value\": \"{year}-03-01T08:00:00+07:00\","
                            + " \"reason\": \"thử\"}").refuses(COUNCIL, CHAIRMAN, OFFICER, "quantri.bn"),
            Rule.api("POST /api/cycles/{id}/extensions").path("/api/cycles/{cycle}/extensions")
                    .body("{\"unit\": \"TN-X001\", \"deadline\": \"{year}-12-05T23:59:00+07:00\", \"reason\": \"thử\"}")
                    .refuses(COUNCIL, CHAIRMAN, OFFICER, "quantri.bn"),
            Rule.api("GET /api/cycles/{id}/calendar/history").path("/api/cycles/{cycle}/calendar/history")
                    .refuses(OFFICER, OTHER_COUNCIL),
            Rule.api("GET /api/cycles/{cycleId}/exclusions").path("/api/cycles/{cycle}/exclusions")
                    .refuses(OFFICER, OTHER_COUNCIL, "quantri.bn"),
            Rule.api("PUT /api/cycles/{cycleId}/exclusions/{item}").path("/api/cycles/{cycle}/exclusions/1")
                    .body("{\"exclude\": true, \"reason\": \"thử\"}")
                    .refuses(OFFICER, OTHER_COUNCIL, ADMIN, CHAIRMAN, "quantri.bn"),

            // The province administrator's pages: its cycles, their calendars and processes, its sets and units.
            Rule.page("GET /admin").refuses(OFFICER, COUNCIL, CHAIRMAN),
            Rule.page("POST /admin/cycles").form(Map.of("year", "{year}", "group", "XA:TN-H01"))
                    .refuses(OFFICER, COUNCIL, CHAIRMAN),
            Rule.page("GET /admin/cycles/{id}/calendar").path("/admin/cycles/{cycle}/calendar")
                    .refuses(OFFICER, COUNCIL, CHAIRMAN, "quantri.bn"),
            Rule.page("POST /admin/cycles/{id}/calendar").path("/admin/cycles/{cycle}/calendar")
                    .form(Map.of("field", "PUBLICATION_AT", "date", "{year}-03-01", "time", "08:00", "reason", "thử"))
                    .refuses(OFFICER, COUNCIL, CHAIRMAN, "quantri.bn"),
            Rule.page("POST /admin/cycles/{id}/extensions").path("/admin/cycles/{cycle}/extensions")
                    .form(Map.of("unit", "TN-X001", "date", "{cycleYear}-12-05", "time", "23:59", "reason", "thử"))
                    .refuses(OFFICER, COUNCIL, CHAIRMAN, "quantri.bn"),
            Rule.page("GET /admin/cycles/{id}/process").path("/admin/cycles/{cycle}/process")
                    .refuses(OFFICER, COUNCIL, CHAIRMAN, "quantri.bn"),
            Rule.page("GET /admin/processes/{processId}.bpmn").path("/admin/processes/dti-cycle.bpmn")
                    .refuses(OFFICER, COUNCIL, CHAIRMAN),
            Rule.page("GET /admin/indicator-sets").refuses(OFFICER, COUNCIL, CHAIRMAN),
            Rule.page("GET /admin/indicator-sets/{id}").path("/admin/indicator-sets/TN-XA-2024")
                    .refuses(OFFICER, COUNCIL, CHAIRMAN, "quantri.bn"),
            // The page refuses by role before reading the file; a file of another province is the API rule's case.
            Rule.page("POST /admin/indicator-sets").refuses(OFFICER, COUNCIL, CHAIRMAN),
            Rule.api("POST /api/indicator-sets")
                    .multipart(Map.of(), "file", "thu-nghiem-xa-2024.yaml",
                            "classpath:indicator-sets/thu-nghiem-xa-2024.yaml")
                    .refuses(OFFICER, COUNCIL, CHAIRMAN, "quantri.bn"),
            Rule.page("GET /admin/units").refuses(OFFICER, COUNCIL, CHAIRMAN),
            Rule.page("POST /admin/units").form(Map.of("code", "TN-S99", "name", "Sở thử", "level", "SO"))
                    .refuses(OFFICER, COUNCIL, CHAIRMAN),
            Rule.page("POST /admin/units/rename").form(Map.of("code", "TN-X001", "name", "UBND xã Đổi Tên",
                    "reason", "thử")).refuses(OFFICER, COUNCIL, CHAIRMAN),
            Rule.page("POST /admin/units/retire").form(Map.of("code", "TN-X002", "reason", "thử"))
                    .refuses(OFFICER, COUNCIL, CHAIRMAN),
            Rule.api("POST /api/provinces/{code}/units").path("/api/provinces/TN/units")
                    .body("{\"code\": \"TN-S99\", \"name\": \"Sở thử\", \"level\": \"SO\"}")
                    .refuses(OFFICER, COUNCIL, CHAIRMAN, "quantri.bn"),
            Rule.api("PUT /api/provinces/{code}/units/{unit}").path("/api/provinces/TN/units/TN-X001")
                    .body("{\"name\": \"UBND xã Đổi Tên\", \"reason\": \"thử\"}")
                    .refuses(OFFICER, COUNCIL, CHAIRMAN, "quantri.bn"),
            Rule.api("POST /api/provinces/{code}/units/{unit}/retirement")
                    .path("/api/provinces/TN/units/TN-X002/retirement").body("{\"reason\": \"thử\"}")
                    .refuses(OFFICER, COUNCIL, CHAIRMAN, "quantri.bn"),

            Rule.api("GET /api/assessments/{id}").path("/api/assessments/{assessment}")
                    .refuses(OTHER_OFFICER, OTHER_COUNCIL, "chutich.tn-h02", "quantri.bn"),
            Rule.api("PUT /api/assessments/{id}").path("/api/assessments/{assessment}").body(SELF_SCORE)
                    .refuses(OTHER_OFFICER, COUNCIL, CHAIRMAN, ADMIN),
            Rule.api("PUT /api/assessments/{id}/appraisal").path("/api/assessments/{assessment}/appraisal")
                    .body(APPRAISAL).refuses(OFFICER, OTHER_COUNCIL, CHAIRMAN, ADMIN),
            Rule.api("GET /api/assessments/{id}/explanations").path("/api/assessments/{assessment}/explanations")
                    .refuses(OTHER_OFFICER, OTHER_COUNCIL),
            Rule.api("POST /api/assessments/{id}/evidence").path("/api/assessments/{assessment}/evidence")
                    .multipart(Map.of("items", "2"), "files", "quyet-dinh.txt", "Quyết định số 12/QĐ-UBND")
                    .refuses(OTHER_OFFICER, COUNCIL, ADMIN),
            Rule.api("GET /api/assessments/{id}/checks").path("/api/assessments/{assessment}/checks")
                    .refuses(OTHER_OFFICER, OTHER_COUNCIL),
            Rule.api("GET /api/assessments/{id}/evidence/{sha256}")
                    .path("/api/assessments/{assessment}/evidence/{evidence}")
                    .refuses(OTHER_OFFICER, OTHER_COUNCIL, "chutich.tn-h02", "quantri.bn"),
            Rule.api("GET /api/assessments/{id}/evidence/{sha256}/pages/{page}")
                    .path("/api/assessments/{assessment}/evidence/{evidence}/pages/1")
                    .accept("image/png, application/problem+json")
                    .refuses(OTHER_OFFICER, OTHER_COUNCIL, "chutich.tn-h02", "quantri.bn"),

            // The council's pages: its board, a unit's review (read by the scope's chairman and administrator too)
            // and its decisions; the chairman's page and decision; the officer's published result.
            Rule.page("GET /council").refuses(OFFICER, CHAIRMAN, ADMIN),
            Rule.page("GET /council/assessments/{id}").path("/council/assessments/{assessment}")
                    .refuses(OFFICER, OTHER_OFFICER, OTHER_COUNCIL, "chutich.tn-h02", "quantri.bn"),
            Rule.page("POST /council/assessments/{id}/appraisal").path("/council/assessments/{assessment}/appraisal")
                    .form(Map.of("score-2", "0", "reason-2", "Không thấy trang", "action", "save"))
                    .refuses(OFFICER, OTHER_COUNCIL, CHAIRMAN, ADMIN),
            Rule.page("POST /council/assessments/{id}/explanation")
                    .path("/council/assessments/{assessment}/explanation")
                    .form(Map.of("items", "2", "question", "Trang ở đâu?", "replyDays", "5"))
                    .refuses(OFFICER, OTHER_COUNCIL, CHAIRMAN, ADMIN),
            Rule.page("POST /council/cycles/{id}/revision").path("/council/cycles/{cycle}/revision")
                    .form(Map.of("note", "Đã xem lại")).refuses(OFFICER, OTHER_COUNCIL, CHAIRMAN, ADMIN),
            Rule.page("GET /chairman").refuses(OFFICER, COUNCIL, ADMIN),
            Rule.page("POST /chairman/cycles/{id}/decision").path("/chairman/cycles/{cycle}/decision")
                    .form(Map.of("approved", "true")).refuses(OFFICER, COUNCIL, ADMIN, "chutich.tn-h02"),
            Rule.page("GET /my-result").refuses(COUNCIL, CHAIRMAN, ADMIN),
            Rule.api("GET /api/evidence/search").path("/api/evidence/search?q=quyet&unit=TN-X001")
                    .refuses(OTHER_OFFICER, OTHER_COUNCIL, "quantri.bn"),

            Rule.api("POST /api/tasks/{key}/claim").path("/api/tasks/{task}/claim")
                    .refuses(OTHER_OFFICER, COUNCIL, ADMIN),
            Rule.api("POST /api/tasks/{key}/complete").path("/api/tasks/{task}/complete").body("{}")
                    .refuses(OTHER_OFFICER, COUNCIL, ADMIN),
            Rule.api("GET /api/tasks/{key}/draft").path("/api/tasks/{task}/draft")
                    .refuses(OTHER_OFFICER, COUNCIL, ADMIN),
            Rule.api("PUT /api/tasks/{key}/draft").path("/api/tasks/{task}/draft").body("{\"items\": {}}")
                    .refuses(OTHER_OFFICER, COUNCIL, ADMIN),
            Rule.page("GET /tasks/{key}").path("/tasks/{task}").refuses(OTHER_OFFICER, COUNCIL, ADMIN),
            // One clock for every province: a province's administrator may not move it (ClockTenancyDrillTest).
            Rule.api("POST /api/engine/clock").body("{\"advance\": \"P1D\"}")
                    .refusesOnly(ADMIN, "quantri.bn", COUNCIL, CHAIRMAN, OFFICER),

            Rule.api("POST /api/results-imports").path("/api/results-imports")
                    .multipart(IMPORT_FIELDS, "file", "huyen-2021.csv", null)
                    .refuses(OFFICER, CHAIRMAN, COUNCIL, "quantri.bn", "chutich.bn"),
            Rule.api("GET /api/results-imports/{id}").path("/api/results-imports/{import}")
                    .refuses(ADMIN, "hoidong.bn", "canbo.bn-s01"),

            Rule.api("GET /api/audit").path("/api/audit?unit=TN-X001").refuses(OFFICER, CHAIRMAN, "quantri.bn"),
            Rule.page("GET /admin/audit").path("/admin/audit").refuses(OFFICER, CHAIRMAN));

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EngineClock clock;

    @Autowired
    TaskInbox inbox;

    @Autowired
    ObjectMapper json;

    private static Fixture fixture;

    @Test
    void everyEndpointHasARule() {
        Map<String, String> mappings = mappings();
        List<String> missing = mappings.entrySet().stream()
                .filter(mapping -> RULES.stream().noneMatch(rule -> rule.mapping().equals(mapping.getKey())))
                .map(mapping -> mapping.getKey() + "  (" + mapping.getValue() + ")").toList();
        List<String> stale = RULES.stream().map(Rule::mapping).filter(rule -> !mappings.containsKey(rule)).toList();

        assertThat(missing).as("Endpoints without a rule in EndpointSecurityTest.RULES: add one saying who may call"
                + " each and who must be refused:\n  " + String.join("\n  ", missing)).isEmpty();
        assertThat(stale).as("Rules in EndpointSecurityTest.RULES for endpoints that no longer exist:\n  "
                + String.join("\n  ", stale)).isEmpty();
        assertThat(RULES.stream().map(Rule::mapping).distinct().count()).as("one rule per endpoint")
                .isEqualTo(RULES.size());
    }

    @TestFactory
    Stream<DynamicTest> eachEndpointRefusesTheAnonymousAndTheWrongRole() {
        return RULES.stream().map(rule -> DynamicTest.dynamicTest(rule.mapping(), () -> check(rule)));
    }

    @Test
    void aCycleNotYetPublishedShowsNothingToAnyone() {
        Fixture f = fixture();
        for (String who : new String[] {null, ADMIN, COUNCIL}) {
            HttpResponse<String> response = call(who, "GET", "/api/publications/" + f.cycle, null, null);
            assertThat(response.statusCode()).as(String.valueOf(who)).isEqualTo(404);
            assertThat(response.body()).contains("chưa công bố kết quả").doesNotContain("TN-X001");
            // The public pages and downloads: "not found", as for a cycle that does not exist.
            for (String page : List.of("/results/" + f.cycle, f.fill(RESULTS), f.fill(RESULTS) + "/ket-qua.xlsx",
                    f.fill(RESULTS) + "/du-thao-quyet-dinh.docx", f.fill(RESULTS) + "/du-thao-quyet-dinh.pdf")) {
                HttpResponse<String> results = who == null ? new WebSession(port).get(page, "Accept", "text/html")
                        : pageCall(who, "GET", page, Map.of());
                assertThat(results.statusCode()).as("%s as %s", page, who).isEqualTo(404);
                assertThat(results.body()).as("%s as %s", page, who).doesNotContain("TN-X001");
            }
        }
    }

    private void check(Rule rule) {
        Fixture f = fixture();
        String path = f.fill(rule.path());
        if (rule.kind() == Kind.OPEN) {
            HttpResponse<String> anonymous = call(null, rule.method(), path, rule.contentType(), f.body(rule));
            assertThat(anonymous.statusCode()).as("%s is public", rule.mapping()).isNotIn(401, 403);
            assertThat(anonymous.headers().firstValue("Location").orElse(""))
                    .as("%s is public", rule.mapping()).doesNotEndWith("/login");
            return;
        }
        Map<String, String> form = f.form(rule);
        HttpResponse<String> anonymous = rule.kind() == Kind.PAGE ? pageCall(null, rule.method(), path, form)
                : call(null, rule.method(), path, rule.contentType(), f.body(rule), rule.acceptHeader());
        if (rule.kind() == Kind.API) {
            assertThat(anonymous.statusCode()).as("anonymous %s", rule.mapping()).isEqualTo(401);
        } else {
            assertThat(anonymous.statusCode()).as("anonymous %s", rule.mapping()).isEqualTo(302);
            assertThat(anonymous.headers().firstValue("Location").orElse("")).endsWith("/login");
        }
        if (rule.wrongUsers().isEmpty()) {
            assertThat(rule.why()).as("%s: say why no role is refused", rule.mapping()).isNotBlank();
            return;
        }
        boolean pageForm = rule.kind() == Kind.PAGE && !rule.method().equals("GET");
        if (pageForm) {
            // A form without the session's token is refused by Spring Security's CSRF filter, with no reason shown:
            // the reason below is what tells the role's refusal apart from that one.
            WebSession browser = new WebSession(port);
            browser.signIn(rule.wrongUsers().getFirst(), PASSWORD);
            HttpResponse<String> forged = browser.postForm(path, form, "Accept", "text/html");
            assertThat(forged.statusCode()).as("%s without the CSRF token", rule.mapping()).isEqualTo(403);
            assertThat(forged.body()).as("%s without the CSRF token", rule.mapping()).doesNotContain(REASON);
        }
        for (String wrong : rule.wrongUsers()) {
            Fingerprint before = fingerprint(wrong);
            HttpResponse<String> refused = rule.kind() == Kind.PAGE ? pageCall(wrong, rule.method(), path, form)
                    : call(wrong, rule.method(), path, rule.contentType(), f.body(rule), rule.acceptHeader());
            assertThat(refused.statusCode()).as("%s as %s: %s", rule.mapping(), wrong, refused.body()).isEqualTo(403);
            if (pageForm) {
                assertThat(refused.body()).as("%s as %s: refused for the role, with its reason, not for the token",
                        rule.mapping(), wrong).contains(REASON);
            }
            Fingerprint after = fingerprint(wrong);
            assertThat(after.rows()).as("%s as %s changed nothing", rule.mapping(), wrong).isEqualTo(before.rows());
            assertThat(after.clockOffset()).as("%s as %s moved no clock", rule.mapping(), wrong)
                    .isCloseTo(before.clockOffset(), org.assertj.core.api.Assertions.within(Duration.ofSeconds(1).toMillis()));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    enum Kind { OPEN, API, PAGE }

    /**
     * One endpoint: "METHOD /pattern" as Spring maps it, how to call it, and who must be refused. A page's form
     * ({@code form}) is posted with the session's CSRF token; {@code accept} replaces the API's JSON Accept header.
     */
    record Rule(String mapping, Kind kind, String path, String body, Multipart multipart, Map<String, String> form,
                String accept, List<String> wrongUsers, String why) {

        static Rule open(String mapping, String why) {
            return new Rule(mapping, Kind.OPEN, null, null, null, Map.of(), null, List.of(), why);
        }

        static Rule api(String mapping) {
            return new Rule(mapping, Kind.API, null, null, null, Map.of(), null, List.of(), null);
        }

        static Rule page(String mapping) {
            return new Rule(mapping, Kind.PAGE, null, null, null, Map.of(), null, List.of(), null);
        }

        Rule path(String requestPath) {
            return new Rule(mapping, kind, requestPath, body, multipart, form, accept, wrongUsers, why);
        }

        Rule body(String json) {
            return new Rule(mapping, kind, path, json, multipart, form, accept, wrongUsers, why);
        }

        /**
         * A multipart form: text fields, and a file with its name and text (null: seed 004's huyện table;
         * "classpath:…": that resource).
         */
        Rule multipart(Map<String, String> fields, String fileField, String fileName, String fileText) {
            return new Rule(mapping, kind, path, body, new Multipart(fields, fileField, fileName, fileText), form,
                    accept, wrongUsers, why);
        }

        /** A page's form fields, as its form sends them, so that the refusal is the role's and not a missing field. */
        Rule form(Map<String, String> fields) {
            return new Rule(mapping, kind, path, body, multipart, fields, accept, wrongUsers, why);
        }

        Rule accept(String mediaTypes) {
            return new Rule(mapping, kind, path, body, multipart, form, mediaTypes, wrongUsers, why);
        }

        /** These users, and the platform's administrator, must be refused. */
        Rule refuses(String... users) {
            return refusesOnly(Stream.concat(Stream.of(users), Stream.of(PLATFORM_ADMIN)).toArray(String[]::new));
        }

        /** Exactly these users must be refused: for the one endpoint the platform's administrator may call. */
        Rule refusesOnly(String... users) {
            return new Rule(mapping, kind, path, body, multipart, form, accept, List.of(users), why);
        }

        Rule anyoneSignedIn(String reason) {
            return new Rule(mapping, kind, path, body, multipart, form, accept, List.of(), reason);
        }

        String method() {
            String method = mapping.substring(0, mapping.indexOf(' '));
            return method.equals("ANY") ? "GET" : method;
        }

        @Override
        public String path() {
            return path != null ? path : mapping.substring(mapping.indexOf(' ') + 1);
        }

        String contentType() {
            return multipart != null ? "multipart/form-data; boundary=" + Fixture.BOUNDARY
                    : body != null ? "application/json" : null;
        }

        String acceptHeader() {
            return accept != null ? accept : "application/json";
        }
    }

    record Multipart(Map<String, String> fields, String fileField, String fileName, String fileText) {
    }

    /** Every handler method of every RequestMappingHandlerMapping, as "METHOD /pattern" → the Java method. */
    private Map<String, String> mappings() {
        Map<String, String> found = new TreeMap<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            mapping.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod method) -> {
                var methods = info.getMethodsCondition().getMethods();
                List<String> names = methods.isEmpty() ? List.of("ANY")
                        : methods.stream().map(Enum::name).sorted().toList();
                for (String pattern : info.getPatternValues()) {
                    for (String name : names) {
                        found.merge(name + " " + pattern, method.getBeanType().getName() + "#"
                                + method.getMethod().getName(), (a, b) -> a + ", " + b);
                    }
                }
            });
        }
        return found;
    }

    // ---------------------------------------------------------------------------------------------------------------

    private HttpResponse<String> call(String user, String method, String path, String contentType, byte[] body) {
        return call(user, method, path, contentType, body, "application/json");
    }

    private HttpResponse<String> call(String user, String method, String path, String contentType, byte[] body,
                                      String accept) {
        return user == null ? new WebSession(port).send(method, path, contentType, body, "Accept", accept)
                : new WebSession(port).send(method, path, contentType, body, "Accept", accept,
                "Authorization", WebSession.basic(user, PASSWORD));
    }

    /** As a browser: a session signed in on the sign-in page, forms carrying the session's CSRF token. */
    private HttpResponse<String> pageCall(String user, String method, String path, Map<String, String> form) {
        WebSession browser = new WebSession(port);
        if (user != null) {
            browser.signIn(user, PASSWORD);
        }
        if (method.equals("GET")) {
            return browser.get(path, "Accept", "text/html");
        }
        Map<String, String> sent = new java.util.LinkedHashMap<>(form);
        sent.put("_csrf", browser.csrfToken("/login"));
        return browser.postForm(path, sent, "Accept", "text/html");
    }

    /** What a refused request must leave as it was. */
    record Fingerprint(List<String> rows, long clockOffset) {
    }

    private Fingerprint fingerprint(String wrongUser) {
        Fixture f = fixture();
        List<String> rows = new ArrayList<>();
        String assessments = "(select id from assessment where cycle_id = " + f.cycle + ")";
        for (String query : List.of(
                "select count(*) || ':' || max(id) from cycle",
                "select status || step from cycle where id = " + f.cycle,
                "select string_agg(a::text, ';' order by id) from assessment a where cycle_id = " + f.cycle,
                "select string_agg(i::text, ';' order by assessment_id, item_code) from assessment_item i"
                        + " where assessment_id in " + assessments,
                "select string_agg(e::text, ';' order by id) from explanation_request e where assessment_id in "
                        + assessments,
                "select string_agg(l::text, ';' order by id) from evidence_link l where assessment_id in " + assessments,
                "select string_agg(c::text, ';') from cycle_calendar c where cycle_id = " + f.cycle,
                "select string_agg(d::text, ';') from unit_deadline d where cycle_id = " + f.cycle,
                "select count(*) from calendar_change where cycle_id = " + f.cycle,
                "select count(*) from cycle_decision where cycle_id = " + f.cycle,
                "select count(*) from publication where cycle_id = " + f.cycle,
                "select count(*) || ':' || max(id) from results_import",
                "select string_agg(d::text, ';' order by username) from task_draft d where task_key = " + f.task,
                "select count(*) || ':' || max(id) from indicator_set",
                "select string_agg(u::text, ';' order by code) from unit u where province_code = 'TN'",
                "select count(*) from audit_log where actor = '" + wrongUser + "'")) {
            rows.add(String.valueOf(jdbc.queryForObject(query, String.class)));
        }
        rows.add(inbox.task(f.task).map(task -> "task open, assignee " + task.assignee()).orElse("task gone"));
        return new Fingerprint(rows, Duration.between(Instant.now(), clock.now()).toMillis());
    }

    // ---------------------------------------------------------------------------------------------------------------

    private synchronized Fixture fixture() {
        if (fixture == null) {
            fixture = Fixture.create(this);
        }
        return fixture;
    }

    /** An open xã cycle of TN-H01 with TN-X001's assessment and its open task, and a Đắk Lắk results import. */
    private static final class Fixture {

        static final String BOUNDARY = "dti-bien-gioi-7f3a";

        long cycle;
        long assessment;
        long task;
        long resultsImport;
        int cycleYear;
        int freeYear;
        String evidence;
        byte[] table;

        static Fixture create(EndpointSecurityTest test) {
            Fixture f = new Fixture();
            try {
                f.table = new ClassPathResource("seed004/huyen-2021.csv").getContentAsByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // Years two centuries ahead: clear of the other tests' cycles in this JVM.
            int year = test.clock.now().atOffset(ZoneOffset.ofHours(7)).getYear() + 200;
            for (int attempt = 0; attempt < 3 && f.assessment == 0; attempt++) {
                HttpResponse<String> started;
                do {
                    f.cycleYear = year++;
                    started = test.call(ADMIN, "POST", "/api/cycles", "application/json", utf8("{\"province\": \"TN\","
                            + " \"year\": " + f.cycleYear + ", \"level\": \"XA\", \"group\": \"TN-H01\"}"));
                } while (started.statusCode() == 409);
                assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
                f.cycle = test.read(started).get("id").asLong();
                f.assessment = Poll.within(Duration.ofSeconds(20), () -> {
                    for (JsonNode a : test.read(test.call(ADMIN, "GET", "/api/cycles/" + f.cycle, null, null))
                            .get("assessments")) {
                        if (a.get("unitCode").asText().equals("TN-X001")) {
                            return Optional.of(a.get("id").asLong());
                        }
                    }
                    return Optional.empty();
                }).orElse(0L);
            }
            assertThat(f.assessment).as("TN-X001's assessment opened").isNotZero();
            f.freeYear = year + 1;
            f.task = Poll.within(Duration.ofSeconds(30), () -> {
                for (JsonNode task : test.read(test.call(OFFICER, "GET", "/api/tasks", null, null))) {
                    if (task.get("elementId").asText().equals("self-assessment")
                            && task.get("variables").path("assessmentId").asLong() == f.assessment) {
                        return Optional.of(task.get("key").asLong());
                    }
                }
                return Optional.empty();
            }).orElseThrow(() -> new AssertionError("TN-X001's self-assessment task"));
            HttpResponse<String> imported = test.call("quantri.dlk", "POST", "/api/results-imports",
                    "multipart/form-data; boundary=" + BOUNDARY,
                    f.multipart(new Multipart(IMPORT_FIELDS, "file", "huyen-2021.csv", null)));
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
            f.resultsImport = test.read(imported).get("id").asLong();
            HttpResponse<String> uploaded = test.call(OFFICER, "POST", "/api/assessments/" + f.assessment + "/evidence",
                    "multipart/form-data; boundary=" + BOUNDARY, f.multipart(new Multipart(Map.of("items", "2"),
                            "files", "quyet-dinh-kiem-chung.txt", "Quyết định số 34/QĐ-UBND về trang thông tin")));
            assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
            f.evidence = test.read(uploaded).get(0).get("sha256").asText();
            return f;
        }

        private static byte[] resource(String name) {
            try {
                return new ClassPathResource(name).getContentAsByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String fill(String text) {
            return text.replace("{assessment}", String.valueOf(assessment)).replace("{cycle}", String.valueOf(cycle))
                    .replace("{task}", String.valueOf(task)).replace("{import}", String.valueOf(resultsImport))
                    .replace("{year}", String.valueOf(freeYear)).replace("{cycleYear}", String.valueOf(cycleYear))
                    .replace("{evidence}", String.valueOf(evidence));
        }

        Map<String, String> form(Rule rule) {
            Map<String, String> filled = new TreeMap<>();
            rule.form().forEach((name, value) -> filled.put(name, fill(value)));
            return filled;
        }

        byte[] body(Rule rule) {
            if (rule.multipart() != null) {
                return multipart(rule.multipart());
            }
            return rule.body() == null ? null : utf8(fill(rule.body()));
        }

        byte[] multipart(Multipart form) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new TreeMap<>(form.fields()).forEach((name, value) -> out.writeBytes(utf8("--" + BOUNDARY
                    + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")));
            out.writeBytes(utf8("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + form.fileField()
                    + "\"; filename=\"" + form.fileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
            out.writeBytes(form.fileText() == null ? table : form.fileText().startsWith("classpath:")
                    ? resource(form.fileText().substring("classpath:".length())) : utf8(form.fileText()));
            out.writeBytes(utf8("\r\n--" + BOUNDARY + "--\r\n"));
            return out.toByteArray();
        }
    }

    private JsonNode read(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static {
        // The rules' own sanity: API rules call /api/ paths, pages do not.
        for (Rule rule : RULES) {
            if (rule.kind() == Kind.API && !rule.path().startsWith("/api/")
                    || rule.kind() == Kind.PAGE && rule.path().startsWith("/api/")) {
                throw new IllegalStateException("rule " + rule.mapping() + ": API rules are for /api/ paths only");
            }
        }
    }
}
