package vn.dti.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A version of a province's indicator set (Bộ chỉ số) for one level. A year's evaluation is bound to the version in
 * force; sets are never edited in place, a revision is a new version.
 *
 * @param complete false when the source does not publish every leaf's points: such a set can be read, not scored
 * @param notes    where the source's own numbers disagree, as found when the set was transcribed
 * @param profile  the province's rules for this version (quy chế): one reviewable unit with the items
 */
public record IndicatorSet(String province, Level level, String version, LocalDate effectiveFrom,
                           SourceDecision source, BigDecimal scale, boolean complete, List<String> notes,
                           List<IndicatorNode> items, RegulationProfile profile) {

    public IndicatorSet {
        notes = notes == null ? List.of() : List.copyOf(notes);
        items = items == null ? List.of() : List.copyOf(items);
        profile = profile == null ? RegulationProfile.notStated() : profile;
    }

    /** A version whose file states no rule (see {@link RegulationProfile#notStated()}). */
    public IndicatorSet(String province, Level level, String version, LocalDate effectiveFrom, SourceDecision source,
                        BigDecimal scale, boolean complete, List<String> notes, List<IndicatorNode> items) {
        this(province, level, version, effectiveFrom, source, scale, complete, notes, items, null);
    }

    /** Stable identifier, e.g. {@code BN-SO-2023}. */
    public String id() {
        return id(province, level, version);
    }

    public static String id(String province, Level level, String version) {
        return province + "-" + level.name() + "-" + version;
    }

    public List<IndicatorNode> leaves() {
        List<IndicatorNode> leaves = new ArrayList<>();
        items.forEach(item -> leaves.addAll(item.leaves()));
        return leaves;
    }

    /** Every node by code, in document order (parents before their children). */
    public Map<String, IndicatorNode> nodesByCode() {
        Map<String, IndicatorNode> nodes = new LinkedHashMap<>();
        items.forEach(item -> index(item, nodes));
        return nodes;
    }

    private static void index(IndicatorNode node, Map<String, IndicatorNode> into) {
        into.putIfAbsent(node.code(), node);
        node.children().forEach(child -> index(child, into));
    }

    public Optional<IndicatorNode> find(String code) {
        return Optional.ofNullable(nodesByCode().get(code));
    }
}
