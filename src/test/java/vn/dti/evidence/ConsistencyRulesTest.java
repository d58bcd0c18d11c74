package vn.dti.evidence;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import vn.dti.indicator.IndicatorSet;
import vn.dti.indicator.IndicatorSetReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsistencyRulesTest {

    @Test
    void theShippedRulesReadAgainstTheirSets() throws IOException {
        Map<String, IndicatorSet> sets = new HashMap<>();
        var resolver = new PathMatchingResourcePatternResolver();
        for (Resource file : resolver.getResources("classpath*:indicator-sets/*.yaml")) {
            try (InputStream in = file.getInputStream()) {
                IndicatorSet set = IndicatorSetReader.read(in, file.getFilename());
                sets.put(set.id(), set);
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        for (Resource file : resolver.getResources("classpath*:checks/*.yaml")) {
            String setId = file.getFilename().replace(".yaml", "");
            try (InputStream in = file.getInputStream()) {
                counts.put(setId, ConsistencyRules.read(in, file.getFilename(), sets.get(setId)).size());
            }
        }

        assertThat(counts).containsOnly(Map.entry("BN-SO-2023", 5), Map.entry("BN-HUYEN-2023", 3));
    }

    @Test
    void readsARule() {
        List<ConsistencyRule> rules = read("""
                rules:
                  - left: [2.1.denominator]
                    is: atMost
                    right: [generalInfo.civilServants, generalInfo.publicEmployees]
                    message: " Vượt biên chế "
                """);

        assertThat(rules).containsExactly(new ConsistencyRule(
                List.of(new ConsistencyRule.Term("2.1", ConsistencyRule.Part.DENOMINATOR, null)),
                ConsistencyRule.Relation.AT_MOST,
                List.of(new ConsistencyRule.Term(null, null, "civilServants"),
                        new ConsistencyRule.Term(null, null, "publicEmployees")),
                "Vượt biên chế"));
    }

    @Test
    void refusesARuleTheSetCannotAnswerNamingEachProblem() {
        assertThatThrownBy(() -> read("""
                rules:
                  - left: [9.9.numerator]
                    is: atMost
                    right: [1.1.numerator]
                    message: "a"
                  - left: [2.1.total]
                    is: below
                    right: [generalInfo.staff]
                  - left: []
                    is: equal
                    right: [2.1.numerator]
                    message: "c"
                """))
                .hasMessageContaining("Quy tắc kiểm tra T-SO-1.yaml không hợp lệ")
                .hasMessageContaining("quy tắc 1: left: không có mục 9.9 trong bộ chỉ số T-SO-1")
                .hasMessageContaining("quy tắc 1: right: mục 1.1 không phải mục tỷ lệ (RATIO)")
                .hasMessageContaining("quy tắc 2: left: '2.1.total' phải là <mã mục>.numerator")
                .hasMessageContaining("quy tắc 2: right: 'generalInfo.staff' không phải số liệu của thông tin chung")
                .hasMessageContaining("quy tắc 2: is: 'below' phải là atMost (không lớn hơn) hoặc equal (bằng)")
                .hasMessageContaining("quy tắc 2: thiếu message")
                .hasMessageContaining("quy tắc 3: left: thiếu");
        assertThatThrownBy(() -> read("rules:\n  - lefts: [2.1.numerator]\n"))
                .hasMessageContaining("T-SO-1.yaml không đọc được").hasMessageContaining("lefts");
        assertThatThrownBy(() -> read("rules: []\n")).hasMessageContaining("không có quy tắc nào");
    }

    private static List<ConsistencyRule> read(String yaml) {
        return ConsistencyRules.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "T-SO-1.yaml",
                SET);
    }

    private static final IndicatorSet SET = IndicatorSetReader.read(new ByteArrayInputStream("""
            province: T
            level: SO
            version: "1"
            effectiveFrom: 2024-01-01
            scale: 100
            complete: true
            items:
              - {code: "1", name: "Một", type: MAIN, points: 50, children: [
                  {code: "1.1", name: "Có", type: COMPONENT, points: 50, kind: YES_NO}]}
              - {code: "2", name: "Hai", type: MAIN, points: 50, children: [
                  {code: "2.1", name: "Tỷ lệ", type: COMPONENT, points: 50, kind: RATIO}]}
            """.getBytes(StandardCharsets.UTF_8)), "T-SO-1.yaml");
}
