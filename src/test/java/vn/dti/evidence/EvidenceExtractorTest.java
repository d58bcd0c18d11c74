package vn.dti.evidence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.dti.evidence.EvidenceExtractor.Extraction;
import vn.dti.evidence.EvidenceExtractor.Limits;
import vn.dti.evidence.EvidenceRefusal.Reason;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static vn.dti.evidence.EvidenceSamples.PLAN;

/** Tika on real files of every accepted type and on each kind of bad file, with the default limits. */
class EvidenceExtractorTest {

    static final Limits DEFAULTS = new Limits(50L << 20, 1_000_000, Duration.ofMinutes(1), 3, Duration.ofMinutes(10));
    static final EvidenceExtractor extractor = new EvidenceExtractor(DEFAULTS);

    @AfterAll
    static void close() {
        extractor.close();
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("application/pdf", EvidenceSamples.pdf("Kế hoạch chuyển đổi số", PLAN)),
                Arguments.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        EvidenceSamples.docx("Kế hoạch chuyển đổi số", PLAN)),
                Arguments.of("application/msword", EvidenceSamples.doc("Kế hoạch chuyển đổi số", PLAN)),
                Arguments.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        EvidenceSamples.xlsx(PLAN)),
                Arguments.of("application/vnd.ms-excel", EvidenceSamples.xls(PLAN)),
                Arguments.of("application/vnd.oasis.opendocument.text", EvidenceSamples.odt(PLAN)),
                Arguments.of("application/vnd.oasis.opendocument.spreadsheet", EvidenceSamples.ods(PLAN)),
                Arguments.of("application/vnd.openxmlformats-officedocument.presentationml.presentation",
                        EvidenceSamples.pptx(PLAN)),
                Arguments.of("text/plain", EvidenceSamples.text(PLAN)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void readsTheVietnameseTextOfEveryAcceptedType(String type, byte[] content) throws IOException {
        Extraction extraction = extract(content);

        assertThat(extraction.mediaType()).isEqualTo(type);
        assertThat(extraction.text()).contains("Số: 15/KH-UBND", "Thử Nghiệm, ngày 06 tháng 10 năm 2023",
                "Triển khai chuyển đổi số năm 2024 của Ủy ban nhân dân xã Một A");
        assertThat(extraction.noText()).isFalse();
    }

    @Test
    void readsThePdfMetadata() throws IOException {
        Extraction extraction = extract(EvidenceSamples.pdf("Kế hoạch chuyển đổi số", PLAN));

        assertThat(extraction.title()).isEqualTo("Kế hoạch chuyển đổi số");
        assertThat(extraction.author()).isEqualTo("Văn phòng UBND xã");
        assertThat(extraction.created()).isEqualTo(Instant.parse("2023-10-06T02:00:00Z"));
        assertThat(extraction.pageCount()).isEqualTo(1);
    }

    @Test
    void readsTheTitleOfWordFiles() throws IOException {
        assertThat(extract(EvidenceSamples.docx("Kế hoạch chuyển đổi số", PLAN)).title())
                .isEqualTo("Kế hoạch chuyển đổi số");
        assertThat(extract(EvidenceSamples.doc("Kế hoạch chuyển đổi số", PLAN)).title())
                .isEqualTo("Kế hoạch chuyển đổi số");
    }

    @Test
    void picturesAndScansHaveNoTextUntilOcrReadsThem() throws IOException {
        for (byte[] content : List.of(EvidenceSamples.png(PLAN), EvidenceSamples.jpeg(PLAN),
                EvidenceSamples.scannedPdf(PLAN))) {
            Extraction extraction = extract(content);
            assertThat(extraction.noText()).as(extraction.mediaType()).isTrue();
            assertThat(extraction.text()).doesNotContain("15/KH-UBND");
        }
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(EvidenceSamples.executable(), Reason.TYPE, "loại tệp application/x-executable không được"
                        + " chấp nhận; chỉ nhận PDF, Word (DOCX, DOC)"),
                Arguments.of(EvidenceSamples.script(), Reason.TYPE, "loại tệp application/x-sh không được chấp nhận"),
                Arguments.of(EvidenceSamples.zipArchive(), Reason.TYPE, "loại tệp application/zip không được chấp nhận"),
                Arguments.of(EvidenceSamples.encryptedPdf(), Reason.ENCRYPTED, "được đặt mật khẩu (mã hoá)"),
                Arguments.of(EvidenceSamples.encryptedDocx(), Reason.ENCRYPTED, "được đặt mật khẩu (mã hoá)"),
                Arguments.of(EvidenceSamples.corruptPdf(), Reason.CORRUPT,
                        "bị hỏng, không đọc được nội dung (application/pdf)"),
                Arguments.of(EvidenceSamples.docxBomb(), Reason.BOMB, "nghi là \"bom nén\""),
                Arguments.of(EvidenceSamples.nestedPdf(4), Reason.DEPTH, "tài liệu nhúng lồng nhau quá 3 cấp"),
                Arguments.of("chữ ".repeat(250_001).getBytes(java.nio.charset.StandardCharsets.UTF_8), Reason.TEXT,
                        "nội dung chữ vượt giới hạn 1.000.000 ký tự"),
                Arguments.of(new byte[0], Reason.EMPTY, "rỗng (0 byte)"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refused")
    void refusesEachBadFileWithItsOwnReason(byte[] content, Reason reason, String message) {
        EvidenceRefusal refusal = catchThrowableOfType(EvidenceRefusal.class, () -> extract(content));

        assertThat(refusal).isNotNull();
        assertThat(refusal.reason()).isEqualTo(reason);
        assertThat(refusal.getMessage()).startsWith(message);
    }

    @Test
    void acceptsNestingUpToTheLimit() throws IOException {
        assertThat(extract(EvidenceSamples.nestedPdf(3)).text()).contains("Tài liệu lồng cấp 3");
    }

    private static Extraction extract(byte[] content) throws IOException {
        return extractor.extract(content.length, new ByteArrayInputStream(content));
    }
}
