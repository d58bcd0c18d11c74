package vn.dti.indicator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import vn.dti.DtiPlatformApplication;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An administrator's set that does not add up stops the application, naming the file, the code and the numbers. */
class BadIndicatorSetStopsStartupTest {

    @TempDir
    Path directory;

    @Test
    void startupFailsWithTheFileTheCodeAndBothNumbers() throws Exception {
        Files.writeString(directory.resolve("bac-ninh-so-2024.yaml"), """
                province: BN
                level: SO
                version: "2024"
                effectiveFrom: 2024-10-01
                scale: 1000
                complete: true
                items:
                  - {code: "1", name: "Nhận thức số", type: MAIN, points: 1000, children: [
                      {code: "1.1", name: "Lãnh đạo đơn vị là Trưởng Ban chỉ đạo CĐS", type: COMPONENT, points: 20, kind: YES_NO},
                      {code: "1.2", name: "Cổng thông tin có chuyên mục CĐS", type: COMPONENT, points: 970, kind: YES_NO}]}
                """);

        assertThatThrownBy(() -> new SpringApplicationBuilder(DtiPlatformApplication.class)
                .profiles("test")
                .run("--server.port=0", "--dti.indicator-sets.directory=" + directory).close())
                .hasMessageContaining("bac-ninh-so-2024.yaml")
                .hasMessageContaining("mục 1: điểm tối đa 1000 khác tổng điểm các mục con 990");
    }
}
