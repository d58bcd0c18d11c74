package vn.dti.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dti.assessment.AssessmentService;
import vn.dti.cycle.Cycle;
import vn.dti.cycle.CycleService;
import vn.dti.framework.VietnameseFormat;
import vn.dti.indicator.IndicatorNode;
import vn.dti.indicator.IndicatorSet;
import vn.dti.indicator.IndicatorSetCatalog;
import vn.dti.scoring.Band;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One unit's published result, read from what publication froze (never recomputed): its subtotals next to the
 * group's averages, its total, rank and band. Averages are over every unit of the group, a unit that did not report
 * counting as 0, as the published statistics are.
 */
@Service
@Transactional(readOnly = true)
class UnitResults {

    private final AssessmentService assessments;
    private final CycleService cycles;
    private final IndicatorSetCatalog indicatorSets;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    UnitResults(AssessmentService assessments, CycleService cycles, IndicatorSetCatalog indicatorSets,
                JdbcTemplate jdbc, ObjectMapper json) {
        this.assessments = assessments;
        this.cycles = cycles;
        this.indicatorSets = indicatorSets;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A cycle the unit took part in. */
    record Participation(long cycleId, int year, boolean published) {
    }

    /** A node of the indicator set as published: the unit's subtotal and the group's average, as text. */
    record Line(String code, String name, int depth, String maxPoints, String score, String groupAverage) {
    }

    record Result(int year, String publishedOn, boolean reported, int rank, int unitCount, String total, String scale,
                  String percent, String band, String groupAverageTotal, List<Line> lines) {
    }

    /** The unit's cycles, the latest year first. */
    List<Participation> participations(String unitCode) {
        Set<Long> published = new LinkedHashSet<>(jdbc.queryForList(
                "select cycle_id from published_result where unit_code = ?", Long.class, unitCode));
        return assessments.ofUnit(unitCode).stream()
                .map(assessment -> cycles.get(assessment.getCycleId()))
                .map(cycle -> new Participation(cycle.getId(), cycle.getYear(), published.contains(cycle.getId())))
                .sorted(Comparator.comparingInt(Participation::year).reversed())
                .toList();
    }

    Optional<Result> result(long cycleId, String unitCode) {
        List<Map<String, Object>> publication = jdbc.queryForList(
                "select published_at, statistics::text from publication where cycle_id = ?", cycleId);
        if (publication.isEmpty()) {
            return Optional.empty();
        }
        List<Frozen> rows = jdbc.query("select unit_code, rank, reported, scaled_total, percent, band, subtotals::text"
                        + " from published_result where cycle_id = ?",
                (rs, n) -> new Frozen(rs.getString(1), rs.getInt(2), rs.getBoolean(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getString(6), subtotals(rs.getString(7))), cycleId);
        Frozen mine = rows.stream().filter(row -> row.unitCode.equals(unitCode)).findFirst().orElse(null);
        if (mine == null) {
            return Optional.empty();
        }
        Cycle cycle = cycles.get(cycleId);
        IndicatorSet set = indicatorSets.get(cycle.getIndicatorSetId()).orElseThrow();
        Set<String> frozenCodes = new LinkedHashSet<>();
        rows.forEach(row -> frozenCodes.addAll(row.subtotals.keySet()));
        List<Line> lines = new ArrayList<>();
        addLines(set.items(), 0, frozenCodes, mine, rows, lines);
        JsonNode statistics = read((String) publication.getFirst().get("statistics"));
        BigDecimal averageTotal = statistics.path("averageTotal").isNumber()
                ? statistics.get("averageTotal").decimalValue() : null;
        String publishedOn = VietnameseFormat.date(((Timestamp) publication.getFirst().get("published_at")).toInstant());
        return Optional.of(new Result(cycle.getYear(), publishedOn, mine.reported, mine.rank, rows.size(),
                VietnameseFormat.score(mine.total), VietnameseFormat.score(set.scale()),
                VietnameseFormat.percent(mine.percent), mine.band == null ? null : Band.valueOf(mine.band).label(),
                VietnameseFormat.score(averageTotal), lines));
    }

    private record Frozen(String unitCode, int rank, boolean reported, BigDecimal total, BigDecimal percent,
                          String band, Map<String, BigDecimal> subtotals) {
    }

    /** In the set's document order: the frozen subtotals' keys are stored without it. */
    private static void addLines(List<IndicatorNode> nodes, int depth, Set<String> frozen, Frozen mine,
                                 List<Frozen> rows, List<Line> lines) {
        for (IndicatorNode node : nodes) {
            if (!frozen.contains(node.code())) {
                continue;
            }
            BigDecimal sum = rows.stream().filter(Frozen::reported)
                    .map(row -> row.subtotals.get(node.code()))
                    .filter(Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal average = sum.divide(BigDecimal.valueOf(rows.size()), MathContext.DECIMAL128);
            lines.add(new Line(node.code(), node.name(), depth, VietnameseFormat.score(node.points()),
                    VietnameseFormat.score(mine.reported ? mine.subtotals.get(node.code()) : null),
                    VietnameseFormat.score(average)));
            addLines(node.children(), depth + 1, frozen, mine, rows, lines);
        }
    }

    private Map<String, BigDecimal> subtotals(String text) {
        Map<String, BigDecimal> values = new HashMap<>();
        read(text).fields().forEachRemaining(field -> values.put(field.getKey(),
                field.getValue().isNull() ? null : field.getValue().decimalValue()));
        return values;
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Kết quả công bố không đọc được", e);
        }
    }
}
