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
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.ContentHandlerDecorator;
import org.apache.tika.sax.WriteOutContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import vn.dti.evidence.EvidenceRefusal.Reason;
import vn.dti.framework.VietnameseFormat;

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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
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
     * @param maxPartSize    bytes of one part of a zip-based document (DOCX, XLSX, PPTX, ODT, ODS) once unpacked
     */
    record Limits(long maxFileSize, int maxTextLength, Duration timeout, int maxDepth, Duration ocrTimeout,
                  long maxPartSize) {
    }

    record Extraction(String mediaType, String text, String title, String author, Instant created, Integer pageCount,
                      boolean noText) {
    }

    private static final Logger log = LoggerFactory.getLogger(EvidenceExtractor.class);
    /**
     * Memory a parse may hold per byte of its file or of its largest unpacked part: an XML parser keeps an attribute
     * or a run of text whole, as UTF-16 characters (2 bytes each) in a buffer that doubles as it grows.
     */
    static final int MEMORY_PER_BYTE = 4;

    private final AutoDetectParser parser = new AutoDetectParser();
    private final Limits limits;
    // Bounded: a parser that ignores its cancellation holds one thread, never an ever-growing number of them.
    private final ExecutorService threads;
    // The memory guard: half the heap is set aside for reading files, shared by the parses running at once.
    private final int memoryMegabytes;
    private final Semaphore memory;

    EvidenceExtractor(Limits limits) {
        this(limits, Runtime.getRuntime().maxMemory() / 2);
    }

    /** @param memoryForReading bytes of heap that the parses running at once may hold together */
    EvidenceExtractor(Limits limits, long memoryForReading) {
        this.limits = limits;
        this.memoryMegabytes = (int) Math.max(1, Math.min(Integer.MAX_VALUE, memoryForReading / (1024 * 1024)));
        this.memory = new Semaphore(memoryMegabytes, true);
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
            ParseContext context = withoutOcr();
            // All of it within the time limit, the zip check and the type's detection included: detecting a DOCX
            // already parses one of its XML parts.
            AtomicReference<String> type = new AtomicReference<>("");
            return timed(context, type::get, limits.timeout(), () -> {
                // A zip's parts are checked before anything parses them, detection included.
                long largestPart = PackedParts.isZip(stream) ? PackedParts.check(stream.getPath(),
                        limits.maxPartSize()) : 0;
                MediaType detected = parser.getDetector().detect(stream, new Metadata());
                type.set(detected.getBaseType().toString());
                if (!EvidenceTypes.accepted(type.get())) {
                    throw new EvidenceRefusal(Reason.TYPE, "loại tệp " + type.get() + " không được chấp nhận; chỉ"
                            + " nhận " + EvidenceTypes.ACCEPTED_NAMES);
                }
                Metadata metadata = new Metadata();
                // The type just detected: the parser would otherwise detect it all over again (for a DOCX or an
                // ODT, opening its zip once more).
                metadata.set(TikaCoreProperties.CONTENT_TYPE_USER_OVERRIDE, detected.toString());
                String text = withMemory(Math.max(size, largestPart),
                        () -> parse(stream, metadata, context));
                String author = String.join("; ", metadata.getValues(TikaCoreProperties.CREATOR)).strip();
                return new Extraction(type.get(), text, first(metadata, TikaCoreProperties.TITLE),
                        author.isEmpty() ? null : author,
                        instant(metadata.getDate(TikaCoreProperties.CREATED)), pageCount(metadata),
                        EvidenceTypes.mayLackText(type.get()) && text.codePoints().noneMatch(Character::isLetter));
            });
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
        // DOCX and PPTX streamed (SAX) rather than loaded whole into POI's object model: memory follows the largest
        // attribute or run of text, which PackedParts bounds, not the size of the document.
        OfficeParserConfig office = new OfficeParserConfig();
        office.setUseSAXDocxExtractor(true);
        office.setUseSAXPptxExtractor(true);
        context.set(OfficeParserConfig.class, office);
        context.set(EmbeddedDocumentExtractor.class, new DepthLimitedExtractor(context, limits.maxDepth(),
                limits.maxPartSize()));
        return context;
    }

    private String read(TikaInputStream stream, String type, Metadata metadata, ParseContext context,
                        Duration timeout) throws IOException {
        return timed(context, () -> type, timeout, () -> parse(stream, metadata, context));
    }

    private String parse(TikaInputStream stream, Metadata metadata, ParseContext context)
            throws IOException, SAXException, TikaException {
        StringWriter text = new StringWriter();
        parser.parse(stream, new StopWhenInterrupted(new BodyContentHandler(new WriteOutContentHandler(text,
                limits.maxTextLength()))), metadata, context);
        // PostgreSQL text cannot hold NUL, which some formats leave in their text.
        return text.toString().replace("\u0000", "").strip();
    }

    /**
     * Runs {@code work} on one of the extraction threads within {@code timeout}; each way it can fail becomes its
     * refusal. A parse that still runs out of memory fails alone: its error ends its own thread, and what it held is
     * freed with it.
     */
    private <T> T timed(ParseContext context, Supplier<String> type, Duration timeout, Callable<T> work)
            throws IOException {
        DepthLimitedExtractor embedded = (DepthLimitedExtractor) context.get(EmbeddedDocumentExtractor.class);
        Future<T> running = threads.submit(work);
        try {
            T result = running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (embedded.refused != null) {
                throw embedded.refused;
            }
            if (embedded.exceeded) {
                throw tooDeep();
            }
            return result;
        } catch (TimeoutException e) {
            running.cancel(true);
            throw new EvidenceRefusal(Reason.TIME, "đọc nội dung quá thời gian cho phép (" + duration(timeout) + ")");
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("Bị ngắt khi đang đọc tệp", e);
        } catch (ExecutionException e) {
            if (embedded.refused != null) {
                throw embedded.refused;
            }
            throw embedded.exceeded ? tooDeep() : refusal(e.getCause(), type.get());
        }
    }

    /**
     * The memory guard: a parse first takes its share of the memory set aside for reading, {@link #MEMORY_PER_BYTE}
     * times the larger of the file and its largest unpacked part, and waits while other parses hold it. A document
     * whose share is more than all of it is refused unread.
     */
    private <T> T withMemory(long bytes, Callable<T> work) throws Exception {
        long megabytes = Math.max(1, Math.min(Integer.MAX_VALUE, bytes * MEMORY_PER_BYTE / (1024 * 1024)));
        if (megabytes > memoryMegabytes) {
            throw new EvidenceRefusal(Reason.MEMORY, "cần khoảng " + bytes(megabytes * 1024 * 1024)
                    + " bộ nhớ để đọc, quá phần máy chủ dành cho việc đọc tệp ("
                    + bytes((long) memoryMegabytes * 1024 * 1024) + "); hãy chia nhỏ tài liệu");
        }
        memory.acquire((int) megabytes);
        try {
            return work.call();
        } finally {
            memory.release((int) megabytes);
        }
    }

    private RuntimeException refusal(Throwable failure, String type) {
        if (failure instanceof OutOfMemoryError) {
            log.warn("Hết bộ nhớ khi đọc một tệp kiểm chứng ({}): chỉ tệp này bị từ chối", type, failure);
            return new EvidenceRefusal(Reason.MEMORY, "cần nhiều bộ nhớ hơn máy chủ có để đọc; hãy chia nhỏ tài"
                    + " liệu hoặc gửi lại sau");
        }
        if (WriteLimitReachedException.isWriteLimitReached(failure)) {
            return new EvidenceRefusal(Reason.TEXT, "nội dung chữ vượt giới hạn "
                    + VietnameseFormat.count(limits.maxTextLength()) + " ký tự");
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
                return bomb();
            }
        }
        if (failure instanceof TikaException || failure instanceof IOException || failure instanceof SAXException) {
            return new EvidenceRefusal(Reason.CORRUPT, "bị hỏng, không đọc được nội dung (" + type + ")",
                    failure);
        }
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }

    static EvidenceRefusal bomb() {
        return new EvidenceRefusal(Reason.BOMB, "nghi là \"bom nén\": dữ liệu giải nén lớn bất thường so với dung"
                + " lượng tệp; hãy gửi tệp được tạo bình thường");
    }

    private EvidenceRefusal tooDeep() {
        return new EvidenceRefusal(Reason.DEPTH, "tài liệu nhúng lồng nhau quá " + limits.maxDepth() + " cấp");
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    /**
     * The documents embedded in this one, each level counted, and each zip among them checked as the file itself
     * is ({@link PackedParts}). Past the depth limit it stops and remembers: Tika records an embedded document's
     * failure and reads on, so the whole file is refused afterwards from this flag. A refusal of an embedded zip is
     * kept the same way.
     */
    private static final class DepthLimitedExtractor extends ParsingEmbeddedDocumentExtractor {

        private final int maxDepth;
        private final long maxPartSize;
        private int depth;
        private volatile boolean exceeded;
        private volatile EvidenceRefusal refused;

        DepthLimitedExtractor(ParseContext context, int maxDepth, long maxPartSize) {
            super(context);
            this.maxDepth = maxDepth;
            this.maxPartSize = maxPartSize;
        }

        @Override
        public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
                throws SAXException, IOException {
            if (depth >= maxDepth) {
                exceeded = true;
                throw new SAXException("Tài liệu nhúng lồng nhau quá " + maxDepth + " cấp");
            }
            TikaInputStream embedded = TikaInputStream.get(stream);
            if (PackedParts.isZip(embedded)) {
                try {
                    PackedParts.check(embedded.getPath(), maxPartSize);
                } catch (EvidenceRefusal refusal) {
                    refused = refusal;
                    throw new SAXException(refusal.getMessage(), refusal);
                }
            }
            depth++;
            try {
                super.parseEmbedded(embedded, handler, metadata, outputHtml);
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
