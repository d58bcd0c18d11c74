package vn.dti.evidence;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.dti.assessment.AssessmentService;
import vn.dti.framework.NotFoundException;
import vn.dti.security.DtiUser;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The evidence of one assessment as a reviewer reads it: each file with its text, the checks, and the file itself;
 * for whoever may read the assessment ({@link AssessmentService#readable}), and a file only through an assessment
 * that uses it.
 */
@Service
@Transactional(readOnly = true)
public class EvidenceReview {

    /** Enough text to judge a document on the page; the whole file is a click away. */
    public static final int TEXT_SHOWN = 20_000;
    /** The first pages of a PDF are shown as pictures: every browser shows a picture, not every phone a PDF. */
    public static final int PAGES_SHOWN = 3;
    private static final float PAGE_WIDTH = 900;
    private static final float PAGE_HEIGHT = 1400;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final AssessmentService assessments;
    private final EvidenceCheckService checks;
    private final EvidenceStore store;
    private final JdbcTemplate jdbc;

    EvidenceReview(AssessmentService assessments, EvidenceCheckService checks, EvidenceStore store,
                   JdbcTemplate jdbc) {
        this.assessments = assessments;
        this.checks = checks;
        this.store = store;
        this.jdbc = jdbc;
    }

    /**
     * A file as one item of the assessment uses it. {@code text} is at most {@link #TEXT_SHOWN} characters of the
     * extracted text, {@code textLength} the whole text's; {@code noText}: a scan or picture nobody could read.
     */
    public record Document(String sha256, String itemCode, String fileName, String mediaType, long size,
                           String status, boolean noText, boolean ocr, String kind, String number, LocalDate date,
                           Integer pageCount, String text, int textLength) {

        public boolean pdf() {
            return mediaType.startsWith("application/pdf");
        }

        /** How many of its pages the page shows as pictures (a PDF whose count is unknown: the first). */
        public int pagesShown() {
            return pdf() ? Math.min(PAGES_SHOWN, pageCount == null || pageCount < 1 ? 1 : pageCount) : 0;
        }

        public boolean image() {
            return mediaType.startsWith("image/");
        }

        /** "164,1 KB", as the upload's refusals write sizes. */
        public String sizeText() {
            return EvidenceExtractor.bytes(size);
        }
    }

    /** A finding of the checks (codes as {@code /api/assessments/{id}/checks} gives them). */
    public record Check(String code, boolean blocking, String message, List<String> items) {
    }

    public record Download(Path path, String mediaType, String fileName, long size) {

        static boolean inline(String mediaType) {
            String type = mediaType.toLowerCase();
            return type.startsWith("application/pdf") || type.startsWith("image/png") || type.startsWith("image/jpeg")
                    || type.startsWith("text/plain");
        }

        public boolean inline() {
            return inline(mediaType);
        }
    }

    public List<Document> documents(long assessmentId, DtiUser user) {
        assessments.readable(assessmentId, user);
        return jdbc.query("select l.sha256, l.item_code, l.file_name, f.media_type, f.size_bytes, f.status, f.no_text,"
                        + " f.ocr, f.doc_kind, f.doc_number, f.doc_date, f.page_count, left(f.text, ?) as text,"
                        + " coalesce(length(f.text), 0) as text_length"
                        + " from evidence_link l join evidence_file f on f.sha256 = l.sha256"
                        + " where l.assessment_id = ? order by l.id",
                (rs, n) -> new Document(rs.getString("sha256"), rs.getString("item_code"), rs.getString("file_name"),
                        rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("status"),
                        rs.getBoolean("no_text"), rs.getBoolean("ocr"), rs.getString("doc_kind"),
                        rs.getString("doc_number"), rs.getObject("doc_date", LocalDate.class),
                        rs.getObject("page_count", Integer.class), rs.getString("text"),
                        rs.getInt("text_length")),
                TEXT_SHOWN, assessmentId);
    }

    public List<Check> checks(long assessmentId, DtiUser user) {
        return checks.checks(assessmentId, user).checks().stream()
                .map(f -> new Check(f.code().name(), f.blocking(), f.message(), f.items())).toList();
    }

    /** The stored file, if the user may read the assessment and the assessment uses it; else 403 or 404. */
    public Download download(long assessmentId, String sha256, DtiUser user) {
        assessments.readable(assessmentId, user);
        NotFoundException missing = new NotFoundException("Phiếu đánh giá số " + assessmentId
                + " không có tài liệu kiểm chứng này");
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw missing;
        }
        List<Download> found = jdbc.query("select f.media_type, f.size_bytes, l.file_name from evidence_link l"
                        + " join evidence_file f on f.sha256 = l.sha256 where l.assessment_id = ? and l.sha256 = ?"
                        + " order by l.id limit 1",
                (rs, n) -> new Download(store.path(sha256), rs.getString("media_type"), rs.getString("file_name"),
                        rs.getLong("size_bytes")), assessmentId, sha256);
        if (found.isEmpty() || !Files.isRegularFile(found.getFirst().path())) {
            throw missing;
        }
        return found.getFirst();
    }

    /**
     * One of the first {@link #PAGES_SHOWN} pages of a PDF of the assessment as a PNG picture, at most
     * 900 × 1400 pixels; the same access as the file itself.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public byte[] page(long assessmentId, String sha256, int page, DtiUser user) {
        Download file = download(assessmentId, sha256, user);
        NotFoundException noSuchPage = new NotFoundException("Tài liệu không có trang " + page + " để xem trước");
        if (!file.mediaType().startsWith("application/pdf") || page < 1 || page > PAGES_SHOWN) {
            throw noSuchPage;
        }
        try (PDDocument document = Loader.loadPDF(file.path().toFile())) {
            if (page > document.getNumberOfPages()) {
                throw noSuchPage;
            }
            PDRectangle box = document.getPage(page - 1).getCropBox();
            float scale = Math.min(PAGE_WIDTH / box.getWidth(), PAGE_HEIGHT / box.getHeight());
            BufferedImage image = new PDFRenderer(document).renderImage(page - 1, scale, ImageType.RGB);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Không vẽ được trang " + page + " của tài liệu " + file.fileName(), e);
        }
    }
}
