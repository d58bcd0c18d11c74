package vn.dti.indicator;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndicatorSetReaderTest {

    private static final String HEADER = """
            province: T
            level: SO
            version: "1"
            effectiveFrom: 2024-01-01
            scale: 100
            complete: true
            items:
            """;

    @Test
    void readsATree() {
        IndicatorSet set = read(HEADER + """
                  - {code: "1", name: "Nhận thức số", type: MAIN, points: 100, children: [
                      {code: "1.1", name: "Có Ban chỉ đạo", type: COMPONENT, points: 40, kind: YES_NO},
                      {code: "1.2", name: "Tỷ lệ văn bản ký số", type: COMPONENT, points: 60, kind: RATIO}]}
                """);

        assertThat(set.id()).isEqualTo("T-SO-1");
        assertThat(set.leaves()).extracting(IndicatorNode::code).containsExactly("1.1", "1.2");
        assertThat(set.find("1.2").orElseThrow().kind()).isEqualTo(ItemKind.RATIO);
    }

    @Test
    void aParentThatDoesNotAddUpNamesTheFileTheCodeAndBothNumbers() {
        assertThatThrownBy(() -> read(HEADER + """
                  - {code: "1", name: "Nhận thức số", type: MAIN, points: 100, children: [
                      {code: "1.1", name: "a", type: COMPONENT, points: 40, kind: YES_NO},
                      {code: "1.2", name: "b", type: COMPONENT, points: 50, kind: RATIO}]}
                """))
                .isInstanceOf(InvalidIndicatorSetException.class)
                .hasMessageContaining("thu.yaml")
                .hasMessageContaining("mục 1: điểm tối đa 100 khác tổng điểm các mục con 90");
    }

    @Test
    void aRootThatDoesNotMatchTheScaleIsRefused() {
        assertThatThrownBy(() -> read(HEADER + """
                  - {code: "1", name: "a", type: MAIN, points: 90, kind: POINTS}
                """)).hasMessageContaining("thang điểm 100 khác tổng điểm các mục cấp trên cùng 90");
    }

    @Test
    void duplicateCodesMissingKindsAndUnknownKeysAreRefused() {
        assertThatThrownBy(() -> read(HEADER + """
                  - {code: "1", name: "a", type: MAIN, points: 50, kind: POINTS}
                  - {code: "1", name: "b", type: MAIN, points: 50}
                """)).hasMessageContaining("mã 1 bị trùng").hasMessageContaining("thiếu cách tính");
        assertThatThrownBy(() -> read(HEADER + """
                  - {code: "1", name: "a", type: MAIN, pointz: 100, kind: POINTS}
                """)).isInstanceOf(InvalidIndicatorSetException.class).hasMessageContaining("pointz");
    }

    @Test
    void onlyAnIncompleteSetMayLeavePointsOut() {
        String incomplete = HEADER.replace("complete: true", "complete: false") + """
                  - {code: "1", name: "a", type: MAIN, kind: POINTS}
                """;
        assertThat(read(incomplete).complete()).isFalse();
        assertThatThrownBy(() -> read(HEADER + """
                  - {code: "1", name: "a", type: MAIN, kind: POINTS}
                """)).hasMessageContaining("mục 1: thiếu điểm tối đa");
    }

    private static IndicatorSet read(String yaml) {
        return IndicatorSetReader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "thu.yaml");
    }
}
