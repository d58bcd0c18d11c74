package vn.dti.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.dti.framework.VietnameseFormat;
import vn.dti.indicator.IndicatorSet;
import vn.dti.indicator.IndicatorSetCatalog;
import vn.dti.indicator.Level;
import vn.dti.publication.PublishedResults.Column;
import vn.dti.publication.PublishedResults.Row;
import vn.dti.scoring.Band;
import vn.dti.scoring.RankingRules;
import vn.dti.scoring.GroupStatistics;
import vn.dti.unit.Province;
import vn.dti.unit.Unit;
import vn.dti.unit.UnitCatalog;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads what a cycle's publication froze, for everyone: only published cycles exist here, so nothing of a cycle still
 * under way can be read through it.
 */
@Component
@Transactional(readOnly = true)
class PublishedResultsReader {

    private static final String PUBLISHED_CYCLES = "select p.cycle_id, p.published_at, c.province_code, c.year,"
            + " c.level, c.group_code, c.indicator_set_id from publication p join cycle c on c.id = p.cycle_id";

    /** A published cycle as the list of results names it. */
    record PublishedCycle(long cycleId, String provinceCode, String provinceName, int year, Level level,
                          String groupCode, String groupName, LocalDate publishedOn, String indicatorSetId) {

        /** The group's name starting a line: "Các sở, ban, ngành". */
        public String groupTitle() {
            return PublishedResults.capitalized(groupName);
        }
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final UnitCatalog units;
    private final IndicatorSetCatalog indicatorSets;

    PublishedResultsReader(JdbcTemplate jdbc, ObjectMapper json, UnitCatalog units, IndicatorSetCatalog indicatorSets) {
        this.jdbc = jdbc;
        this.json = json;
        this.units = units;
        this.indicatorSets = indicatorSets;
    }

    /** Every published cycle, the latest year first, then by province and group. */
    List<PublishedCycle> publishedCycles() {
        return jdbc.query(PUBLISHED_CYCLES, this::cycleRow).stream()
                .sorted(Comparator.comparing(PublishedCycle::year).reversed()
                        .thenComparing(PublishedCycle::provinceName).thenComparing(PublishedCycle::level)
                        .thenComparing(PublishedCycle::groupName))
                .toList();
    }

    Optional<PublishedCycle> publishedCycle(long cycleId) {
        return jdbc.query(PUBLISHED_CYCLES + " where p.cycle_id = ?", this::cycleRow, cycleId).stream()
                .findFirst();
    }

    /** The published cycle of a province's group in a year; the group is "SO", "HUYEN" or a huyện's code. */
    Optional<PublishedCycle> publishedCycle(String province, int year, String group) {
        return jdbc.query(PUBLISHED_CYCLES + " where c.province_code = ? and c.year = ? and c.group_code = ?",
                this::cycleRow, province, year, group).stream().findFirst();
    }

    Optional<PublishedResults> results(long cycleId) {
        return publishedCycle(cycleId).map(cycle -> results(cycle, statistics(cycleId)));
    }

    /** The results of a cycle whose rows are stored, with the statistics it publishes them with. */
    PublishedResults results(PublishedCycle cycle, GroupStatistics statistics) {
        IndicatorSet set = set(cycle);
        List<Column> columns = set.items().stream()
                .map(node -> new Column(node.code(), node.name(), node.points(), node.type())).toList();
        // The printed total is the figure the rank ordered by (scaled_total), whatever the not-applicable treatment.
        List<Row> rows = jdbc.query("select position, rank, unit_code, reported, scaled_total, percent, band,"
                        + " subtotals::text from published_result where cycle_id = ? order by position",
                (rs, i) -> new Row(rs.getInt(1), rs.getInt(2), rs.getString(3), unitName(rs.getString(3)),
                        rs.getBoolean(4), scores(rs.getString(8), columns), rs.getBigDecimal(5), rs.getBigDecimal(6),
                        rs.getString(7) == null ? null : Band.valueOf(rs.getString(7))),
                cycle.cycleId());
        return new PublishedResults(cycle.cycleId(), cycle.provinceCode(), cycle.provinceName(), cycle.year(),
                cycle.level(), cycle.groupCode(), cycle.groupName(), cycle.publishedOn(), set.id(), set.scale(),
                RankingRules.of(set.profile()).bands(), columns, rows, statistics, exclusions(cycle.cycleId(), set));
    }

    /** The criteria the council excluded, in the set's order; decisions are frozen once the cycle is published. */
    private List<PublishedResults.Exclusion> exclusions(long cycleId, IndicatorSet set) {
        Map<String, String> reasons = new HashMap<>();
        jdbc.query("select item_code, reason from exclusion_decision where cycle_id = ? and excluded",
                rs -> {
                    reasons.put(rs.getString(1), rs.getString(2));
                }, cycleId);
        return set.leaves().stream().filter(leaf -> reasons.containsKey(leaf.code()))
                .map(leaf -> new PublishedResults.Exclusion(leaf.code(), leaf.name(), reasons.get(leaf.code())))
                .toList();
    }

    /** The decision's draft as frozen at publication. */
    Optional<DecisionDraft> decision(long cycleId) {
        return publishedCycle(cycleId).map(cycle -> {
            String stored = jdbc.queryForObject("select decision::text from publication where cycle_id = ?",
                    String.class, cycleId);
            // Published before the draft was kept in parts: the same draft, made again from the frozen figures.
            return stored != null ? read(stored, new TypeReference<DecisionDraft>() { })
                    : DecisionDraft.of(results(cycle, statistics(cycleId)), set(cycle));
        });
    }

    IndicatorSet set(PublishedCycle cycle) {
        return indicatorSets.get(cycle.indicatorSetId()).orElseThrow();
    }

    /** How pages and the decision name a group: "các sở, ban, ngành", "UBND các xã, … thuộc UBND huyện X". */
    String groupName(Level level, String groupCode) {
        return switch (level) {
            case SO -> "các sở, ban, ngành";
            case HUYEN -> "UBND các huyện, thị xã, thành phố";
            case XA -> "UBND các xã, phường, thị trấn thuộc " + unitName(groupCode);
        };
    }

    private PublishedCycle cycleRow(ResultSet rs, int row) throws SQLException {
        String province = rs.getString(3);
        Level level = Level.valueOf(rs.getString(5));
        String group = rs.getString(6);
        return new PublishedCycle(rs.getLong(1), province,
                units.province(province).map(Province::getName).orElse(province), rs.getInt(4), level, group,
                groupName(level, group), rs.getTimestamp(2).toInstant().atZone(VietnameseFormat.VIETNAM).toLocalDate(),
                rs.getString(7));
    }

    private GroupStatistics statistics(long cycleId) {
        return read(jdbc.queryForObject("select statistics::text from publication where cycle_id = ?", String.class,
                cycleId), new TypeReference<GroupStatistics>() { });
    }

    private Map<String, BigDecimal> scores(String subtotals, List<Column> columns) {
        Map<String, BigDecimal> all = read(subtotals, new TypeReference<Map<String, BigDecimal>>() { });
        return columns.stream().filter(column -> all.containsKey(column.code()))
                .collect(Collectors.toMap(Column::code, column -> all.get(column.code()), (a, b) -> a,
                        LinkedHashMap::new));
    }

    private String unitName(String code) {
        return units.unit(code).map(Unit::getName).orElse(code);
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("kết quả công bố lưu không đọc được: " + e.getOriginalMessage(), e);
        }
    }
}
