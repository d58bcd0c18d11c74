package vn.dti.evidence;

import org.apache.tika.config.Param;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaConfigException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.Property;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.ContentHandlerDecorator;
import org.apache.tika.sax.WriteOutContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import vn.dti.evidence.EvidenceRefusal.Reason;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Reads a file with Apache Tika: its real type from the content alone (a name is never passed in, so an extension
 * cannot lie), then its text and metadata within the limits, each broken limit refused with its own reason. OCR is
 * left to the indexing job, so that an upload answers at once.
 */
final class EvidenceExtractor implements AutoCloseable {

    /**
     * @param maxFileSize    bytes
     * @param maxTextLength  characters of extracted text, embedded documents included
     * @param timeout        for reading one file's text
     * @param maxDepth       how deep documents may be embedded in one another (an image in a DOCX is 1)
     * @param ocrTimeout     for reading one file's images with OCR, far slower than reading its text
     */
    record Limits(long maxFileSize, int maxTextLength, Duration timeout, int maxDepth, Duration ocrTimeout) {
    }

    record Extraction(String mediaType, String text, String title, String author, Instant created, Integer pageCount,
                      boolean noText) {
    }

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final AutoDetectParser parser = new AutoDetectParser();
    private final Limits limits;
    // Bounded: a parser that ignores its cancellation holds one thread, never an ever-growing number of them.
    private final ExecutorService threads;

