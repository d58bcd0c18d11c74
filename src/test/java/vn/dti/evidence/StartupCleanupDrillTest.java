package vn.dti.evidence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletRegistrationBean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drill of issue 10: a crash mid-upload leaves staged files beside their place in the store and the request's parts
 * where the servlet container wrote them. The next start removes both, and keeps every file in its place: a pending
 * one is what the indexing job started again at start-up reads.
 */
@SpringBootTest
@ActiveProfiles("test")
class StartupCleanupDrillTest {

    private static final String SHA256 = "ab" + "0123456789abcdef".repeat(3) + "0123456789ab01";

    @Autowired
    DispatcherServletRegistrationBean dispatcher;
    @Autowired
    EvidenceProperties properties;

    @Test
    void theNextStartRemovesWhatACrashMidUploadLeftAndKeepsStoredFiles(@TempDir Path directory) throws IOException {
        Path stored = write(directory.resolve("ab").resolve(SHA256));
        Path otherStored = write(directory.resolve("cd").resolve("cd" + SHA256.substring(2)));
        Path staged = write(directory.resolve("ab").resolve("." + SHA256 + "8127364.tmp"));
        Path part = write(directory.resolve(".uploads").resolve("upload_3f0b2c4e_0000001.tmp"));
        Path anotherPart = write(directory.resolve(".uploads").resolve("upload_3f0b2c4e_0000002.tmp"));

        new EvidenceStore(new EvidenceProperties(directory, DataSize.ofMegabytes(50), 1_000_000,
                Duration.ofSeconds(60), 3, Duration.ofMinutes(10), DataSize.ofMegabytes(100)));

        assertThat(staged).doesNotExist();
        assertThat(part).doesNotExist();
        assertThat(anotherPart).doesNotExist();
        assertThat(stored).exists().hasContent("nội dung");
        assertThat(otherStored).exists();
        assertThat(directory.resolve(".uploads")).isEmptyDirectory();
    }

    @Test
    void theContainerKeepsRequestPartsUnderTheEvidenceDirectory() {
        Path uploads = properties.directory().toAbsolutePath().normalize().resolve(".uploads");

        assertThat(dispatcher.getMultipartConfig().getLocation()).isEqualTo(uploads.toString());
        assertThat(uploads).isDirectory();
    }

    private static Path write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "nội dung");
    }
}
