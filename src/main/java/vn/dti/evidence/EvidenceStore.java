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

/**
 * Evidence files on disk under their SHA-256 ({@code ab/abcdef…}), never under a name someone gave them. A file is
 * written to a temporary name beside its place, then moved there in one step: no half file is ever visible.
 */
@Component
class EvidenceStore {

    private static final Logger log = LoggerFactory.getLogger(EvidenceStore.class);

    private final Path root;

    EvidenceStore(EvidenceProperties properties) {
        this.root = properties.directory().toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Không tạo được thư mục lưu tệp kiểm chứng " + root, e);
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
        Path temporary = Files.createTempFile(target.getParent(), "." + sha256, ".tmp");
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
