package vn.dti.evidence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import vn.dti.evidence.EvidenceExtractor.Extraction;
import vn.dti.evidence.EvidenceExtractor.Limits;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.dti.evidence.EvidenceSamples.PLAN;

/**
 * What Tika reads beside the text, with the default limits; {@link EvidenceUploadTest} uploads every accepted type
 * and every kind of bad file.
 */
class EvidenceExtractorTest {

    static final Limits DEFAULTS = new Limits(50L << 20, 1_000_000, Duration.ofMinutes(1), 3, Duration.ofMinutes(10),
            100L << 20);
    static final EvidenceExtractor extractor = new EvidenceExtractor(DEFAULTS);

    @AfterAll
    static void close() {
        extractor.close();
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
    void picturesAndScansAreFlaggedWithoutTextAndLeftToTheIndexingJobsOcr() throws IOException {
        for (byte[] content : List.of(EvidenceSamples.png(PLAN), EvidenceSamples.jpeg(PLAN),
                EvidenceSamples.scannedPdf(PLAN))) {
            Extraction extraction = extract(content);
            assertThat(extraction.noText()).as(extraction.mediaType()).isTrue();
            assertThat(extraction.text()).doesNotContain("15/KH-UBND");
        }
    }

    @Test
    void acceptsNestingUpToTheLimit() throws IOException {
        assertThat(extract(EvidenceSamples.nestedPdf(3)).text()).contains("Tài liệu lồng cấp 3");
    }

    /**
     * The memory guard: a file whose share (4 bytes per byte of the file or of its largest part) is more than all the
     * memory set aside for reading is refused unread; a smaller one is read.
     */
    @Test
    void aFileNeedingMoreMemoryThanIsSetAsideIsRefusedUnread() throws IOException {
        byte[] large = "chuyển đổi số ".repeat(40_000).getBytes(StandardCharsets.UTF_8);
        byte[] small = "chuyển đổi số ".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        try (EvidenceExtractor guarded = new EvidenceExtractor(DEFAULTS, 1024 * 1024)) {
            assertThatThrownBy(() -> guarded.extract(large.length, new ByteArrayInputStream(large)))
                    .isInstanceOfSatisfying(EvidenceRefusal.class, refusal -> {
                        assertThat(refusal.reason()).isEqualTo(EvidenceRefusal.Reason.MEMORY);
                        assertThat(refusal.getMessage()).isEqualTo("cần khoảng 3 MB bộ nhớ để đọc, quá phần máy"
                                + " chủ dành cho việc đọc tệp (1 MB); hãy chia nhỏ tài liệu");
                    });
            assertThat(guarded.extract(small.length, new ByteArrayInputStream(small)).text())
                    .startsWith("chuyển đổi số");
        }
    }

    private static Extraction extract(byte[] content) throws IOException {
        return extractor.extract(content.length, new ByteArrayInputStream(content));
    }
}
