package vn.dti.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.dti.framework.Poll;
import vn.dti.workflow.EngineClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Uploads as the unit's officer would, over HTTP with basic authentication, to an open assessment of a cycle the
 * province's administrator opens; and counts what is stored, in the database and on disk.
 */
final class EvidenceTestSupport {

    static final String PASSWORD = "thu-nghiem";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    record Upload(String name, byte[] content) {
    }

    /** Everything an upload may leave behind: rows, item names, and files in the store. */
    record Stored(int files, int links, int evidenceNames, long storedFiles) {
    }

    private final TestRestTemplate http;
    private final JdbcTemplate jdbc;
    private final EngineClock clock;
    private final Path store;

    EvidenceTestSupport(TestRestTemplate http, JdbcTemplate jdbc, EngineClock clock, EvidenceProperties properties) {
        this.http = http;
        this.jdbc = jdbc;
        this.clock = clock;
        this.store = properties.directory().toAbsolutePath().normalize();
    }

    Path store() {
        return store;
    }

    /**
     * Opens a cycle for the xã of huyện Hai in the first year still free and returns the unit's open assessment. The
     * years are a century ahead, clear of those the process tests of the same JVM take.
     */
    long openAssessment(String unit) {
        int year = clock.now().atOffset(ZoneOffset.ofHours(7)).getYear() + 100;
        // CycleService.start starts the cycle's process before its transaction commits: now and then the open-period
        // job runs first, fails its three retries at once, and the cycle never opens. Then the next year is opened.
        for (int attempt = 0; attempt < 3; attempt++) {
            ResponseEntity<JsonNode> started;
            do {
                started = json("quantri.tn", HttpMethod.POST, "/api/cycles",
                        Map.of("province", "TN", "year", year++, "level", "XA", "group", "TN-H02"));
            } while (started.getStatusCode() == HttpStatus.CONFLICT);
            if (started.getStatusCode() != HttpStatus.CREATED) {
                throw new AssertionError("Không mở được kỳ đánh giá: " + started);
            }
            long cycle = started.getBody().get("id").asLong();
            Optional<Long> assessment = Poll.within(Duration.ofSeconds(15), () -> {
                for (JsonNode opened : json("quantri.tn", HttpMethod.GET, "/api/cycles/" + cycle, null).getBody()
                        .get("assessments")) {
                    if (opened.get("unitCode").asText().equals(unit)) {
                        return Optional.of(opened.get("id").asLong());
                    }
                }
                return Optional.empty();
            });
            if (assessment.isPresent()) {
                return assessment.get();
            }
        }
        throw new AssertionError("Ba kỳ đánh giá liền không mở được phiếu của " + unit);
    }

    ResponseEntity<JsonNode> upload(String user, long assessment, List<Upload> files, String... items) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        for (Upload file : files) {
            body.add("files", new ByteArrayResource(file.content()) {
                @Override
                public String getFilename() {
                    return file.name();
                }
            });
        }
        for (String item : items) {
            body.add("items", item);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, PASSWORD).exchange("/api/assessments/" + assessment + "/evidence",
                HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    ResponseEntity<JsonNode> json(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, PASSWORD).exchange(path, method, new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    Stored stored() {
        return new Stored(count("select count(*) from evidence_file"), count("select count(*) from evidence_link"),
                count("select coalesce(sum(jsonb_array_length(evidence)), 0) from assessment_item"), filesInStore());
    }

    Map<String, Object> file(String sha256) {
        return jdbc.queryForMap("select * from evidence_file where sha256 = ?", sha256);
    }

    Map<String, Object> awaitStatus(String sha256, String status) {
        return await("tệp " + sha256 + " ở trạng thái " + status,
                () -> Optional.of(file(sha256)).filter(row -> status.equals(row.get("status"))));
    }

    List<String> evidenceNames(long assessment, String item) {
        return jdbc.queryForList("select jsonb_array_elements_text(evidence) from assessment_item"
                + " where assessment_id = ? and item_code = ?", String.class, assessment, item);
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    /** Files in the store, the parts of requests being received left out: the container removes those itself. */
    private long filesInStore() {
        try (Stream<Path> files = Files.walk(store)) {
            return files.filter(Files::isRegularFile).filter(file -> !file.startsWith(store.resolve(".uploads")))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T await(String what, Supplier<Optional<T>> probe) {
        return Poll.await(what, PATIENCE, probe);
    }
}
