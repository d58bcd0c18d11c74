package vn.dti.publication;

import vn.dti.framework.FieldProblem;
import vn.dti.framework.InvalidInputException;
import vn.dti.framework.VietnameseFormat;
import vn.dti.indicator.IndicatorNode;
import vn.dti.indicator.IndicatorSet;
import vn.dti.indicator.Level;
import vn.dti.publication.ResultsTable.Row;
import vn.dti.publication.ResultsTable.ScoreColumn;
import vn.dti.scoring.Band;
import vn.dti.scoring.RankingRules;
import vn.dti.scoring.GroupStatistics;
import vn.dti.scoring.NodeScore;
import vn.dti.scoring.RankedUnit;
import vn.dti.scoring.Ranking;
import vn.dti.scoring.UnitScore;
import vn.dti.unit.UnitCatalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Recomputes a published results table from its score columns, as the system would have computed it, and lists every
 * published figure that disagrees: totals, ranks, scores above their maximum, the averages row. A typed total is
 * never taken on trust; it is an input only when the table has no score columns (004's table of Sở).
 *
 * <p>The group is the table's rows: averages are over them, a unit that did not report counting as 0 (004 Bảng 2).
 */
final class ResultsVerifier {

    static final String TOTAL = "Tổng điểm";
    static final String RANK = "Xếp hạng";

    private ResultsVerifier() {
    }

    /** A unit of the province as the catalog knows it. */
    record KnownUnit(String code, String name, String parentCode) {
    }

    /**
     * @param rows          in the recomputed ranking's order
     * @param averages      one per score column, then the total's
     * @param discrepancies in the table's order, the averages row last
     */
    record Verification(List<VerifiedRow> rows, List<Average> averages, GroupStatistics statistics,
                        List<Discrepancy> discrepancies, List<String> warnings) {
    }

    /**
     * A row with the figures it published and those recomputed. {@code computedScores} holds the score columns as
     * counted (no data = 0) and is empty for a unit that did not report.
     */
    record VerifiedRow(int line, String unitCode, String unitName, String publishedName, boolean reported,
                       Map<String, BigDecimal> publishedScores, BigDecimal publishedTotal, Integer publishedRank,
                       Map<String, BigDecimal> computedScores, BigDecimal computedTotal, int computedRank,
                       BigDecimal percent, Band band) {
    }

    /** The group average of a score column ({@code code} null for the total), as published and as recomputed. */
    record Average(String code, String column, BigDecimal published, BigDecimal computed) {
    }

    /** A published figure that disagrees with the recomputation; both texts in Vietnamese number format. */
    record Discrepancy(int line, String unitCode, String unitName, String column, String published, String computed,
                       String reason) {
    }

    static Verification verify(ResultsTable table, IndicatorSet set, String provinceName,
                               Map<String, KnownUnit> unitsByName, List<KnownUnit> units) {
        Map<Row, KnownUnit> matched = match(table, set.level(), provinceName, unitsByName);
        List<String> codes = table.columns().stream().map(ScoreColumn::code).toList();
        List<UnitScore> scores = table.rows().stream()
                .map(row -> unitScore(row, matched.get(row), table, set)).toList();
        Ranking.Result ranking = Ranking.rank(scores, codes, set.scale(), RankingRules.of(set.profile()));

        Map<String, RankedUnit> rankedByCode = new HashMap<>();
        ranking.units().forEach(ranked -> rankedByCode.put(ranked.score().unitCode(), ranked));
        Map<String, Row> rowsByCode = new HashMap<>();
        matched.forEach((row, unit) -> rowsByCode.put(unit.code(), row));

        List<VerifiedRow> rows = ranking.units().stream()
                .map(ranked -> verifiedRow(rowsByCode.get(ranked.score().unitCode()), ranked)).toList();
        List<Discrepancy> discrepancies = new ArrayList<>();
        for (Row row : table.rows()) {
            discrepancies.addAll(rowDiscrepancies(row, matched.get(row), rankedByCode.get(matched.get(row).code()),
                    table, set));
        }
        List<Average> averages = averages(table, ranking.statistics());
        discrepancies.addAll(averageDiscrepancies(table, averages, ranking.statistics().unitCount()));
        return new Verification(rows, averages, ranking.statistics(), discrepancies,
                warnings(matched, units, set.level(), provinceName));
    }

    private static Map<Row, KnownUnit> match(ResultsTable table, Level level, String provinceName,
                                             Map<String, KnownUnit> unitsByName) {
        Map<Row, KnownUnit> matched = new LinkedHashMap<>();
        Map<String, Row> seen = new HashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (Row row : table.rows()) {
            KnownUnit unit = unitsByName.get(UnitCatalog.nameKey(row.unitName()));
            if (unit == null) {
                problems.add(new FieldProblem("dòng " + row.line(), "không có đơn vị '" + row.unitName() + "' "
                        + level.label() + " của tỉnh " + provinceName));
                continue;
            }
            Row earlier = seen.putIfAbsent(unit.code(), row);
            if (earlier != null) {
                problems.add(new FieldProblem("dòng " + row.line(), "đơn vị '" + unit.name()
                        + "' đã có ở dòng " + earlier.line()));
                continue;
            }
            matched.put(row, unit);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return matched;
    }

    private static UnitScore unitScore(Row row, KnownUnit unit, ResultsTable table, IndicatorSet set) {
        if (!row.reported()) {
            return new UnitScore(unit.code(), unit.name(), false, Map.of(), List.of(), null, set.scale());
        }
        Map<String, NodeScore> subtotals = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        if (table.columns().isEmpty()) {
            // Only the published total is known: it is the whole score, under the one node if the set has one.
            total = row.total();
            if (set.items().size() == 1) {
                IndicatorNode node = set.items().getFirst();
                subtotals.put(node.code(), new NodeScore(total, node.points()));
            }
        } else {
            for (ScoreColumn column : table.columns()) {
                BigDecimal score = Objects.requireNonNullElse(row.scores().get(column.code()), BigDecimal.ZERO);
                subtotals.put(column.code(), new NodeScore(score, column.max()));
                total = total.add(score);
            }
        }
        return new UnitScore(unit.code(), unit.name(), true, subtotals, List.of(), total, set.scale());
    }

    private static VerifiedRow verifiedRow(Row row, RankedUnit ranked) {
        UnitScore score = ranked.score();
        Map<String, BigDecimal> computed = new LinkedHashMap<>();
        if (score.reported()) {
            row.scores().keySet().forEach(code -> computed.put(code, score.subtotals().get(code).score()));
        }
        return new VerifiedRow(row.line(), score.unitCode(), score.unitName(), row.unitName(), score.reported(),
                row.scores(), row.total(), row.rank(), Collections.unmodifiableMap(computed), score.total(),
                ranked.rank(), ranked.percent(), ranked.band());
    }

    private static List<Discrepancy> rowDiscrepancies(Row row, KnownUnit unit, RankedUnit ranked,
                                                      ResultsTable table, IndicatorSet set) {
        List<Discrepancy> found = new ArrayList<>();
        for (ScoreColumn column : table.columns()) {
            BigDecimal score = row.scores().get(column.code());
            if (score != null && column.max() != null && score.compareTo(column.max()) > 0) {
                found.add(new Discrepancy(row.line(), unit.code(), row.unitName(), column.header(),
                        ResultsTable.published(score), VietnameseFormat.score(column.max()),
                        "vượt điểm tối đa của " + column.name() + " (" + VietnameseFormat.score(column.max()) + ")"));
            }
        }
        if (table.columns().isEmpty() && row.total() != null && row.total().compareTo(set.scale()) > 0) {
            found.add(new Discrepancy(row.line(), unit.code(), row.unitName(), TOTAL,
                    ResultsTable.published(row.total()), VietnameseFormat.score(set.scale()),
                    "vượt thang điểm của bộ chỉ số " + set.id() + " (" + VietnameseFormat.score(set.scale()) + ")"));
        }
        BigDecimal computedTotal = ranked.score().total();
        if (table.hasTotal() && !sameAsShown(row.total(), computedTotal)) {
            found.add(new Discrepancy(row.line(), unit.code(), row.unitName(), TOTAL,
                    ResultsTable.published(row.total()), VietnameseFormat.score(computedTotal),
                    "tổng điểm công bố khác tổng các cột điểm ("
                            + table.columns().stream().map(ScoreColumn::header).collect(Collectors.joining(" + "))
                            + ")"));
        }
        if (table.hasRank() && !Objects.equals(row.rank(), ranked.rank())) {
            found.add(new Discrepancy(row.line(), unit.code(), row.unitName(), RANK,
                    row.rank() == null ? "-" : row.rank().toString(), String.valueOf(ranked.rank()),
                    "thứ hạng công bố khác thứ hạng xếp lại theo tổng điểm tính lại"));
        }
        return found;
    }

    private static List<Average> averages(ResultsTable table, GroupStatistics statistics) {
        Row published = table.averages();
        List<Average> averages = new ArrayList<>();
        for (ScoreColumn column : table.columns()) {
            averages.add(new Average(column.code(), column.header(),
                    published == null ? null : published.scores().get(column.code()),
                    statistics.subtotalAverages().get(column.code())));
        }
        averages.add(new Average(null, TOTAL, published == null ? null : published.total(),
                statistics.averageTotal()));
        return averages;
    }

    private static List<Discrepancy> averageDiscrepancies(ResultsTable table, List<Average> averages, int count) {
        List<Discrepancy> found = new ArrayList<>();
        Row row = table.averages();
        if (row == null) {
            return found;
        }
        for (Average average : averages) {
            // A cell the averages row leaves blank publishes nothing to check.
            if (average.published() != null && !sameAsShown(average.published(), average.computed())) {
                found.add(new Discrepancy(row.line(), null, row.unitName(), average.column(),
                        ResultsTable.published(average.published()), VietnameseFormat.score(average.computed()),
                        "giá trị trung bình công bố khác trung bình tính lại trên " + count
                                + " đơn vị của bảng (đơn vị không báo cáo tính 0 điểm)"));
            }
        }
        return found;
    }

    /**
     * Tables show two decimals: a figure agrees when it equals the computed value rounded half-up to two, or to as
     * many as the figure itself was typed with.
     */
    private static boolean sameAsShown(BigDecimal published, BigDecimal computed) {
        if (published == null || computed == null) {
            return published == computed;
        }
        int decimals = Math.max(2, published.scale());
        return published.compareTo(computed.setScale(decimals, RoundingMode.HALF_UP)) == 0;
    }

    /** Units of the group the table leaves out; for xã the group is the huyện whose xã the table lists. */
    private static List<String> warnings(Map<Row, KnownUnit> matched, List<KnownUnit> units, Level level,
                                         String provinceName) {
        Set<String> listed = matched.values().stream().map(KnownUnit::code).collect(Collectors.toSet());
        Set<String> parents = matched.values().stream().map(KnownUnit::parentCode).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        List<String> omitted = units.stream()
                .filter(unit -> level != Level.XA || parents.contains(unit.parentCode()))
                .filter(unit -> !listed.contains(unit.code()))
                .map(KnownUnit::name).toList();
        if (omitted.isEmpty()) {
            return List.of();
        }
        return List.of("Bảng không có " + omitted.size() + " đơn vị " + level.label() + " của tỉnh " + provinceName
                + ": " + String.join("; ", omitted) + ". Thứ hạng và giá trị trung bình được tính trên "
                + listed.size() + " đơn vị có trong bảng.");
    }
}
