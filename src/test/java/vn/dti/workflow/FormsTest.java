package vn.dti.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Camunda Forms in {@code forms/}, as Tasklist and our own pages will render them. */
class FormsTest {

    private static final Path FORMS = Path.of("forms");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

    /** The process variables each form binds: a group's or dynamic list's path, then the field's key. */
    private static final Map<String, List<String>> BINDINGS = Map.of(
            "self-assessment", List.of(
                    "generalInfo.name", "generalInfo.address", "generalInfo.portal", "generalInfo.affiliatedUnits",
                    "generalInfo.civilServants", "generalInfo.publicEmployees", "generalInfo.administrativeProcedures",
                    "provider.fullName", "provider.workplace", "provider.position", "provider.phone",
                    "provider.email",
                    "approver.fullName", "approver.workplace", "approver.position", "approver.phone",
                    "approver.email",
                    "items.code", "items.name", "items.kind", "items.met", "items.numerator", "items.denominator",
                    "items.points", "items.notApplicable", "items.explanation", "items.evidence"),
            "explanation-request", List.of("explanationItems", "explanationQuestion", "replyDays"),
            "explanation-answer", List.of("explanationQuestion", "explanationItems", "explanationAnswer",
                    "explanationEvidence"),
            "council-appraisal", List.of("unitName", "decision", "appraisedItems.code",
                    "appraisedItems.appraisedPoints", "appraisedItems.reason"),
            "approval", List.of("approved", "comment"));

    static Stream<Path> forms() throws IOException {
        try (Stream<Path> files = Files.list(FORMS)) {
            return files.filter(file -> file.toString().endsWith(".form")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("forms")
    void isAFormJsSchemaNamedAfterItsFile(Path file) throws IOException {
        JsonNode form = read(file);

        assertThat(form.path("id").asText()).isEqualTo(file.getFileName().toString().replace(".form", ""));
        assertThat(form.path("type").asText()).isEqualTo("default");
        assertThat(form.path("schemaVersion").asInt()).isEqualTo(18);
        assertThat(form.path("executionPlatformVersion").asText()).isEqualTo("8.8.0");
        assertThat(form.path("components").isArray()).isTrue();
        assertThat(form.path("components")).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("forms")
    void bindsEachVariableOnceAndGivesEachComponentItsOwnId(Path file) throws IOException {
        JsonNode form = read(file);
        List<String> ids = new ArrayList<>();
        walk(form, "", (component, binding) -> ids.add(component.path("id").asText()));

        assertThat(bindings(form)).doesNotHaveDuplicates();
        assertThat(ids).doesNotContain("").doesNotHaveDuplicates();
    }

    @Test
    void eachFormBindsTheVariablesTheProcessesUse() throws IOException {
        for (var expected : BINDINGS.entrySet()) {
            assertThat(bindings(read(FORMS.resolve(expected.getKey() + ".form"))))
                    .as(expected.getKey())
                    .containsAll(expected.getValue());
        }
    }

    @Test
    void textViewsShowTheVariablesTheyAreFor() throws IOException {
        JsonNode rejection = component(read(FORMS.resolve("self-assessment.form")), "rejection_reasons");
        JsonNode summary = component(read(FORMS.resolve("approval.form")), "ranking_summary");

        assertThat(rejection.path("text").asText()).contains("{{rejectionReasons}}");
        assertThat(hidden(rejection, Map.of())).isTrue();
        assertThat(hidden(rejection, Map.of("rejectionReasons", "Thiếu tài liệu kiểm chứng"))).isFalse();
        assertThat(summary.path("text").asText()).contains("{{rankingSummary}}");
    }

    @Test
    void contactEmailsAreValidatedAsEmails() throws IOException {
        JsonNode form = read(FORMS.resolve("self-assessment.form"));

        for (String id : List.of("provider_email", "approver_email")) {
            assertThat(component(form, id).path("validate").path("validationType").asText()).as(id).isEqualTo("email");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApproverChoosesATrueOrFalseFlag() throws IOException {
        JsonNode approved = component(read(FORMS.resolve("approval.form")), "approved");

        var options = (List<Map<String, Object>>) FEEL.evaluateExpression(approved.path("valuesExpression").asText().substring(1),
                Map.of()).result();

        assertThat(options).map(option -> option.get("value")).containsExactly(true, false);
    }

    @ParameterizedTest
    @CsvSource({"YES_NO, met", "RATIO, numerator denominator", "POINTS, points"})
    void anItemRowShowsTheScoreFieldsOfItsKindOnly(String kind, String scoreFields) throws IOException {
        Map<String, Object> row = Map.of("kind", kind);

        assertThat(visibleRowFields(row)).containsExactlyInAnyOrder(
                Stream.concat(Stream.of(scoreFields.split(" ")), Stream.of("evidence", "explanation"))
                        .toArray(String[]::new));
    }

    @Test
    void anItemNotApplicableToTheUnitAsksForNothing() throws IOException {
        assertThat(visibleRowFields(Map.of("kind", "RATIO", "notApplicable", true))).isEmpty();
    }

    /** The row fields a unit fills in that form-js shows for {@code row}. */
    private static Set<String> visibleRowFields(Map<String, Object> row) throws IOException {
        JsonNode items = component(read(FORMS.resolve("self-assessment.form")), "items");
        Set<String> visible = new TreeSet<>();
        for (JsonNode field : items.path("components")) {
            String key = field.path("key").asText();
            boolean filledIn = !field.path("readonly").asBoolean() && !key.equals("notApplicable");
            if (filledIn && !hidden(field, Map.of("this", row))) {
                visible.add(key);
            }
        }
        return visible;
    }

    /** Evaluates the component's "hide if" condition as form-js does: a FEEL expression after the "=". */
    private static boolean hidden(JsonNode component, Map<String, Object> context) {
        String condition = component.path("conditional").path("hide").asText();
        if (condition.isEmpty()) {
            return false;
        }
        var result = FEEL.evaluateExpression(condition.substring(1), context);
        assertThat(result.isSuccess()).as(condition).isTrue();
        return Boolean.TRUE.equals(result.result());
    }

    private static List<String> bindings(JsonNode form) {
        List<String> bindings = new ArrayList<>();
        walk(form, "", (component, binding) -> {
            if (binding != null) {
                bindings.add(binding);
            }
        });
        return bindings;
    }

    /** Visits every component with the variable it binds (null if none), following group and list paths. */
    private static void walk(JsonNode container, String prefix, BiConsumer<JsonNode, String> visitor) {
        for (JsonNode component : container.path("components")) {
            String key = component.path("key").asText();
            visitor.accept(component, key.isEmpty() ? null : prefix + key);
            String path = component.path("path").asText();
            walk(component, path.isEmpty() ? prefix : prefix + path + ".", visitor);
        }
    }

    private static JsonNode component(JsonNode form, String id) {
        Map<String, JsonNode> byId = new HashMap<>();
        walk(form, "", (component, binding) -> byId.put(component.path("id").asText(), component));
        assertThat(byId).as("components of form %s", form.path("id").asText()).containsKey(id);
        return byId.get(id);
    }

    private static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }
}
