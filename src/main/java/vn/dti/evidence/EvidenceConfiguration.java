package vn.dti.evidence;

import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class EvidenceConfiguration {

    @Bean(destroyMethod = "close")
    EvidenceExtractor evidenceExtractor(EvidenceProperties properties, MultipartProperties multipart) {
        // Spring's multipart limits answer before ours, with a generic message: they must leave room for our own.
        DataSize ours = properties.maxFileSize();
        for (DataSize spring : new DataSize[]{multipart.getMaxFileSize(), multipart.getMaxRequestSize()}) {
            if (spring.toBytes() >= 0 && spring.toBytes() <= ours.toBytes()) {
                throw new IllegalStateException("spring.servlet.multipart.max-file-size và max-request-size ("
                        + EvidenceExtractor.bytes(spring.toBytes()) + ") phải lớn hơn dti.evidence.max-file-size ("
                        + EvidenceExtractor.bytes(ours.toBytes()) + "), để tệp quá lớn nhận đúng thông báo");
            }
        }
        return new EvidenceExtractor(properties.limits());
    }
}
