package vn.dti.indicator;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Loads every indicator set file at start-up: the ones shipped in {@code indicator-sets/} and those an administrator
 * puts in {@code dti.indicator-sets.directory}. All files are validated before anything is stored; one bad file stops
 * start-up with the file, the code and the numbers. A stored version is never replaced by different content; its
 * regulation profile may be corrected until a cycle uses the version.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class IndicatorSetLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IndicatorSetLoader.class);
    private static final ObjectMapper CANONICAL = JsonMapper.builder().addModule(new JavaTimeModule())
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .addMixIn(IndicatorSet.class, WithoutProfile.class).build();

    private final StoredIndicatorSetRepository repository;
    private final JdbcTemplate jdbc;
    private final IndicatorSetCatalog catalog;
    private final IndicatorSetUsage usage;
    private final String directory;

    IndicatorSetLoader(StoredIndicatorSetRepository repository, JdbcTemplate jdbc, IndicatorSetCatalog catalog,
                       IndicatorSetUsage usage, @Value("${dti.indicator-sets.directory:}") String directory) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.usage = usage;
        this.directory = directory;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        List<Loaded> loaded = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Resource file : files()) {
            try (InputStream in = file.getInputStream()) {
                loaded.add(new Loaded(IndicatorSetReader.read(in, file.getFilename()), file.getFilename()));
            } catch (InvalidIndicatorSetException e) {
                errors.add(e.getMessage());
            } catch (IOException e) {
                errors.add("Không đọc được " + file.getFilename() + ": " + e.getMessage());
            }
        }
        Map<String, String> fileById = new HashMap<>();
        for (Loaded each : loaded) {
            String previous = fileById.putIfAbsent(each.set().id(), each.fileName());
            if (previous != null) {
                errors.add("Bộ chỉ số " + each.set().id() + " có trong hai tệp: " + previous + " và " + each.fileName());
            }
            Integer provinces = jdbc.queryForObject("select count(*) from province where code = ?", Integer.class,
                    each.set().province());
            if (provinces == null || provinces == 0) {
                errors.add("Bộ chỉ số " + each.fileName() + ": tỉnh mã " + each.set().province()
                        + " chưa được khai báo trong units/");
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException(String.join("\n", errors));
        }
        for (Loaded each : loaded) {
            store(each);
        }
        catalog.reload();
    }

    private void store(Loaded each) {
        String checksum = checksum(each.set());
        var stored = repository.findById(each.set().id());
        if (stored.isPresent()) {
            if (!stored.get().checksum().equals(checksum)) {
                throw new IllegalStateException("Bộ chỉ số " + each.set().id() + " trong " + each.fileName()
                        + " khác với phiên bản đã lưu (từ " + stored.get().fileName() + "). Một phiên bản đã dùng"
                        + " không được sửa: hãy ghi nội dung mới thành một phiên bản mới (version).");
            }
            if (!ProfileJson.checksum(each.set().profile()).equals(stored.get().profileChecksum())) {
                if (usage.usedByCycle(each.set().id())) {
                    throw new IllegalStateException(each.fileName() + ": " + profileInUse(each.set().id()));
                }
                stored.get().replaceProfile(each.set().profile(), each.fileName());
                log.info("Replaced the regulation profile of {} from {}", each.set().id(), each.fileName());
            }
            return;
        }
        repository.save(new StoredIndicatorSet(each.set(), checksum, each.fileName()));
        log.info("Stored indicator set {} from {}", each.set().id(), each.fileName());
    }

    private Resource[] files() {
        try {
            var resolver = new PathMatchingResourcePatternResolver();
            List<Resource> files = new ArrayList<>(List.of(resolver.getResources("classpath*:indicator-sets/*.yaml")));
            if (!directory.isBlank()) {
                files.addAll(List.of(resolver.getResources("file:" + directory + "/*.yaml")));
            }
            return files.toArray(Resource[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String profileInUse(String setId) {
        return "quy chế (profile) của bộ chỉ số " + setId + " khác quy chế đã lưu, nhưng phiên bản này đã được một kỳ"
                + " đánh giá sử dụng nên quy chế không được sửa: hãy ghi bộ chỉ số cùng quy chế mới thành một phiên"
                + " bản mới (version)";
    }

    /**
     * Of the content, not the file: comments and layout may change, points and names may not. The profile has its
     * own checksum ({@link ProfileJson#checksum}): it may change until a cycle uses the version.
     */
    static String checksum(IndicatorSet set) {
        try {
            byte[] canonical = CANONICAL.writeValueAsString(set).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Loaded(IndicatorSet set, String fileName) {
    }

    @JsonIgnoreProperties("profile")
    private interface WithoutProfile {
    }
}
