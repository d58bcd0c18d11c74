package vn.dti.evidence;

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

/**
 * Evidence files on disk under their SHA-256 ({@code ab/abcdef…}), never under a name someone gave them. A file is
 * written to a temporary name beside its place, then moved there in one step: no half file is ever visible.
 */
@Component
class EvidenceStore {

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

    /** Writes the content unless that content is stored already. */
    void store(String sha256, InputStreamSource content) throws IOException {
        Path target = path(sha256);
        if (Files.exists(target)) {
            return;
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
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
