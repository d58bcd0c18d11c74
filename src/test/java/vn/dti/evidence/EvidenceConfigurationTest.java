package vn.dti.evidence;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvidenceConfigurationTest {

    @Test
    void springsMultipartLimitMustLeaveRoomForOurs() {
        EvidenceProperties properties = new EvidenceProperties(Path.of("data/evidence"), DataSize.ofMegabytes(50),
                1_000_000, Duration.ofSeconds(60), 3, Duration.ofMinutes(10), DataSize.ofMegabytes(100));
        MultipartProperties multipart = new MultipartProperties();
        multipart.setMaxFileSize(DataSize.ofMegabytes(20));

        assertThatThrownBy(() -> new EvidenceConfiguration().evidenceExtractor(properties, multipart))
                .hasMessage("spring.servlet.multipart.max-file-size và max-request-size (20 MB) phải lớn hơn"
                        + " dti.evidence.max-file-size (50 MB), để tệp quá lớn nhận đúng thông báo");
    }
}
