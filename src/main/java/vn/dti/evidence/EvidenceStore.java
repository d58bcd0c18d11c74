package vn.dti.evidence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Evidence files on disk under their SHA-256 ({@code ab/abcdef…}), never under a name someone gave them. A file is
 * written to a temporary name beside its place, then moved there in one step: no half file is ever visible. The
 * uploads' own temporaries (the servlet container's copies of a request's parts) are kept in {@link #uploads()}.
 *
 * <p>At start-up, before any request is taken, what a crash mid-upload left is removed: staged files that were never
 * moved into place, and the parts of requests that never ended. A file in its place is never removed: its row may be
 * pending, and the indexing job started again at start-up ({@link EvidenceRecovery}) reads it there.
 */
@Component
class EvidenceStore {

    private static final Logger log = LoggerFactory.getLogger(EvidenceStore.class);
    private static final String STAGED_SUFFIX = ".tmp";
    private static final String UPLOADS = ".uploads";

    private final Path root;

    EvidenceStore(EvidenceProperties properties) {
        this.root = properties.directory().toAbsolutePath().normalize();
        try {
            Files.createDirectories(uploads());
            removeLeftovers();
        } catch (IOException e) {
            throw new UncheckedIOException("Không tạo được thư mục lưu tệp kiểm chứng " + root, e);
        }
    }

    /** Where the servlet container keeps the parts of requests being received. */
    Path uploads() {
        return root.resolve(UPLOADS);
    }

    /** Staged files ({@code ab/.abcdef….tmp}) and request parts: only a crash leaves them once no request runs. */
    private void removeLeftovers() throws IOException {
        int removed = 0;
        try (Stream<Path> directories = Files.list(root)) {
            for (Path directory : directories.filter(Files::isDirectory).toList()) {
                boolean parts = directory.equals(uploads());
                try (Stream<Path> files = Files.list(directory)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        String name = file.getFileName().toString();
                        if (parts || name.startsWith(".") && name.endsWith(STAGED_SUFFIX)) {
                            Files.deleteIfExists(file);
                            removed++;
                        }
                    }
                }
            }
        }
        if (removed > 0) {
            log.info("Đã xoá {} tệp tạm còn lại từ lần chạy trước (tải lên dở dang khi máy chủ dừng)", removed);
        }
    }

    Path path(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /**
     * Writes the content to disk under a temporary name beside its place, so that the slow part (the write and its
     * flush) can happen while the request's files are being read; {@link Staged#put} then shows it under its hash in
     * one step. Empty when that content is stored already.
     */
    Optional<Staged> stage(String sha256, InputStreamSource content) throws IOException {
        Path target = path(sha256);
        if (Files.exists(target)) {
            return Optional.empty();
        }
        Files.createDirectories(target.getParent());
        // The same directory, so that the move is a rename within one file system.
        Path temporary = Files.createTempFile(target.getParent(), "." + sha256, STAGED_SUFFIX);
        try {
            try (InputStream in = content.getInputStream(); OutputStream out = Files.newOutputStream(temporary)) {
                in.transferTo(out);
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            return Optional.of(new Staged(temporary, target));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** A file on disk under a temporary name, until it is put in its place or dropped. */
    record Staged(Path temporary, Path target) {

        void put() throws IOException {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        }

        /**
         * Nothing left behind; once put, there is nothing to drop. Called while a refusal or failure is on its way
         * to the uploader: a temporary file that stays is logged rather than hiding why the upload failed.
         */
        void drop() {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                log.warn("Không xoá được tệp tạm {}", temporary, e);
            }
        }
    }
}
