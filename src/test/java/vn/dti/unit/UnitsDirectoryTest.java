package vn.dti.unit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.dti.DtiPlatformApplication;
import vn.dti.indicator.IndicatorSetCatalog;
import vn.dti.indicator.Level;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * A province an administrator puts in {@code dti.units.directory} is loaded beside the shipped ones, before the
 * indicator sets, so that a set of the same administrator's directory may name it.
 */
class UnitsDirectoryTest {

    @TempDir
    Path units;
    @TempDir
    Path sets;

    @Test
    void aProvinceFromTheDirectoryIsLoadedAndItsSetAccepted() throws Exception {
        Files.writeString(units.resolve("thu-muc.yaml"), """
                code: TM
                name: "Thư Mục"
                units:
                  - {code: TM-H01, name: "UBND huyện Một", level: HUYEN}
                  - {code: TM-X001, name: "UBND xã Một A", level: XA, parent: TM-H01}
                """);
        Files.writeString(sets.resolve("thu-muc-xa-2024.yaml"), """
                province: TM
                level: XA
                version: "2024"
                effectiveFrom: 2024-01-01
                scale: 100
                complete: true
                items:
                  - {code: "1", name: "Hạ tầng số", type: MAIN, points: 100, kind: POINTS}
                """);

        try (ConfigurableApplicationContext application = new SpringApplicationBuilder(DtiPlatformApplication.class)
                .profiles("test")
                .run("--server.port=0", "--dti.units.directory=" + units, "--dti.indicator-sets.directory=" + sets)) {
            UnitCatalog catalog = application.getBean(UnitCatalog.class);
            assertThat(catalog.province("TM")).map(Province::getName).contains("Thư Mục");
            assertThat(catalog.units("TM", Level.XA)).extracting(Unit::getCode, Unit::getParentCode)
                    .containsExactly(tuple("TM-X001", "TM-H01"));
            assertThat(catalog.province("BN")).isPresent();
            assertThat(application.getBean(IndicatorSetCatalog.class).get("TM-XA-2024")).isPresent();
        }
    }
}
