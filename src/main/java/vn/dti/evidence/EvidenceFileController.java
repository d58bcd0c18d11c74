package vn.dti.evidence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.dti.security.CurrentUser;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

@RestController
@Tag(name = "Tài liệu kiểm chứng")
class EvidenceFileController {

    private final EvidenceReview review;
    private final CurrentUser currentUser;

    EvidenceFileController(EvidenceReview review, CurrentUser currentUser) {
        this.review = review;
        this.currentUser = currentUser;
    }

    /**
     * PDF, pictures and plain text are sent inline, so that a browser opens them; the rest as attachments.
     * The type is the one Tika read from the content at upload, and the browser may not guess another (nosniff).
     */
    @GetMapping("/api/assessments/{id}/evidence/{sha256}")
    @Operation(summary = "Tải (hoặc xem) một tài liệu kiểm chứng của phiếu; ai đọc được phiếu thì tải được tệp của"
            + " phiếu đó")
    ResponseEntity<Resource> download(@PathVariable long id, @PathVariable String sha256) {
        EvidenceReview.Download file = review.download(id, sha256, currentUser.get());
        ContentDisposition disposition = ContentDisposition.builder(file.inline() ? "inline" : "attachment")
                .filename(file.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .contentLength(file.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(file.path()));
    }

    /** A page of a PDF as a picture; a file's content never changes under its hash, so the browser may keep it. */
    @GetMapping(path = "/api/assessments/{id}/evidence/{sha256}/pages/{page}", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "Xem trước một trang (1–3) của tài liệu PDF dưới dạng ảnh PNG")
    ResponseEntity<byte[]> page(@PathVariable long id, @PathVariable String sha256, @PathVariable int page) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .body(review.page(id, sha256, page, currentUser.get()));
    }
}
