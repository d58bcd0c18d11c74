package vn.dti.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
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
import vn.dti.workflow.ProcessEngine;
import vn.dti.workflow.ProcessModel.EvidenceIndexing;
import vn.dti.workflow.ProcessModel.UnitAssessment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dti.evidence.EvidenceSamples.PLAN;

/**
 * The evidence upload through the HTTP API as a unit's officer, with files of every accepted type and every kind of
 * bad file made by the tests, and the indexing job that follows it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceUploadTest {

    static final String OFFICER = "canbo.tn-x003";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EngineClock clock;
    @Autowired
    EvidenceProperties properties;
    @Autowired
    EvidenceService service;
    @Autowired
    EvidenceRecovery recovery;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ZeebeTestEngine zeebe;

    EvidenceTestSupport support;
    long assessment;

    @BeforeAll
    void openAssessment() {
        support = new EvidenceTestSupport(http, jdbc, clock, properties);
        assessment = support.openAssessment("TN-X003");
    }

    @Test
    void storesFilesOfEveryAcceptedTypeAndIndexesTheirHeaders() {
        List<Upload> files = List.of(
                new Upload("Kế hoạch 15-KH-UBND.pdf", EvidenceSamples.pdf("Kế hoạch chuyển đổi số", PLAN)),
                new Upload("ke-hoach.docx", EvidenceSamples.docx("Kế hoạch chuyển đổi số", PLAN)),
                new Upload("ke-hoach.doc", EvidenceSamples.doc("Kế hoạch chuyển đổi số", PLAN)),
                new Upload("so-lieu.xlsx", EvidenceSamples.xlsx(PLAN)),
                new Upload("so-lieu.xls", EvidenceSamples.xls(PLAN)),
                new Upload("ke-hoach.odt", EvidenceSamples.odt(PLAN)),
                new Upload("so-lieu.ods", EvidenceSamples.ods(PLAN)),
                new Upload("trinh-bay.pptx", EvidenceSamples.pptx(PLAN)),
                new Upload("ke-hoach.txt", EvidenceSamples.text(PLAN)),
                new Upload("anh-chup.png", EvidenceSamples.png(PLAN)),
                new Upload("anh-chup.jpg", EvidenceSamples.jpeg(PLAN)));
        Stored before = support.stored();
        long processes = indexingProcesses();

        ResponseEntity<JsonNode> response = support.upload(OFFICER, assessment, files, "1");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode stored = response.getBody();
        assertThat(stored).hasSize(files.size());
        assertThat(indexingProcesses()).as("one indexing process for the whole upload").isEqualTo(processes + 1);
        assertThat(stored.findValuesAsText("mediaType")).containsExactly("application/pdf",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/msword",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-excel",
                "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
                "application/vnd.openxmlformats-officedocument.presentationml.presentation", "text/plain",
                "image/png", "image/jpeg");
        assertThat(stored.findValuesAsText("name"))
                .containsExactlyElementsOf(files.stream().map(Upload::name).toList());
        for (int i = 0; i < files.size(); i++) {
            byte[] content = files.get(i).content();
            String sha256 = sha256(content);
            assertThat(stored.get(i).get("sha256").asText()).isEqualTo(sha256);
            assertThat(stored.get(i).get("size").asLong()).isEqualTo(content.length);
            assertThat(support.store().resolve(sha256.substring(0, 2)).resolve(sha256)).hasBinaryContent(content);
        }
        assertThat(support.stored()).isEqualTo(new Stored(before.files() + 11, before.links() + 11,
                before.evidenceNames() + 11, before.storedFiles() + 11));
        assertThat(support.evidenceNames(assessment, "1")).containsAll(files.stream().map(Upload::name).toList());

        for (int i = 0; i < 9; i++) {
            Map<String, Object> row = support.awaitStatus(stored.get(i).get("sha256").asText(), "INDEXED");
            assertThat((String) row.get("text")).as(files.get(i).name())
                    .contains("Triển khai chuyển đổi số năm 2024 của Ủy ban nhân dân xã Một A");
            assertThat(row).as(files.get(i).name()).containsEntry("doc_number", "15/KH-UBND")
                    .containsEntry("doc_date", Date.valueOf(LocalDate.of(2023, 10, 6)))
                    .containsEntry("doc_kind", "Kế hoạch").containsEntry("no_text", false);
        }
        Map<String, Object> pdf = support.file(stored.get(0).get("sha256").asText());
        assertThat(pdf).containsEntry("title", "Kế hoạch chuyển đổi số").containsEntry("author", "Văn phòng UBND xã")
                .containsEntry("page_count", 1);
    }

    @Test
    void theSameFileIsStoredOnceAndLinkedToEachItem() {
        byte[] content = ("Biên bản kiểm tra hạ tầng số " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String sha256 = sha256(content);
        Stored before = support.stored();

        ResponseEntity<JsonNode> first = support.upload(OFFICER, assessment,
                List.of(new Upload("bien-ban.txt", content), new Upload("bien-ban (1).txt", content)), "1");
        ResponseEntity<JsonNode> second = support.upload(OFFICER, assessment,
                List.of(new Upload("bien-ban.txt", content)), "2");
        ResponseEntity<JsonNode> again = support.upload(OFFICER, assessment,
                List.of(new Upload("bien-ban.txt", content)), "2");

        assertThat(List.of(first, second, again)).allSatisfy(response -> {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(response.getBody().get(0).get("sha256").asText()).isEqualTo(sha256);
        });
        assertThat(jdbc.queryForList("select item_code from evidence_link where sha256 = ? order by item_code",
                String.class, sha256)).containsExactly("1", "2");
        assertThat(support.stored()).isEqualTo(new Stored(before.files() + 1, before.links() + 2,
                before.evidenceNames() + 3, before.storedFiles() + 1));
        assertThat(support.evidenceNames(assessment, "2")).containsOnlyOnce("bien-ban.txt");
        assertThat(jdbc.queryForList("select subject_id || ' ' || (after ->> 'added') from audit_log"
                + " where action = 'assessment.evidence' and subject_id like ? and after ->> 'added' like 'bien-ban%'"
                + " order by id", String.class, assessment + "/%"))
                .containsExactly(assessment + "/1 bien-ban.txt", assessment + "/1 bien-ban (1).txt",
                        assessment + "/2 bien-ban.txt");
    }

    /**
     * Drill of issue 10 (tenancy): another unit uploading a file this unit has stored learns nothing of it, neither
     * from the upload's answer (told as a new file) nor from its checks; the council, who reads both, is told.
     */
    @Test
    void aDuplicateOfAnotherUnitsFileTellsTheUploaderNothingOfIt() {
        byte[] content = ("Kế hoạch chuyển đổi số của xã " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String sha256 = sha256(content);
        assertThat(support.upload(OFFICER, assessment, List.of(new Upload("ke-hoach.txt", content)), "1")
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        support.awaitStatus(sha256, "INDEXED");
        long other = support.openAssessment("TN-X004");

        ResponseEntity<JsonNode> duplicate = support.upload("canbo.tn-x004", other,
                List.of(new Upload("kh-xa.txt", content)), "1");
        ResponseEntity<JsonNode> again = support.upload("canbo.tn-x004", other,
                List.of(new Upload("kh-xa.txt", content)), "2");

        assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(duplicate.getBody().get(0).get("status").asText()).isEqualTo("PENDING");
        assertThat(again.getBody().get(0).get("status").asText()).as("its own file, told as it is")
                .isEqualTo("INDEXED");
        JsonNode unitChecks = support.json("canbo.tn-x004", HttpMethod.GET, "/api/assessments/" + other + "/checks",
                null).getBody();
        assertThat(unitChecks.toString()).doesNotContain("SHARED_FILE", "đơn vị khác", "Hai A");
        JsonNode councilChecks = support.json("hoidong.tn-h02", HttpMethod.GET,
                "/api/assessments/" + other + "/checks", null).getBody();
        assertThat(councilChecks.toString()).contains("SHARED_FILE",
                "Tài liệu «kh-xa.txt» cũng là tài liệu kiểm chứng của UBND xã Hai A");
    }

    @Test
    void aNameThatIsAPathNamesTheFileOnlyAndNeverLeavesTheStore() throws IOException {
        byte[] content = ("Báo cáo đường truyền " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        Path outside = support.store().resolve("../../x.txt").normalize();
        Files.deleteIfExists(outside);

        ResponseEntity<JsonNode> response = support.upload(OFFICER, assessment,
                List.of(new Upload("../../x.txt", content)), "2");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody().get(0).get("name").asText()).isEqualTo("x.txt");
        assertThat(jdbc.queryForObject("select file_name from evidence_link where sha256 = ?", String.class,
                sha256(content))).isEqualTo("x.txt");
        assertThat(outside).doesNotExist();
        try (Stream<Path> stored = Files.walk(support.store())) {
            assertThat(stored.filter(path -> path.getFileName().toString().contains("x.txt"))).isEmpty();
        }
    }

    @Test
    void aScanWithoutTextIsFlaggedAndReadByOcrWhenTesseractIsHere() throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>(PLAN);
        lines.add("Mã " + UUID.randomUUID().toString().substring(0, 8));
        ResponseEntity<JsonNode> response = support.upload(OFFICER, assessment,
                List.of(new Upload("ban-quet.pdf", EvidenceSamples.scannedPdf(lines))), "1");
        String sha256 = response.getBody().get(0).get("sha256").asText();

        Map<String, Object> row = support.awaitStatus(sha256, "INDEXED");

        assertThat(service.ocrAvailable()).isEqualTo(tesseractWithVietnamese());
        if (service.ocrAvailable()) {
            assertThat(row).containsEntry("ocr", true).containsEntry("no_text", false)
                    .containsEntry("doc_number", "15/KH-UBND")
                    .containsEntry("doc_date", Date.valueOf(LocalDate.of(2023, 10, 6)));
            assertThat((String) row.get("text")).contains("chuyển đổi số");
        } else {
            assertThat(row).containsEntry("ocr", false).containsEntry("no_text", true)
                    .containsEntry("doc_number", null);
        }
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("chuong-trinh.pdf", EvidenceSamples.executable(), HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "tệp 'chuong-trinh.pdf': loại tệp application/x-executable không được chấp nhận; chỉ nhận PDF,"
                                + " Word (DOCX, DOC), Excel (XLSX, XLS), OpenDocument (ODT, ODS), PowerPoint (PPTX),"
                                + " ảnh PNG, JPEG và văn bản thuần (TXT)"),
                Arguments.of("cai-dat.txt", EvidenceSamples.script(), HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "tệp 'cai-dat.txt': loại tệp application/x-sh không được chấp nhận"),
                Arguments.of("ho-so.docx", EvidenceSamples.zipArchive(), HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "tệp 'ho-so.docx': loại tệp application/zip không được chấp nhận"),
                Arguments.of("mat-khau.pdf", EvidenceSamples.encryptedPdf(), HttpStatus.UNPROCESSABLE_ENTITY,
                        "tệp 'mat-khau.pdf': được đặt mật khẩu (mã hoá) nên không đọc được; hãy gửi bản không đặt"
                                + " mật khẩu"),
                Arguments.of("mat-khau.docx", EvidenceSamples.encryptedDocx(), HttpStatus.UNPROCESSABLE_ENTITY,
                        "tệp 'mat-khau.docx': được đặt mật khẩu (mã hoá)"),
                Arguments.of("hong.pdf", EvidenceSamples.corruptPdf(), HttpStatus.UNPROCESSABLE_ENTITY,
                        "tệp 'hong.pdf': bị hỏng, không đọc được nội dung (application/pdf)"),
                Arguments.of("bom.docx", EvidenceSamples.docxBomb(), HttpStatus.UNPROCESSABLE_ENTITY,
                        "tệp 'bom.docx': nghi là \"bom nén\": dữ liệu giải nén lớn bất thường so với dung lượng tệp;"
                                + " hãy gửi tệp được tạo bình thường"),
                Arguments.of("long-nhau.pdf", EvidenceSamples.nestedPdf(4), HttpStatus.UNPROCESSABLE_ENTITY,
                        "tệp 'long-nhau.pdf': tài liệu nhúng lồng nhau quá 3 cấp"),
                Arguments.of("rat-dai.txt", "chữ ".repeat(250_001).getBytes(StandardCharsets.UTF_8),
                        HttpStatus.UNPROCESSABLE_ENTITY,
                        "tệp 'rat-dai.txt': nội dung chữ vượt giới hạn 1.000.000 ký tự"),
                Arguments.of("so-dinh-danh.txt", distinctNumbers(800_000), HttpStatus.UNPROCESSABLE_ENTITY,
                        "tệp 'so-dinh-danh.txt': nội dung có quá nhiều từ khác nhau để lập chỉ mục tìm kiếm"),
                Arguments.of("rong.pdf", new byte[0], HttpStatus.UNPROCESSABLE_ENTITY,
                        "tệp 'rong.pdf': rỗng (0 byte)"));
    }

    /** A list of different numbers, as a spreadsheet of identity numbers would give: each a word to index. */
    private static byte[] distinctNumbers(int characters) {
        StringBuilder text = new StringBuilder();
        for (int number = 1_000_000; text.length() < characters; number++) {
            text.append(number).append(' ');
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** After a good file, so that the refusal of the second leaves the first unstored too. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void refusesEachBadFileWithItsOwnMessageAndStoresNothing(String name, byte[] content, HttpStatus status,
                                                             String reason) {
        byte[] good = ("Báo cáo tốt " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        Stored before = support.stored();

        ResponseEntity<JsonNode> response = support.upload(OFFICER, assessment,
                List.of(new Upload("tot.txt", good), new Upload(name, content)), "1");

        assertThat(response.getStatusCode()).isEqualTo(status);
        JsonNode errors = response.getBody().get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("field").asText()).isEqualTo("files[1]");
        assertThat(errors.get(0).get("reason").asText()).startsWith(reason);
        assertThat(support.stored()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from evidence_file where sha256 = ?", Integer.class,
                sha256(good))).isZero();
    }

    /** The files are read side by side: the refusal reported is still the first in the request's order. */
    @Test
    void ofSeveralBadFilesTheFirstIsReportedAndNothingIsStored() {
        List<Upload> files = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            files.add(new Upload("tot-" + i + ".txt", ("Báo cáo tốt " + i + " " + UUID.randomUUID())
                    .getBytes(StandardCharsets.UTF_8)));
        }
        files.add(2, new Upload("hong.pdf", EvidenceSamples.corruptPdf()));
        files.add(new Upload("chuong-trinh.pdf", EvidenceSamples.executable()));
        Stored before = support.stored();

        ResponseEntity<JsonNode> response = support.upload(OFFICER, assessment, files, "1");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody().get("errors")).singleElement()
                .satisfies(error -> assertThat(error.get("field").asText()).isEqualTo("files[2]"));
        assertThat(support.stored()).isEqualTo(before);
    }

    @Test
    void refusesItemsThatAreNotInTheSet() {
        Stored before = support.stored();

        ResponseEntity<JsonNode> response = support.upload(OFFICER, assessment,
                List.of(new Upload("tot.txt", EvidenceSamples.text(PLAN))), "1", "9.9");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").get(0).get("field").asText()).isEqualTo("items[1]");
        assertThat(response.getBody().get("errors").get(0).get("reason").asText())
                .isEqualTo("không có mục mã '9.9' trong bộ chỉ số TN-XA-2024");
        assertThat(support.stored()).isEqualTo(before);
    }

    @Test
    void onlyTheUnitsOwnOfficerUploads() {
        Stored before = support.stored();
        List<Upload> file = List.of(new Upload("tot.txt", EvidenceSamples.text(PLAN)));

        for (String other : List.of("canbo.tn-x004", "hoidong.tn-h02", "quantri.tn")) {
            ResponseEntity<JsonNode> response = support.upload(other, assessment, file, "1");
            assertThat(response.getStatusCode()).as(other).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(response.getBody().get("detail").asText())
                    .isEqualTo("Chỉ cán bộ của UBND xã Hai A được nộp tài liệu kiểm chứng cho phiếu này");
        }
        assertThat(http.postForEntity("/api/assessments/" + assessment + "/evidence", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(support.stored()).isEqualTo(before);
    }

    @Test
    void anAssessmentNoLongerOpenTakesNoEvidence() {
        long submitted = support.openAssessment("TN-X004");
        support.json("canbo.tn-x004", HttpMethod.PUT, "/api/assessments/" + submitted,
                Map.of("items", Map.of("2", Map.of("met", true, "explanation", "Trang thông tin tại haib.tn.gov.vn"))));
        JsonNode task = EvidenceTestSupport.await("công việc tự đánh giá", () -> {
            for (JsonNode open : support.json("canbo.tn-x004", HttpMethod.GET, "/api/tasks", null).getBody()) {
                if (open.get("elementId").asText().equals(UnitAssessment.SELF_ASSESSMENT)
                        && open.get("variables").path("assessmentId").asLong() == submitted) {
                    return Optional.of(open);
                }
            }
            return Optional.empty();
        });
        support.json("canbo.tn-x004", HttpMethod.POST, "/api/tasks/" + task.get("key").asLong() + "/complete",
                Map.of());
        EvidenceTestSupport.await("phiếu đã nộp", () -> Optional.of(support.json("canbo.tn-x004", HttpMethod.GET,
                "/api/assessments/" + submitted, null).getBody())
                .filter(a -> a.get("status").asText().equals("SUBMITTED")));
        Stored before = support.stored();

        ResponseEntity<JsonNode> response = support.upload("canbo.tn-x004", submitted,
                List.of(new Upload("muon.txt", EvidenceSamples.text(PLAN))), "2");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody().get("detail").asText())
                .isEqualTo("Phiếu đã nộp, không bổ sung tài liệu kiểm chứng được nữa");
        assertThat(support.stored()).isEqualTo(before);
    }

    /** One job indexes an upload's files: the one that cannot be indexed fails alone, and says why. */
    @Test
    void anIndexingThatKeepsFailingBecomesAnIncidentAndTheFileSaysWhy() throws IOException {
        String sha256 = sha256(("không có trong kho " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        jdbc.update("insert into evidence_file (sha256, size_bytes, media_type, status, text, stored_at)"
                + " values (?, 10, 'text/plain', 'PENDING', 'Số: 1/KH-UBND', now())", sha256);
        String good = pendingInStore();

        long instance = engine.start(EvidenceIndexing.PROCESS_ID, Map.of("files", List.of(sha256, good)));

        String incident = EvidenceTestSupport.await("sự cố", () -> incidentMessage(instance));
        Map<String, Object> row = support.awaitStatus(sha256, "FAILED");
        assertThat((String) row.get("failure")).startsWith("Không thấy tệp kiểm chứng " + sha256 + " trong kho");
        assertThat(incident).contains((String) row.get("failure")).doesNotContain(good);
        assertThat(support.file(good)).containsEntry("status", "INDEXED").containsEntry("doc_number", "15/KH-UBND");
    }

    /** The process starts within the upload's transaction: when that rolls back, its job finds nothing to index. */
    @Test
    void anIndexingWhoseUploadWasRolledBackEndsWithoutAnIncident() {
        String never = sha256(("chưa từng lưu " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));

        long instance = engine.start(EvidenceIndexing.PROCESS_ID, Map.of("files", List.of(never)));

        EvidenceTestSupport.await("quy trình kết thúc", () -> Optional.of(instance).filter(this::completed));
        assertThat(incidentMessage(instance)).isEmpty();
    }

    @Test
    void filesLeftPendingAreIndexedAfterARestart() throws IOException {
        String sha256 = pendingInStore();

        recovery.indexPendingFiles();

        assertThat(support.awaitStatus(sha256, "INDEXED")).containsEntry("doc_number", "15/KH-UBND");
    }

    /** A file stored and waiting for its indexing, as an upload leaves it. */
    private String pendingInStore() throws IOException {
        byte[] content = String.join("\n", PLAN).concat(" " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String sha256 = sha256(content);
        jdbc.update("insert into evidence_file (sha256, size_bytes, media_type, status, text, stored_at)"
                + " values (?, ?, 'text/plain', 'PENDING', ?, now())", sha256, content.length,
                new String(content, StandardCharsets.UTF_8));
        Path file = support.store().resolve(sha256.substring(0, 2)).resolve(sha256);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return sha256;
    }

    private long indexingProcesses() {
        long count = 0;
        for (var record : zeebe.getRecordStreamSource().getRecords()) {
            if (record.getValue() instanceof ProcessInstanceRecordValue instance
                    && record.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED
                    && instance.getBpmnElementType() == BpmnElementType.PROCESS
                    && instance.getBpmnProcessId().equals(EvidenceIndexing.PROCESS_ID)) {
                count++;
            }
        }
        return count;
    }

    private boolean completed(long processInstanceKey) {
        for (var record : zeebe.getRecordStreamSource().getRecords()) {
            if (record.getValue() instanceof ProcessInstanceRecordValue instance
                    && record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
                    && instance.getBpmnElementType() == BpmnElementType.PROCESS
                    && instance.getProcessInstanceKey() == processInstanceKey) {
                return true;
            }
        }
        return false;
    }

    private Optional<String> incidentMessage(long processInstanceKey) {
        for (var record : zeebe.getRecordStreamSource().getRecords()) {
            if (record.getValue() instanceof IncidentRecordValue incident
                    && record.getIntent() == IncidentIntent.CREATED
                    && incident.getProcessInstanceKey() == processInstanceKey) {
                return Optional.of(incident.getErrorMessage());
            }
        }
        return Optional.empty();
    }

    /** Asks the machine itself, as a person would: {@code tesseract --list-langs}. */
    private static boolean tesseractWithVietnamese() throws InterruptedException {
        try {
            Process process = new ProcessBuilder("tesseract", "--list-langs").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return output.lines().anyMatch("vie"::equals);
        } catch (IOException notInstalled) {
            return false;
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
