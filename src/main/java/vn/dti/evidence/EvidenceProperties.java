package vn.dti.evidence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where evidence files are kept and what an upload may be. Each broken limit refuses the upload with its own message
 * and stores nothing.
 *
 * @param directory         files by their SHA-256, {@code ab/abcdef…}
 * @param maxFileSize       one file's size
 * @param maxTextLength     characters of text read from one file, its embedded documents included
 * @param extractionTimeout for reading one file's text at upload
 * @param maxEmbeddingDepth documents within documents (a picture in a DOCX is one level)
 * @param ocrTimeout        for OCR of one scan in the indexing job
 * @param maxUnpackedPartSize one part of a zip-based document (DOCX, XLSX, PPTX, ODT, ODS) once unpacked
 */
@ConfigurationProperties("dti.evidence")
record EvidenceProperties(@DefaultValue("data/evidence") Path directory,
                          @DefaultValue("50MB") DataSize maxFileSize,
                          @DefaultValue("1000000") int maxTextLength,
                          @DefaultValue("60s") Duration extractionTimeout,
                          @DefaultValue("3") int maxEmbeddingDepth,
                          @DefaultValue("10m") Duration ocrTimeout,
                          @DefaultValue("100MB") DataSize maxUnpackedPartSize) {

    EvidenceProperties {
        if (maxFileSize.toBytes() <= 0 || maxTextLength <= 0 || !extractionTimeout.isPositive() || maxEmbeddingDepth < 0
                || !ocrTimeout.isPositive() || maxUnpackedPartSize.toBytes() <= 0) {
            throw new IllegalArgumentException("Giới hạn tệp kiểm chứng (dti.evidence.*) phải là số dương: "
                    + maxFileSize + ", " + maxTextLength + " ký tự, " + extractionTimeout + ", " + maxEmbeddingDepth
                    + " cấp, OCR " + ocrTimeout + ", phần giải nén " + maxUnpackedPartSize);
        }
    }

    EvidenceExtractor.Limits limits() {
        return new EvidenceExtractor.Limits(maxFileSize.toBytes(), maxTextLength, extractionTimeout, maxEmbeddingDepth,
                ocrTimeout, maxUnpackedPartSize.toBytes());
    }
}
