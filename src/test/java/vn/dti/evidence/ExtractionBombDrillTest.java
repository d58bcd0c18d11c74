package vn.dti.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.dti.evidence.EvidenceTestSupport.Stored;
import vn.dti.evidence.EvidenceTestSupport.Upload;
import vn.dti.workflow.EngineClock;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drill of issue 10: files made to take the server down while they are read. A 522 KB DOCX holding a 512 MB XML
 * attribute used to be accepted after 25 s with the JVM's memory grown from 1,6 to 6 GB, and two at once ended in
 * OutOfMemoryError. Each is now refused with 422 and its reason, nothing is stored, and the server answers others
 * while it refuses them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtractionBombDrillTest {

    private static final String OFFICER = "canbo.tn-x003";
    private static final String BOMB = "nghi là \"bom nén\": dữ liệu giải nén lớn bất thường so với dung lượng tệp;"
            + " hãy gửi tệp được tạo bình thường";

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
        assessment = support.openAssessment("TN-X003");
    }

    static Stream<Arguments> bombs() {
        return Stream.of(
                Arguments.of("thuoc-tinh-512mb.docx", Bombs.hugeAttributeDocx(512), BOMB),
                Arguments.of("thuoc-tinh-512mb.odt", Bombs.hugeAttributeOdt(512), BOMB),
                Arguments.of("bom-nen.docx", Bombs.zipBombDocx(1024), BOMB),
                Arguments.of("ty-tieng-cuoi.docx", Bombs.billionLaughsDocx(),
                        "phần 'word/document.xml' khai báo DOCTYPE (thực thể XML), điều tài liệu văn phòng không bao"
                                + " giờ có; có thể là \"bom XML\"; hãy gửi tệp được tạo bình thường"),
                Arguments.of("long-nhau.docx", Bombs.nestedDocx(20), "tài liệu nhúng lồng nhau quá 3 cấp"));
    }

    /** After a good file, so that the bomb's refusal leaves the good file unstored too. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("bombs")
    void eachBombIsRefusedWithItsReasonAndNothingIsStored(String name, byte[] bomb, String reason) {
        byte[] good = ("Báo cáo tốt " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        Stored before = support.stored();

        ResponseEntity<JsonNode> response = support.upload(OFFICER, assessment,
                List.of(new Upload("tot.txt", good), new Upload(name, bomb)), "1");

        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody().get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("field").asText()).isEqualTo("files[1]");
            assertThat(error.get("reason").asText()).isEqualTo("tệp '" + name + "': " + reason);
        });
        assertThat(support.stored()).isEqualTo(before);
    }

    /**
     * Every bomb at once, each from an officer of its own request, while someone else reads the provinces again and
     * again: every bomb is refused and every other request answered.
     */
    @Test
    void theServerAnswersOthersWhileItRefusesBombs() {
        Stored before = support.stored();
        List<CompletableFuture<ResponseEntity<JsonNode>>> uploads = bombs()
                .map(bomb -> (Upload) new Upload((String) bomb.get()[0], (byte[]) bomb.get()[1]))
                .flatMap(bomb -> Stream.of(bomb, bomb))
                .map(bomb -> CompletableFuture.supplyAsync(() -> support.upload(OFFICER, assessment, List.of(bomb),
                        "1")))
                .toList();
        List<HttpStatus> others = new ArrayList<>();
        do {
            others.add(HttpStatus.valueOf(support.json("quantri.tn", HttpMethod.GET, "/api/provinces", null)
                    .getStatusCode().value()));
        } while (!uploads.stream().allMatch(CompletableFuture::isDone));

        assertThat(uploads).allSatisfy(upload -> assertThat(upload.join().getStatusCode())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY));
        assertThat(others).isNotEmpty().containsOnly(HttpStatus.OK);
        assertThat(support.stored()).isEqualTo(before);
    }
}
