package vn.dti.evidence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamSource;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;
import vn.dti.assessment.Assessment;
import vn.dti.assessment.AssessmentService;
import vn.dti.evidence.EvidenceExtractor.Extraction;
import vn.dti.evidence.EvidenceFiles.Named;
import vn.dti.evidence.EvidenceFiles.Read;
import vn.dti.evidence.EvidenceFiles.Summary;
import vn.dti.evidence.EvidenceFiles.ToIndex;
import vn.dti.evidence.EvidenceStore.Staged;
import vn.dti.framework.FieldProblem;
import vn.dti.framework.InvalidInputException;
import vn.dti.indicator.IndicatorNode;
import vn.dti.indicator.IndicatorSet;
import vn.dti.security.DtiUser;
import vn.dti.workflow.EngineClock;
import vn.dti.workflow.ProcessEngine;
import vn.dti.workflow.ProcessModel.EvidenceIndexing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

/**
 * Evidence (tài liệu kiểm chứng) for the items of a unit's assessment. An upload reads and checks every file, side
 * by side, before it stores anything; meanwhile each file is written to disk under a temporary name. Then, in one
 * transaction, it stores the files' rows, starts one indexing process for those still to index, stores their links to
 * the items and the items' evidence names and, last, puts the files in their place.
 */
@Service
public class EvidenceService {

    private static final Logger log = LoggerFactory.getLogger(EvidenceService.class);
    private static final String OCR_LANGUAGE = "vie";

    private final AssessmentService assessments;
    private final EvidenceFiles rows;
    private final EvidenceUploadLock uploadLock;
    private final EvidenceStore store;
    private final EvidenceExtractor extractor;
    private final ProcessEngine engine;
    private final EngineClock clock;
    private final TransactionTemplate transactions;
    private final boolean ocr;
    // Reading is processor work: at most this many files are read at once, over every request.
    private final Semaphore readers = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

    EvidenceService(AssessmentService assessments, EvidenceFiles rows, EvidenceUploadLock uploadLock,
                    EvidenceStore store, EvidenceExtractor extractor, ProcessEngine engine, EngineClock clock,
                    TransactionTemplate transactions) {
        this.assessments = assessments;
        this.rows = rows;
        this.uploadLock = uploadLock;
        this.store = store;
        this.extractor = extractor;
        this.engine = engine;
        this.clock = clock;
        this.transactions = transactions;
        this.ocr = EvidenceExtractor.ocrAvailable(OCR_LANGUAGE);
        log.info(ocr ? "OCR: Tesseract có tiếng Việt, bản quét và ảnh sẽ được đọc chữ khi lập chỉ mục"
                : "OCR: không có Tesseract với tiếng Việt (tesseract-ocr-vie); bản quét và ảnh giữ cờ không có chữ");
    }

    /** What the uploader learns of each file: under which hash it is kept, as what, and whether it is indexed yet. */
    record StoredFile(String sha256, String name, String mediaType, long size, EvidenceStatus status) {
    }

    /** A file read, and written to disk under a temporary name unless its content is stored already. */
    private record Incoming(String field, MultipartFile content, String name, String sha256, Extraction extraction,
                            Optional<Staged> staged) {

        Read read() {
            return new Read(sha256, content.getSize(), extraction);
        }
    }

    /**
     * Stores the files as evidence for each of the items (leaf codes of the assessment's indicator set): all of them,
     * or, when one is refused, none.
     */
    public List<StoredFile> upload(long assessmentId, List<MultipartFile> uploaded, List<String> itemCodes,
                                   DtiUser user) throws IOException {
        Assessment assessment = assessments.openForEvidence(assessmentId, user);
        List<String> items = leaves(assessments.setOf(assessment), itemCodes);
        if (uploaded == null || uploaded.isEmpty()) {
            throw new InvalidInputException("files", "bắt buộc: hãy gửi ít nhất một tệp");
        }
        List<Incoming> incoming = readAll(uploaded);
        Instant now = clock.now();
        try {
            return transactions.execute(status -> store(assessment, incoming, items, user.username(), now));
        } catch (RuntimeException e) {
            incoming.forEach(file -> file.staged().ifPresent(Staged::drop));
            throw tooManyWords(e) ? tooManyWordsIn(incoming, now).orElseThrow(() -> e) : e;
        }
    }

