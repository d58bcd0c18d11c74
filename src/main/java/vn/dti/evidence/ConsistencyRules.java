package vn.dti.evidence;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import vn.dti.indicator.IndicatorNode;
import vn.dti.indicator.IndicatorSet;
import vn.dti.indicator.IndicatorSetCatalog;
import vn.dti.indicator.ItemKind;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The consistency rules of each indicator set, from {@code checks/<indicator set id>.yaml} (format in
 * {@code checks/README.md}). Read at start-up, after the indicator sets, and checked against the set they name: a
 * rule on an unknown item, on an item that is not a ratio or on an unknown general information count stops the start
 * with the file and the rule. A set without a file has no such rule.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ConsistencyRules implements ApplicationRunner {

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final String SUFFIX = ".yaml";

    private final IndicatorSetCatalog sets;
    private volatile Map<String, List<ConsistencyRule>> bySet = Map.of();

    ConsistencyRules(IndicatorSetCatalog sets) {
        this.sets = sets;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Map<String, List<ConsistencyRule>> loaded = new HashMap<>();
        List<String> errors = new ArrayList<>();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:checks/*" + SUFFIX)) {
            String name = file.getFilename();
            String setId = name.substring(0, name.length() - SUFFIX.length());
            IndicatorSet set = sets.get(setId).orElse(null);
            if (set == null) {
                errors.add("Quy tắc kiểm tra " + name + ": không có bộ chỉ số mã " + setId
                        + " (tên tệp là mã bộ chỉ số)");
                continue;
            }
            try (InputStream in = file.getInputStream()) {
                loaded.put(setId, read(in, name, set));
            } catch (IllegalStateException e) {
                errors.add(e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException(String.join("\n", errors));
        }
        bySet = Map.copyOf(loaded);
    }

    List<ConsistencyRule> of(String indicatorSetId) {
        return bySet.getOrDefault(indicatorSetId, List.of());
    }

    record RuleFile(List<RawRule> rules) {
    }

    record RawRule(List<String> left, String is, List<String> right, String message) {
    }

    /** Reads one file's rules and checks them against {@code set}; refused with every problem, each with its rule. */
    static List<ConsistencyRule> read(InputStream in, String fileName, IndicatorSet set) {
        RuleFile file;
        try {
            file = YAML.readValue(in, RuleFile.class);
        } catch (IOException e) {
            throw new IllegalStateException("Quy tắc kiểm tra " + fileName + " không đọc được: " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        List<ConsistencyRule> rules = new ArrayList<>();
        if (file == null || file.rules() == null || file.rules().isEmpty()) {
            problems.add("không có quy tắc nào (rules)");
        } else {
            Map<String, IndicatorNode> nodes = set.nodesByCode();
            for (int i = 0; i < file.rules().size(); i++) {
                RawRule raw = file.rules().get(i);
                String where = "quy tắc " + (i + 1) + ": ";
                int before = problems.size();
                List<ConsistencyRule.Term> left = terms(raw.left(), "left", where, nodes, set, problems);
                List<ConsistencyRule.Term> right = terms(raw.right(), "right", where, nodes, set, problems);
                var relation = ConsistencyRule.Relation.named(raw.is());
                if (relation.isEmpty()) {
                    problems.add(where + "is: '" + raw.is() + "' phải là atMost (không lớn hơn) hoặc equal (bằng)");
                }
                if (raw.message() == null || raw.message().isBlank()) {
                    problems.add(where + "thiếu message (điều quy tắc nói, bằng tiếng Việt)");
                }
                if (problems.size() == before) {
                    rules.add(new ConsistencyRule(left, relation.get(), right, raw.message().strip()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Quy tắc kiểm tra " + fileName + " không hợp lệ:\n  - "
                    + String.join("\n  - ", problems));
        }
        return List.copyOf(rules);
    }

    private static List<ConsistencyRule.Term> terms(List<String> names, String side, String where,
                                                    Map<String, IndicatorNode> nodes, IndicatorSet set,
                                                    List<String> problems) {
        List<ConsistencyRule.Term> terms = new ArrayList<>();
        if (names == null || names.isEmpty()) {
            problems.add(where + side + ": thiếu (danh sách số liệu được cộng lại)");
            return terms;
        }
        for (String name : names) {
            String term = name == null ? "" : name.strip();
            if (term.startsWith("generalInfo.")) {
                String key = term.substring("generalInfo.".length());
                if (!ConsistencyRule.GENERAL_INFO.containsKey(key)) {
                    problems.add(where + side + ": '" + term + "' không phải số liệu của thông tin chung; dùng "
                            + String.join(", ", ConsistencyRule.GENERAL_INFO.keySet().stream().sorted()
                            .map(k -> "generalInfo." + k).toList()));
                }
                terms.add(new ConsistencyRule.Term(null, null, key));
                continue;
            }
            int dot = term.lastIndexOf('.');
            String part = dot < 0 ? "" : term.substring(dot + 1);
            String code = dot < 0 ? term : term.substring(0, dot);
            IndicatorNode node = nodes.get(code);
            if (!part.equals("numerator") && !part.equals("denominator")) {
                problems.add(where + side + ": '" + term + "' phải là <mã mục>.numerator, <mã mục>.denominator"
                        + " hoặc generalInfo.<số liệu>");
            } else if (node == null) {
                problems.add(where + side + ": không có mục " + code + " trong bộ chỉ số " + set.id());
            } else if (!node.isLeaf() || node.kind() != ItemKind.RATIO) {
                problems.add(where + side + ": mục " + code + " không phải mục tỷ lệ (RATIO): không có tử số,"
                        + " mẫu số");
            }
            terms.add(new ConsistencyRule.Term(code, part.equals("numerator") ? ConsistencyRule.Part.NUMERATOR
                    : ConsistencyRule.Part.DENOMINATOR, null));
        }
        return terms;
    }
}
