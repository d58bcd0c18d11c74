package vn.dti.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dti.assessment.AssessmentService;
import vn.dti.cycle.Cycle;
import vn.dti.cycle.CycleService;
import vn.dti.cycle.CycleStatus;
import vn.dti.framework.AuditLog;
import vn.dti.framework.NotFoundException;
import vn.dti.framework.VietnameseFormat;
import vn.dti.indicator.IndicatorNode;
import vn.dti.indicator.IndicatorSet;
import vn.dti.indicator.IndicatorSetCatalog;
import vn.dti.scoring.GroupScoring;
import vn.dti.scoring.RankedUnit;
import vn.dti.scoring.Ranking;
import vn.dti.scoring.RankingRules;
import vn.dti.unit.Province;
import vn.dti.unit.UnitCatalog;
import vn.dti.workflow.EngineClock;
import vn.dti.workflow.ProcessModel;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ranks a cycle from its assessments (final column: the appraised value where the council set one, else the
 * self-assessed one), and publishes it: the ranking is frozen with the decision's draft and never recomputed after.
 */
@Service
@Transactional
public class PublicationService {

    private final CycleService cycles;
    private final AssessmentService assessments;
    private final IndicatorSetCatalog indicatorSets;
    private final UnitCatalog units;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final AuditLog audit;
    private final EngineClock clock;
    private final PublishedResultsReader reader;

    PublicationService(CycleService cycles, AssessmentService assessments, IndicatorSetCatalog indicatorSets,
                       UnitCatalog units, JdbcTemplate jdbc, ObjectMapper json, AuditLog audit, EngineClock clock,
                       PublishedResultsReader reader) {
        this.cycles = cycles;
        this.assessments = assessments;
        this.indicatorSets = indicatorSets;
        this.units = units;
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
        this.reader = reader;
    }

    @Transactional(readOnly = true)
    public Ranking.Result rank(long cycleId) {
        IndicatorSet set = indicatorSets.get(cycles.get(cycleId).getIndicatorSetId()).orElseThrow();
        return Ranking.rank(score(cycleId).units(), set.items().stream().map(IndicatorNode::code).toList(),
                set.scale(), RankingRules.of(set.profile()));
    }

    /** The cycle's units scored, the criteria the council excluded left out (see {@link ExclusionDecisions}). */
    @Transactional(readOnly = true)
    GroupScoring.Result score(long cycleId) {
        IndicatorSet set = indicatorSets.get(cycles.get(cycleId).getIndicatorSetId()).orElseThrow();
        Set<String> excluded = Set.copyOf(jdbc.queryForList("select item_code from exclusion_decision"
                + " where cycle_id = ? and excluded", String.class, cycleId));
        return GroupScoring.score(set, assessments.sheets(cycleId), excluded);
    }

    /** What the chairman reads in the approval task: the ranking, one line a unit. */
    public String rankForApproval(long cycleId) {
        Ranking.Result ranking = rank(cycleId);
        cycles.reached(cycleId, ProcessModel.Cycle.APPROVE_RANKING, CycleStatus.APPROVAL);
        StringBuilder summary = new StringBuilder();
        for (RankedUnit unit : ranking.units()) {
            summary.append(unit.rank()).append(". ").append(unit.score().unitName()).append(": ")
                    .append(VietnameseFormat.score(unit.scaledTotal()))
                    .append(unit.band() == null ? "" : " (" + unit.band().label() + ")").append("\n");
        }
        summary.append("Giá trị trung bình: ").append(VietnameseFormat.score(ranking.statistics().averageTotal()));
        return summary.toString();
    }

