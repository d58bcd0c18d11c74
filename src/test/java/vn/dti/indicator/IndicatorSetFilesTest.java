package vn.dti.indicator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every shipped indicator set validates, and the fully published ones have the shape their decision states. */
class IndicatorSetFilesTest {

    private static final Path DIRECTORY = Path.of("src/main/resources/indicator-sets");

    static Stream<Path> files() throws IOException {
        return Files.list(DIRECTORY).filter(path -> path.toString().endsWith(".yaml")).sorted();
    }

    @ParameterizedTest
    @MethodSource("files")
    void everyShippedSetValidates(Path file) throws IOException {
        IndicatorSet set = read(file.getFileName().toString());

        assertThat(IndicatorSetValidator.problems(set)).isEmpty();
        assertThat(file.getFileName().toString()).startsWith(provinceSlug(set.province()));
    }

    @Test
    void shipsEverySetTheSeedsDefine() throws IOException {
        assertThat(files().map(path -> read(path.getFileName().toString()).id())).containsExactlyInAnyOrder(
                "BN-SO-2023", "BN-HUYEN-2023", "KT-SO-2022", "KT-HUYEN-2022", "KT-XA-2022",
                "NA-SO-1082", "NA-HUYEN-1082", "NA-XA-1082", "QNA-XA-2021", "DLK-SO-2021", "DLK-HUYEN-2021");
    }

    @Test
    void bacNinhSoHasSixMainIndicatorsFortyFiveComponentsOnAThousandPoints() {
        IndicatorSet set = read("bac-ninh-so-2023.yaml");

        assertThat(counts(set)).isEqualTo(Map.of(NodeType.MAIN, 6, NodeType.COMPONENT, 45));
        assertThat(set.scale()).isEqualByComparingTo("1000");
        assertThat(set.items()).extracting(node -> node.points().intValue())
                .containsExactly(100, 100, 100, 70, 100, 530);
        assertThat(set.source().number()).isEqualTo("1187/QĐ-UBND");
        assertThat(set.find("6.18").orElseThrow().points()).isEqualByComparingTo("20");
    }

    @Test
    void bacNinhHuyenHasEightMainIndicatorsSeventySixComponentsOnAThousandPoints() {
        IndicatorSet set = read("bac-ninh-huyen-2023.yaml");

        assertThat(counts(set)).isEqualTo(Map.of(NodeType.MAIN, 8, NodeType.COMPONENT, 76));
        assertThat(set.items()).extracting(node -> node.points().intValue())
                .containsExactly(100, 100, 100, 100, 80, 340, 100, 80);
        assertThat(set.items().stream().map(node -> node.children().size()).toList())
                .containsExactly(7, 9, 7, 8, 8, 23, 6, 8);
    }

    @Test
    void dakLakSetsArePillarsOfMainIndicators() {
        IndicatorSet huyen = read("dak-lak-huyen-2021.yaml");
        assertThat(huyen.items()).extracting(node -> node.type() + " " + node.name() + " " + node.points().intValue())
                .containsExactly("PILLAR Chính quyền số 200", "PILLAR Kinh tế số 95", "PILLAR Xã hội số 125");
        assertThat(read("dak-lak-so-2021.yaml").scale()).isEqualByComparingTo("180");
    }

    @Test
    void quangNamHasThreePillarsAndNamesItsIndicatorsWithoutInventingPoints() {
        IndicatorSet set = read("quang-nam-xa-2021.yaml");

        assertThat(set.items()).extracting(node -> node.points().intValue()).containsExactly(50, 20, 30);
        assertThat(set.items()).allSatisfy(pillar -> assertThat(pillar.parts()).isNotEmpty());
        assertThat(set.notes()).isNotEmpty();
    }

    @Test
    void ngheAnSetsAreIncompleteBecauseTheSourceGivesNoPoints() {
        IndicatorSet set = read("nghe-an-xa-2023.yaml");

        assertThat(set.complete()).isFalse();
        assertThat(set.scale()).isEqualByComparingTo("500");
        assertThat(set.leaves()).hasSize(7).allSatisfy(leaf -> assertThat(leaf.points()).isNull());
    }

    private static Map<NodeType, Integer> counts(IndicatorSet set) {
        Map<NodeType, Integer> counts = new EnumMap<>(NodeType.class);
        set.nodesByCode().values().forEach(node -> counts.merge(node.type(), 1, Integer::sum));
        return counts;
    }

    private static String provinceSlug(String province) {
        return Map.of("BN", "bac-ninh", "KT", "kon-tum", "NA", "nghe-an", "QNA", "quang-nam", "DLK", "dak-lak")
                .get(province);
    }

    static IndicatorSet read(String file) {
        try (InputStream in = Files.newInputStream(DIRECTORY.resolve(file))) {
            return IndicatorSetReader.read(in, file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
