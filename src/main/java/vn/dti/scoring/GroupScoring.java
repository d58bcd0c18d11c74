package vn.dti.scoring;

import vn.dti.framework.FieldProblem;
import vn.dti.indicator.IndicatorNode;
import vn.dti.indicator.IndicatorSet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Scores the units of one ranking group against an indicator set: item scores in three columns, the items too few
 * units have data for, proposed for exclusion where the set's profile allows it (003 II.2.b) and excluded only by the
 * council's decision, subtotals and totals over the applicable items (000 Điều 6.3).
 */
public final class GroupScoring {

    private GroupScoring() {
    }

    /**
     * @param proposed the items below the profile's share, for the council to exclude or keep (empty where the
     *                 profile states no exclusion)
     * @param excluded the proposed items the council excluded: out of every unit's scale
     */
    public record Result(List<UnitScore> units, List<ExcludedItem> proposed, List<ExcludedItem> excluded) {
    }

    /** Every problem in the sheets: unknown or non-leaf item codes, values out of bounds. Empty when all is well. */
    public static List<FieldProblem> problems(IndicatorSet set, List<UnitSheet> sheets, String field) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, IndicatorNode> nodes = set.nodesByCode();
        if (!set.complete()) {
            problems.add(new FieldProblem("indicatorSet", "bộ chỉ số " + set.id()
                    + " chưa đủ điểm tối đa cho mọi mục (văn bản nguồn không công bố) nên chưa thể chấm điểm"));
            return problems;
        }
        for (int u = 0; u < sheets.size(); u++) {
            UnitSheet sheet = sheets.get(u);
            String prefix = field + "[" + u + "].items";
            if (!sheet.reported() && !sheet.items().isEmpty()) {
                problems.add(new FieldProblem(field + "[" + u + "].reported",
                        "đơn vị không báo cáo (reported: false) thì không có điểm các mục"));
            }
            for (var entry : sheet.items().entrySet()) {
                IndicatorNode node = nodes.get(entry.getKey());
                String itemField = prefix + "." + entry.getKey();
                if (node == null) {
                    problems.add(new FieldProblem(itemField, "không có mục mã " + entry.getKey() + " trong bộ chỉ số " + set.id()));
                    continue;
                }
                if (!node.isLeaf()) {
                    problems.add(new FieldProblem(itemField, "mục " + node.code()
                            + " có mục con; chỉ chấm điểm các mục lá, tổng được tính tự động"));
                    continue;
                }
                ItemColumns columns = entry.getValue();
                if (!set.profile().notApplicable().stated()) {
                    notApplicableRefused(set, columns, itemField).ifPresent(problems::add);
                }
                ItemScorer.problem(node, columns.self(), itemField + ".self").ifPresent(problems::add);
                ItemScorer.problem(node, columns.appraised(), itemField + ".appraised").ifPresent(problems::add);
                ItemScorer.problem(node, columns.finalEntry(), itemField + ".final").ifPresent(problems::add);
            }
        }
        return problems;
    }

    /** Why a not-applicable claim is refused under a profile that states no such rule, if the entry makes one. */
    private static Optional<FieldProblem> notApplicableRefused(IndicatorSet set, ItemColumns columns,
                                                                         String field) {
        return Stream.of(columns.self(), columns.appraised(), columns.finalEntry())
                .filter(entry -> entry != null && entry.notApplicable()).findFirst()
                .map(entry -> new FieldProblem(field, notApplicableNotStated(set)));
    }

    /** The reason given wherever a unit claims an item does not apply under a profile that states no such rule. */
    public static String notApplicableNotStated(IndicatorSet set) {
        return "quy chế của bộ chỉ số " + set.id() + " không quy định mục không áp dụng: mục phải được chấm điểm"
                + " (không có số liệu thì 0 điểm)";
    }

    /**
     * Scores valid sheets (see {@link #problems}). An item for which fewer than the profile's share of the reporting
     * units it applies to have data is proposed; it is excluded for everyone only if its code is in
     * {@code excludedByDecision} (the council's decision).
     */
    public static Result score(IndicatorSet set, List<UnitSheet> sheets, Set<String> excludedByDecision) {
        List<IndicatorNode> leaves = set.leaves();
        var rule = set.profile().exclusion();
        List<ExcludedItem> proposed = rule.stated() ? proposedItems(leaves, sheets, rule.belowShare()) : List.of();
        List<ExcludedItem> excluded = proposed.stream().filter(item -> excludedByDecision.contains(item.code())).toList();
        Set<String> excludedCodes = new HashSet<>();
        excluded.forEach(item -> excludedCodes.add(item.code()));

        List<UnitScore> units = new ArrayList<>(sheets.size());
        for (UnitSheet sheet : sheets) {
            units.add(scoreUnit(set, sheet, excludedCodes));
        }
        return new Result(units, proposed, excluded);
    }

    private static List<ExcludedItem> proposedItems(List<IndicatorNode> leaves, List<UnitSheet> sheets,
                                                    BigDecimal threshold) {
        List<ExcludedItem> excluded = new ArrayList<>();
        for (IndicatorNode leaf : leaves) {
            int inScope = 0;
            int withData = 0;
            for (UnitSheet sheet : sheets) {
                // The platform's decision, stated in each profile: a unit that did not report is already last;
                // counting it would propose every item of a group where few reported.
                if (!sheet.reported()) {
                    continue;
                }
                ItemColumns columns = sheet.items().get(leaf.code());
                ItemEntry entry = columns == null ? null : columns.effective();
                if (entry != null && entry.notApplicable()) {
                    continue;
                }
                inScope++;
                if (entry != null && entry.hasValue()) {
                    withData++;
                }
            }
            if (inScope == 0) {
                continue;
            }
            BigDecimal share = BigDecimal.valueOf(withData).divide(BigDecimal.valueOf(inScope), ItemScorer.PRECISION);
            if (share.compareTo(threshold) < 0) {
                excluded.add(new ExcludedItem(leaf.code(), leaf.name(), withData, inScope, share, threshold));
            }
        }
        return excluded;
    }

    private static UnitScore scoreUnit(IndicatorSet set, UnitSheet sheet, Set<String> excludedCodes) {
        Map<String, NodeScore> subtotals = new LinkedHashMap<>();
        List<ItemScore> items = new ArrayList<>();
        NodeScore total = scoreNodes(set.items(), sheet, excludedCodes, subtotals, items);
        // A set whose top level is its leaves (main indicators scored directly) still has its per-item subtotals.
        for (IndicatorNode node : set.items()) {
            if (node.isLeaf()) {
                ItemScore item = items.stream().filter(i -> i.code().equals(node.code())).findFirst().orElseThrow();
                boolean counts = item.status() == ItemStatus.SCORED || item.status() == ItemStatus.MISSING;
                subtotals.put(node.code(), counts ? new NodeScore(item.finalScore(), node.points())
                        : new NodeScore(BigDecimal.ZERO, BigDecimal.ZERO));
            }
        }
        return new UnitScore(sheet.unitCode(), sheet.unitName(), sheet.reported(), subtotals, items,
                sheet.reported() ? total.score() : null, total.applicableMax());
    }

    private static NodeScore scoreNodes(List<IndicatorNode> nodes, UnitSheet sheet, Set<String> excludedCodes,
                                        Map<String, NodeScore> subtotals, List<ItemScore> items) {
        BigDecimal score = BigDecimal.ZERO;
        BigDecimal max = BigDecimal.ZERO;
        for (IndicatorNode node : nodes) {
            NodeScore nodeScore = node.isLeaf() ? scoreLeaf(node, sheet, excludedCodes, items)
                    : scoreParent(node, sheet, excludedCodes, subtotals, items);
            score = score.add(nodeScore.score());
            max = max.add(nodeScore.applicableMax());
        }
        return new NodeScore(score, max);
    }

    private static NodeScore scoreParent(IndicatorNode node, UnitSheet sheet, Set<String> excludedCodes,
                                         Map<String, NodeScore> subtotals, List<ItemScore> items) {
        // Reserve the parent's place so subtotals stay in document order, parents before children.
        subtotals.put(node.code(), null);
        NodeScore result = scoreNodes(node.children(), sheet, excludedCodes, subtotals, items);
        subtotals.put(node.code(), result);
        return result;
    }

    private static NodeScore scoreLeaf(IndicatorNode leaf, UnitSheet sheet, Set<String> excludedCodes,
                                       List<ItemScore> items) {
        ItemColumns columns = sheet.items().get(leaf.code());
        ItemEntry effective = columns == null ? null : columns.effective();
        BigDecimal self = columns == null || columns.self() == null ? null : ItemScorer.score(leaf, columns.self());
        BigDecimal appraised = columns == null || columns.appraised() == null ? null
                : ItemScorer.score(leaf, columns.appraised());
        BigDecimal finalScore = ItemScorer.score(leaf, effective);
        ItemStatus status;
        if (excludedCodes.contains(leaf.code())) {
            status = ItemStatus.EXCLUDED;
        } else if (effective != null && effective.notApplicable()) {
            status = ItemStatus.NOT_APPLICABLE;
        } else if (effective == null || !effective.hasValue()) {
            status = ItemStatus.MISSING;
        } else {
            status = ItemStatus.SCORED;
        }
        items.add(new ItemScore(leaf.code(), self, appraised, finalScore, status));
        boolean counts = status == ItemStatus.SCORED || status == ItemStatus.MISSING;
        return counts ? new NodeScore(finalScore, leaf.points()) : new NodeScore(BigDecimal.ZERO, BigDecimal.ZERO);
    }
}