    /**
     * Reads the request's files side by side. When one is refused, the first refused in the request's order is the
     * one reported, as if they had been read one after another, and what the others wrote to disk is removed.
     */
    private List<Incoming> readAll(List<MultipartFile> uploaded) throws IOException {
        List<Future<Incoming>> reading = new ArrayList<>();
        // Virtual threads wait cheaply for their turn; closing the executor waits for every one of them to end.
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < uploaded.size(); i++) {
                String field = "files[" + i + "]";
                MultipartFile file = uploaded.get(i);
                reading.add(threads.submit(() -> readInTurn(field, file)));
            }
            try {
                List<Incoming> incoming = new ArrayList<>();
                for (Future<Incoming> file : reading) {
                    incoming.add(result(file));
                }
                return incoming;
            } catch (IOException | RuntimeException e) {
                threads.shutdownNow();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            // Every reading has ended here: what those that succeeded wrote to disk goes too.
            reading.stream().filter(file -> file.state() == Future.State.SUCCESS)
                    .forEach(file -> file.resultNow().staged().ifPresent(Staged::drop));
            throw e;
        }
    }

    private static Incoming result(Future<Incoming> reading) throws IOException {
        try {
            return reading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Bị ngắt khi đang đọc tệp", e);
        } catch (ExecutionException e) {
            throw rethrown(e);
        }
    }

    private static IOException rethrown(ExecutionException e) {
        switch (e.getCause()) {
            case IOException io -> {
                return io;
            }
            case RuntimeException runtime -> throw runtime;
            case Error error -> throw error;
            default -> throw new IllegalStateException(e.getCause());
        }
    }

    private Incoming readInTurn(String field, MultipartFile file) throws IOException, InterruptedException {
        String name = FileNames.sanitise(file.getOriginalFilename());
        String sha256 = sha256(file);
        // Written to disk on a thread of its own while the file is read: the write and its flush wait on the disk,
        // the reading on the processors, and neither waits for the other. A file too large is refused unwritten.
        FutureTask<Optional<Staged>> staging = new FutureTask<>(() -> file.getSize() <= extractor.maxFileSize()
                ? store.stage(sha256, file) : Optional.empty());
        Thread.startVirtualThread(staging);
        Extraction extraction;
        try {
            readers.acquire();
            try {
                extraction = extract(field, name, file);
            } finally {
                readers.release();
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            try {
                staged(staging).ifPresent(Staged::drop);
            } catch (IOException | RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
        return new Incoming(field, file, name, sha256, extraction, staged(staging));
    }

    /** What the staging wrote, waited for even when interrupted: a refused upload must leave no file behind. */
    private static Optional<Staged> staged(Future<Optional<Staged>> staging) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return staging.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw rethrown(e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Extraction extract(String field, String name, MultipartFile file) throws IOException {
        try (InputStream content = file.getInputStream()) {
            return extractor.extract(file.getSize(), content);
        } catch (EvidenceRefusal refusal) {
            log.info("Từ chối tệp kiểm chứng '{}': {}", name, refusal.getMessage());
            log.debug("Tika báo về tệp '{}'", name, refusal.getCause());
            throw refusal.of(field, name);
        }
    }

    private List<StoredFile> store(Assessment assessment, List<Incoming> incoming, List<String> items, String by,
                                   Instant now) {
        long assessmentId = assessment.getId();
        Set<String> inserted = rows.insertPending(incoming.stream().map(Incoming::read).toList(), now);
        // Only files stored before this request are read back: the rest are as this request wrote them. Of those,
        // only the unit's own are told as they are: a file another unit stored first is told as a new one
        // (PENDING), so that the answer never shows that someone else has the same file.
        Map<String, Summary> before = new HashMap<>(rows.summaries(incoming.stream().map(Incoming::sha256)
                .filter(sha256 -> !inserted.contains(sha256)).collect(Collectors.toSet())));
        before.keySet().retainAll(rows.linkedTo(before.keySet(),
                assessments.ofUnit(assessment.getUnitCode()).stream().map(Assessment::getId).toList()));
        List<StoredFile> stored = new ArrayList<>();
        for (Incoming file : incoming) {
            Summary summary = before.getOrDefault(file.sha256(), new Summary(file.extraction().mediaType(),
                    file.content().getSize(), EvidenceStatus.PENDING));
            stored.add(new StoredFile(file.sha256(), file.name(), summary.mediaType(), summary.size(),
                    summary.status()));
        }
        CompletableFuture<?> indexing = startIndexing(stored.stream()
                .filter(file -> file.status() == EvidenceStatus.PENDING).map(StoredFile::sha256).distinct().toList());
        rows.linkOnce(assessmentId, items, incoming.stream().map(file -> new Named(file.sha256(), file.name()))
                .toList(), by, now);
        List<String> names = incoming.stream().map(Incoming::name).toList();
        for (String item : items) {
            assessments.addEvidence(assessmentId, item, names, by, now);
        }
        indexing.join();
        // Last, once every row is in: a refused row leaves no file behind, and the rows are seen only at the commit,
        // with their files in place.
        for (Incoming file : incoming) {
            try {
                if (file.staged().isPresent()) {
                    file.staged().get().put();
                }
            } catch (IOException e) {
                throw new IllegalStateException("Không ghi được tệp kiểm chứng '" + file.name() + "' vào kho", e);
            }
        }
        return stored;
    }

    /**
     * One indexing process for the files still to index, started within the upload's transaction: the engine answers
     * while the links and names are written, and its job waits for the upload to end (see {@link EvidenceUploadLock}).
     */
    private CompletableFuture<?> startIndexing(List<String> toIndex) {
        if (toIndex.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        uploadLock.hold(toIndex);
        return engine.startAsync(EvidenceIndexing.PROCESS_ID, Map.of("files", toIndex));
    }

    /**
     * The refusal of the file with more different words than its searchable column holds. The batch that failed does
     * not say which file it was: their rows are inserted again one by one, in a transaction that is rolled back.
     */
    private Optional<EvidenceRefusal> tooManyWordsIn(List<Incoming> incoming, Instant now) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            for (Incoming file : incoming) {
                try {
                    rows.insertPending(List.of(file.read()), now);
                } catch (DataAccessException e) {
                    if (!tooManyWords(e)) {
                        throw e;
                    }
                    return Optional.of(new EvidenceRefusal(EvidenceRefusal.Reason.WORDS, "nội dung có quá nhiều từ"
                            + " khác nhau để lập chỉ mục tìm kiếm (chỉ mục của một tệp tối đa 1 MB)")
                            .of(file.field(), file.name()));
                }
            }
            return Optional.empty();
        });
    }

    /** PostgreSQL's "string is too long for tsvector": the searchable column has no room for so many words. */
    private static boolean tooManyWords(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "54000".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The codes given, each once, if every one is a leaf of the set; otherwise every one that is not. */
    private static List<String> leaves(IndicatorSet set, List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            throw new InvalidInputException("items", "bắt buộc: hãy nêu mã ít nhất một mục mà tài liệu này làm chứng");
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i) == null ? "" : codes.get(i).strip();
            Optional<IndicatorNode> node = set.find(code);
            if (node.isEmpty()) {
                problems.add(new FieldProblem("items[" + i + "]", "không có mục mã '" + code + "' trong bộ chỉ số "
                        + set.id()));
            } else if (!node.get().isLeaf()) {
                problems.add(new FieldProblem("items[" + i + "]", "mục " + code
                        + " có mục con; chỉ đính kèm tài liệu kiểm chứng cho mục lá"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return List.copyOf(new LinkedHashSet<>(codes.stream().map(String::strip).toList()));
    }

    /**
     * The indexing job's work for an upload's files: OCR for a scan when Tesseract with Vietnamese is here, then the
     * document's number, date and kind from its text. A file indexed already is left as it is: a job delivered twice
     * does no more. The files are read in one query, once their upload has ended, and their headers written in one
     * batch; a scan's OCR is written as soon as it is read, since it may have taken minutes.
     *
     * @param beforeOcr run before each scan's OCR
     * @return the files that could not be indexed, each with why; the others are indexed
     */
    Map<String, String> index(List<String> sha256s, Runnable beforeOcr) {
        uploadLock.awaitUpload(sha256s);
        Map<String, ToIndex> found = rows.toIndex(sha256s);
        Map<String, DocumentHeader> headers = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (String sha256 : sha256s) {
            try {
                ToIndex file = found.get(sha256);
                // No row: the upload was rolled back after it started this process.
                if (file == null || file.status() == EvidenceStatus.INDEXED) {
                    continue;
                }
                Path stored = store.path(sha256);
                if (!Files.isRegularFile(stored)) {
                    throw new IllegalStateException("Không thấy tệp kiểm chứng " + sha256 + " trong kho "
                            + stored.getParent());
                }
                String read = null;
                if (file.noText() && ocr) {
                    beforeOcr.run();
                    read = extractor.readWithOcr(stored, file.mediaType(), OCR_LANGUAGE);
                }
                if (read != null && read.codePoints().anyMatch(Character::isLetter)) {
                    rows.indexedByOcr(sha256, read, DocumentHeader.read(read), clock.now());
                } else {
                    headers.put(sha256, DocumentHeader.read(file.text()));
                }
            } catch (IOException | RuntimeException e) {
                failures.put(sha256, e.getMessage());
            }
        }
        rows.indexed(headers, clock.now());
        return failures;
    }

    /** The indexing job's last retry failed: the file says so until an incident's retry indexes it. */
    void failed(String sha256, String reason) {
        rows.failed(sha256, reason);
    }

    /** Files whose indexing had not finished; an embedded engine loses its processes when it stops. */
    List<String> pending() {
        return rows.pending();
    }

    boolean ocrAvailable() {
        return ocr;
    }

    private static String sha256(InputStreamSource content) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(content.getInputStream(), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
