package vn.dti.evidence;

import jakarta.servlet.MultipartConfigElement;
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

    /**
     * Spring's multipart settings, with the parts of requests kept under the evidence directory rather than in the
     * JVM's temporary directory: those a crash leaves are then found, and removed, at the next start
     * ({@link EvidenceStore}). The path is absolute: Tomcat reads a relative one from its own work directory.
     */
    @Bean
    MultipartConfigElement multipartConfigElement(MultipartProperties multipart, EvidenceStore store) {
        return new MultipartConfigElement(store.uploads().toString(), multipart.getMaxFileSize().toBytes(),
                multipart.getMaxRequestSize().toBytes(), (int) multipart.getFileSizeThreshold().toBytes());
    }
}
