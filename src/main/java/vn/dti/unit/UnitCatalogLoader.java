package vn.dti.unit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.dti.indicator.Level;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads provinces and their units at start-up (before the indicator sets, which refer to provinces): the ones shipped
 * in {@code units/*.yaml} and those an administrator puts in {@code dti.units.directory}. Existing rows are updated,
 * none are deleted: assessments of past years keep pointing at their units. A unit the administrator has added,
 * renamed or retired (page or API) is left as the administrator made it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnitCatalogLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(UnitCatalogLoader.class);
    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final ProvinceRepository provinces;
    private final UnitRepository units;
    private final String directory;

    UnitCatalogLoader(ProvinceRepository provinces, UnitRepository units,
                      @Value("${dti.units.directory:}") String directory) {
        this.provinces = provinces;
        this.units = units;
        this.directory = directory;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (Resource file : files()) {
            ProvinceFile province = read(file);
            store(province);
            log.info("Loaded province {} with {} units from {}", province.code(), province.units().size(),
                    file.getFilename());
        }
    }

    private List<Resource> files() {
        try {
            var resolver = new PathMatchingResourcePatternResolver();
            List<Resource> files = new ArrayList<>(List.of(resolver.getResources("classpath*:units/*.yaml")));
            if (!directory.isBlank()) {
                files.addAll(List.of(resolver.getResources("file:" + directory + "/*.yaml")));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProvinceFile read(Resource file) {
        ProvinceFile province;
        try (InputStream in = file.getInputStream()) {
            province = YAML.readValue(in, ProvinceFile.class);
        } catch (IOException e) {
            throw new IllegalStateException("Tệp đơn vị " + file.getFilename() + " không đọc được: " + e.getMessage(), e);
        }
        List<String> problems = province.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Tệp đơn vị " + file.getFilename() + " không hợp lệ:\n  - "
                    + String.join("\n  - ", problems));
        }
        return province;
    }

    private void store(ProvinceFile file) {
        Province province = provinces.findById(file.code()).orElseGet(() -> new Province(file.code(), file.name()));
        province.rename(file.name());
        provinces.save(province);
        int position = 0;
        // Parents first: a xã refers to its huyện.
        List<UnitEntry> ordered = new ArrayList<>(file.units());
        ordered.sort((a, b) -> Boolean.compare(a.parent() != null, b.parent() != null));
        for (UnitEntry entry : ordered) {
            Unit unit = units.findById(entry.code()).orElseGet(() -> new Unit(entry.code(), file.code()));
            if (unit.getManagedBy() == Unit.ManagedBy.ADMIN) {
                log.info("Unit {} was changed by the province's administrator: its file no longer overwrites it",
                        entry.code());
                continue;
            }
            unit.update(entry.name(), entry.level(), entry.parent(),
                    entry.aliases() == null ? List.of() : entry.aliases(), ++position);
            units.saveAndFlush(unit);
        }
    }

    /** {@code bands} is read only to refuse it: bands are a rule of the indicator set's regulation profile. */
    record ProvinceFile(String code, String name, Object bands, List<UnitEntry> units) {

        ProvinceFile {
            units = units == null ? List.of() : units;
        }

        List<String> problems() {
            List<String> problems = new ArrayList<>();
            if (code == null || code.isBlank()) problems.add("thiếu mã tỉnh (code)");
            if (name == null || name.isBlank()) problems.add("thiếu tên tỉnh (name)");
            if (bands != null) {
                problems.add("bands: ngưỡng xếp loại nay ghi trong quy chế (profile) của bộ chỉ số, kèm điều khoản"
                        + " quy định nó, không ghi trong tệp đơn vị");
            }
            Set<String> codes = new HashSet<>();
            Set<String> names = new HashSet<>();
            Map<String, Level> levels = new HashMap<>();
            units.forEach(unit -> levels.put(unit.code(), unit.level()));
            for (UnitEntry unit : units) {
                if (unit.code() == null || unit.name() == null || unit.level() == null) {
                    problems.add("đơn vị thiếu mã, tên hoặc cấp: " + unit);
                    continue;
                }
                if (!codes.add(unit.code())) problems.add("mã đơn vị " + unit.code() + " bị trùng");
                if (!names.add(unit.name())) problems.add("tên đơn vị " + unit.name() + " bị trùng");
                if (unit.level() == Level.XA && levels.get(unit.parent()) != Level.HUYEN) {
                    problems.add("đơn vị cấp xã " + unit.code() + " phải thuộc một đơn vị cấp huyện của tỉnh (parent)");
                }
                if (unit.level() != Level.XA && unit.parent() != null) {
                    problems.add("chỉ đơn vị cấp xã mới có đơn vị cấp trên (parent): " + unit.code());
                }
            }
            return problems;
        }
    }

    record UnitEntry(String code, String name, Level level, String parent, List<String> aliases) {
    }
}
