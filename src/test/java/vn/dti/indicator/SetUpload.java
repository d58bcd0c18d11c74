package vn.dti.indicator;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import java.nio.charset.StandardCharsets;

/** POST /api/indicator-sets with a set file, as an administrator's browser sends it. */
public final class SetUpload {

    private SetUpload() {
    }

    /** {@code user} null: anonymously. Every test user's password is "thu-nghiem". */
    public static ResponseEntity<JsonNode> post(TestRestTemplate http, String user, String fileName, String yaml) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        TestRestTemplate client = user == null ? http : http.withBasicAuth(user, "thu-nghiem");
        return client.postForEntity("/api/indicator-sets", new HttpEntity<>(body, headers), JsonNode.class);
    }
}
