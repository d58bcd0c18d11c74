package vn.dti.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.dti.evidence.EvidenceTestSupport.Stored;
import vn.dti.evidence.EvidenceTestSupport.Upload;
import vn.dti.workflow.EngineClock;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The size and time limits, configured small so that small files break them: a file over the size limit and a
 * file whose reading takes longer than allowed are refused with their own message, and nothing is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dti.evidence.max-file-size=100KB", "dti.evidence.extraction-timeout=1ms"})
@ActiveProfiles("test")
// Its own configuration makes its own application, engine included: closed after it, so that the engines of one
// test JVM do not run side by side (the in-process engine answers job activations wrongly when several do).
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceLimitsTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EngineClock clock;
    @Autowired
    EvidenceProperties properties;

    EvidenceTestSupport support;
    long assessment;

    @BeforeAll
    void openAssessment() {
        support = new EvidenceTestSupport(http, jdbc, clock, properties);
        assessment = support.openAssessment("TN-X005");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeItIsRead() {
        Stored before = support.stored();

        ResponseEntity<JsonNode> response = support.upload("canbo.tn-x005", assessment,
                List.of(new Upload("lon.txt", "chuyển đổi số ".repeat(8_000).getBytes(StandardCharsets.UTF_8))),
                "1");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(response.getBody().get("title").asText()).isEqualTo("Tệp quá lớn");
        assertThat(response.getBody().get("errors").get(0).get("field").asText()).isEqualTo("files[0]");
        assertThat(response.getBody().get("errors").get(0).get("reason").asText())
                .isEqualTo("tệp 'lon.txt': dung lượng 164,1 KB vượt giới hạn 100 KB");
        assertThat(support.stored()).isEqualTo(before);
    }

    @Test
    void aFileThatTakesTooLongToReadIsRefused() {
        Stored before = support.stored();

        ResponseEntity<JsonNode> response = support.upload("canbo.tn-x005", assessment,
                List.of(new Upload("cham.xlsx", EvidenceSamples.xlsx(Collections.nCopies(3_000, "Hạ tầng số")))), "1");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody().get("errors").get(0).get("reason").asText())
                .isEqualTo("tệp 'cham.xlsx': đọc nội dung quá thời gian cho phép (1 mili giây)");
        assertThat(support.stored()).isEqualTo(before);
    }
}