    EvidenceExtractor(Limits limits) {
        this.limits = limits;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), task -> {
            Thread thread = new Thread(task, "evidence-extraction-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    long maxFileSize() {
        return limits.maxFileSize();
    }

    /** Type, text and metadata of an uploaded file of {@code size} bytes, or the refusal that says why not. */
    Extraction extract(long size, InputStream content) throws IOException {
        if (size > limits.maxFileSize()) {
            throw new EvidenceRefusal(Reason.SIZE, "dung lượng " + bytes(size) + " vượt giới hạn "
                    + bytes(limits.maxFileSize()));
        }
        if (size == 0) {
            throw new EvidenceRefusal(Reason.EMPTY, "rỗng (0 byte)");
        }
        try (TikaInputStream stream = TikaInputStream.get(content)) {
            MediaType detected = parser.getDetector().detect(stream, new Metadata());
            String type = detected.getBaseType().toString();
            if (!EvidenceTypes.accepted(type)) {
                throw new EvidenceRefusal(Reason.TYPE, "loại tệp " + type + " không được chấp nhận; chỉ nhận "
                        + EvidenceTypes.ACCEPTED_NAMES);
            }
            Metadata metadata = new Metadata();
            // The type just detected: the parser would otherwise detect it all over again (for a DOCX or an ODT,
            // opening its zip once more).
            metadata.set(TikaCoreProperties.CONTENT_TYPE_USER_OVERRIDE, detected.toString());
            String text = read(stream, type, metadata, withoutOcr(), limits.timeout());
            String author = String.join("; ", metadata.getValues(TikaCoreProperties.CREATOR)).strip();
            return new Extraction(type, text, first(metadata, TikaCoreProperties.TITLE),
                    author.isEmpty() ? null : author,
                    instant(metadata.getDate(TikaCoreProperties.CREATED)), pageCount(metadata),
                    EvidenceTypes.mayLackText(type) && text.codePoints().noneMatch(Character::isLetter));
        }
    }

    /** The text that OCR reads in a stored file's images (a scan, a photographed page), in {@code language}. */
    String readWithOcr(Path file, String mediaType, String language) throws IOException {
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setLanguage(language);
        ocr.setTimeoutSeconds((int) Math.max(1, limits.ocrTimeout().toSeconds()));
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.OCR_ONLY);
        ParseContext context = context();
        context.set(TesseractOCRConfig.class, ocr);
        context.set(PDFParserConfig.class, pdf);
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.CONTENT_TYPE_USER_OVERRIDE, mediaType);
        try (TikaInputStream stream = TikaInputStream.get(file)) {
            return read(stream, mediaType, metadata, context, limits.ocrTimeout());
        }
    }

    /**
     * Whether Tesseract is installed with {@code language}, asked once by the caller: without it, Tika has no OCR
     * and a scan keeps its "no text" flag.
     */
    static boolean ocrAvailable(String language) {
        try {
            TesseractOCRParser tesseract = new TesseractOCRParser();
            if (!tesseract.hasTesseract()) {
                return false;
            }
            tesseract.setPreloadLangs(true);
            tesseract.initialize(Map.<String, Param>of());
            return tesseract.getLangs().contains(language);
        } catch (TikaConfigException e) {
            return false;
        }
    }

    private ParseContext withoutOcr() {
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(true);
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        ParseContext context = context();
        context.set(TesseractOCRConfig.class, ocr);
        context.set(PDFParserConfig.class, pdf);
        return context;
    }

    private ParseContext context() {
        ParseContext context = new ParseContext();
        context.set(Parser.class, parser);
        context.set(EmbeddedDocumentExtractor.class, new DepthLimitedExtractor(context, limits.maxDepth()));
        return context;
    }

    private String read(TikaInputStream stream, String type, Metadata metadata, ParseContext context,
                        Duration timeout) throws IOException {
        StringWriter text = new StringWriter();
        ContentHandler handler = new StopWhenInterrupted(
                new BodyContentHandler(new WriteOutContentHandler(text, limits.maxTextLength())));
        DepthLimitedExtractor embedded = (DepthLimitedExtractor) context.get(EmbeddedDocumentExtractor.class);
        Future<?> parsing = threads.submit(() -> {
            parser.parse(stream, handler, metadata, context);
            return null;
        });
        try {
            parsing.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (embedded.exceeded) {
                throw tooDeep();
            }
        } catch (TimeoutException e) {
            parsing.cancel(true);
            throw new EvidenceRefusal(Reason.TIME, "đọc nội dung quá thời gian cho phép (" + duration(timeout) + ")");
        } catch (InterruptedException e) {
            parsing.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("Bị ngắt khi đang đọc tệp", e);
        } catch (ExecutionException e) {
            throw embedded.exceeded ? tooDeep() : refusal(e.getCause(), type);
        }
        // PostgreSQL text cannot hold NUL, which some formats leave in their text.
        return text.toString().replace("\u0000", "").strip();
    }

    private RuntimeException refusal(Throwable failure, String type) {
        if (WriteLimitReachedException.isWriteLimitReached(failure)) {
            return new EvidenceRefusal(Reason.TEXT, "nội dung chữ vượt giới hạn "
                    + String.format(VIETNAMESE, "%,d", limits.maxTextLength()) + " ký tự");
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof EncryptedDocumentException
                    || cause instanceof org.apache.poi.EncryptedDocumentException
                    || cause instanceof org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException) {
                return new EvidenceRefusal(Reason.ENCRYPTED,
                        "được đặt mật khẩu (mã hoá) nên không đọc được; hãy gửi bản không đặt mật khẩu");
            }
            // Tika's SecureContentHandler and POI's ZipSecureFile say so in words, with no public type of their own.
            if (cause.getMessage() != null && cause.getMessage().toLowerCase(Locale.ROOT).contains("zip bomb")) {
                return new EvidenceRefusal(Reason.BOMB, "nghi là \"bom nén\": dữ liệu giải nén lớn bất thường so với"
                        + " dung lượng tệp; hãy gửi tệp được tạo bình thường");
            }
        }
        if (failure instanceof TikaException || failure instanceof IOException || failure instanceof SAXException) {
            return new EvidenceRefusal(Reason.CORRUPT, "bị hỏng, không đọc được nội dung (" + type + ")",
                    failure);
        }
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }

    private EvidenceRefusal tooDeep() {
        return new EvidenceRefusal(Reason.DEPTH, "tài liệu nhúng lồng nhau quá " + limits.maxDepth() + " cấp");
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    /**
     * The documents embedded in this one, each level counted. Past the limit it stops and remembers: Tika records
     * an embedded document's failure and reads on, so the whole file is refused afterwards from this flag.
     */
    private static final class DepthLimitedExtractor extends ParsingEmbeddedDocumentExtractor {

        private final int maxDepth;
        private int depth;
        private volatile boolean exceeded;

        DepthLimitedExtractor(ParseContext context, int maxDepth) {
            super(context);
            this.maxDepth = maxDepth;
        }

        @Override
        public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
                throws SAXException, IOException {
            if (depth >= maxDepth) {
                exceeded = true;
                throw new SAXException("Tài liệu nhúng lồng nhau quá " + maxDepth + " cấp");
            }
            depth++;
            try {
                super.parseEmbedded(stream, handler, metadata, outputHtml);
            } finally {
                depth--;
            }
        }
    }

    /** Lets a cancelled parse stop at its next piece of text instead of running on unseen. */
    private static final class StopWhenInterrupted extends ContentHandlerDecorator {

        StopWhenInterrupted(ContentHandler handler) {
            super(handler);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (Thread.currentThread().isInterrupted()) {
                throw new SAXException("Hết thời gian đọc tệp");
            }
            super.characters(ch, start, length);
        }
    }

    private static String first(Metadata metadata, Property property) {
        String value = metadata.get(property);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Integer pageCount(Metadata metadata) {
        return Stream.of(PagedText.N_PAGES, Office.PAGE_COUNT, Office.SLIDE_COUNT).map(metadata::getInt)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /** Rounded up, so that a file just over the limit never reads as equal to it. */
    static String bytes(long size) {
        boolean megabytes = size >= 1024 * 1024;
        BigDecimal value = BigDecimal.valueOf(size).divide(BigDecimal.valueOf(megabytes ? 1024 * 1024 : 1024), 1,
                RoundingMode.CEILING).stripTrailingZeros();
        return value.toPlainString().replace('.', ',') + (megabytes ? " MB" : " KB");
    }

    private static String duration(Duration duration) {
        return duration.toSeconds() >= 1 ? duration.toSeconds() + " giây" : duration.toMillis() + " mili giây";
    }
}