    /** Freezes the ranking and drafts the decision; publishing twice (a redelivered job) changes nothing. */
    public void publish(long cycleId) {
        Integer existing = jdbc.queryForObject("select count(*) from publication where cycle_id = ?", Integer.class,
                cycleId);
        if (existing != null && existing > 0) {
            return;
        }
        Cycle cycle = cycles.get(cycleId);
        IndicatorSet set = indicatorSets.get(cycle.getIndicatorSetId()).orElseThrow();
        Province province = units.province(cycle.getProvinceCode()).orElseThrow();
        Ranking.Result ranking = rank(cycleId);
        Instant now = clock.now();
        int position = 0;
        for (RankedUnit unit : ranking.units()) {
            Map<String, BigDecimal> subtotals = new LinkedHashMap<>();
            if (unit.score().reported()) {
                unit.score().subtotals().forEach((code, subtotal) -> subtotals.put(code, subtotal.score()));
            }
            jdbc.update("insert into published_result (cycle_id, unit_code, position, rank, reported, total,"
                            + " scaled_total, percent, band, subtotals) values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))",
                    cycleId, unit.score().unitCode(), ++position, unit.rank(), unit.score().reported(),
                    unit.score().total(), unit.scaledTotal(), unit.percent(),
                    unit.band() == null ? null : unit.band().name(), toJson(subtotals));
        }
        // The draft is made from the rows just stored, as the public pages and documents read them later.
        PublishedResultsReader.PublishedCycle published = new PublishedResultsReader.PublishedCycle(cycleId,
                cycle.getProvinceCode(), province.getName(), cycle.getYear(), cycle.getLevel(), cycle.getGroupCode(),
                groupName(cycle), now.atZone(VietnameseFormat.VIETNAM).toLocalDate(), set.id());
        DecisionDraft draft = DecisionDraft.of(reader.results(published, ranking.statistics()), set);
        jdbc.update("insert into publication (cycle_id, published_at, statistics, decision_draft, decision)"
                        + " values (?, ?, cast(? as jsonb), ?, cast(? as jsonb))", cycleId, Timestamp.from(now),
                toJson(ranking.statistics()), draft.text(), toJson(draft));
        // What was published, as the public reads it: each unit's rank, total and band.
        List<Map<String, Object>> publishedUnits = ranking.units().stream().map(unit -> {
            Map<String, Object> row = new LinkedHashMap<>(Map.of("unit", unit.score().unitCode(), "rank", unit.rank(),
                    "total", VietnameseFormat.score(unit.scaledTotal())));
            if (unit.band() != null) {
                row.put("band", unit.band().label());
            }
            return row;
        }).toList();
        audit.record(now, "hệ thống", "cycle.publish", "cycle", String.valueOf(cycleId),
                Map.of("status", cycle.getStatus()), Map.of("status", CycleStatus.PUBLISHED, "units", publishedUnits));
        cycles.reached(cycleId, ProcessModel.Cycle.PUBLISHED, CycleStatus.PUBLISHED);
    }

    public record PublishedRow(int position, int rank, String unitCode, String unitName, boolean reported,
                               BigDecimal total, String totalText, String band, Map<String, Object> subtotals) {
    }

    public record Publication(long cycleId, String province, int year, String group, Instant publishedAt,
                              List<PublishedRow> results, String decisionDraft) {
    }

    /** The published results; nothing before publication. */
    @Transactional(readOnly = true)
    public Optional<Publication> publication(long cycleId) {
        var rows = jdbc.queryForList("select published_at, decision_draft from publication where cycle_id = ?", cycleId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Cycle cycle = cycles.get(cycleId);
        List<PublishedRow> results = jdbc.query("select position, rank, unit_code, reported, total, band,"
                        + " subtotals::text from published_result where cycle_id = ? order by position",
                (rs, i) -> new PublishedRow(rs.getInt(1), rs.getInt(2), rs.getString(3),
                        units.unit(rs.getString(3)).map(u -> u.getName()).orElse(rs.getString(3)), rs.getBoolean(4),
                        rs.getBigDecimal(5), VietnameseFormat.score(rs.getBigDecimal(5)), rs.getString(6),
                        fromJson(rs.getString(7))), cycleId);
        return Optional.of(new Publication(cycleId, cycle.getProvinceCode(), cycle.getYear(), groupName(cycle),
                ((Timestamp) rows.getFirst().get("published_at")).toInstant(), results,
                (String) rows.getFirst().get("decision_draft")));
    }

    private String groupName(Cycle cycle) {
        return reader.groupName(cycle.getLevel(), cycle.getGroupCode());
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> fromJson(String text) {
        try {
            return json.readValue(text, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
