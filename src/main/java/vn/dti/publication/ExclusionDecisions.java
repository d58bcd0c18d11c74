package vn.dti.publication;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dti.cycle.Cycle;
import vn.dti.cycle.CycleService;
import vn.dti.cycle.CycleStatus;
import vn.dti.framework.AuditLog;
import vn.dti.framework.ConflictException;
import vn.dti.framework.FieldProblem;
import vn.dti.framework.ForbiddenException;
import vn.dti.framework.InvalidInputException;
import vn.dti.framework.VietnameseFormat;
import vn.dti.indicator.IndicatorSet;
import vn.dti.indicator.IndicatorSetCatalog;
import vn.dti.scoring.ExcludedItem;
import vn.dti.security.DtiUser;
import vn.dti.security.Role;
import vn.dti.workflow.EngineClock;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exclusion as a decision: where a cycle's profile allows it (003 II.2.b), the criteria below the share are proposed,
 * and the council excludes or keeps each with a reason, audited. Elsewhere nothing is proposed and nothing decided.
 */
@Service
@Transactional
class ExclusionDecisions {

    private final CycleService cycles;
    private final PublicationService publications;
    private final IndicatorSetCatalog indicatorSets;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final EngineClock clock;

    ExclusionDecisions(CycleService cycles, PublicationService publications, IndicatorSetCatalog indicatorSets,
                       JdbcTemplate jdbc, AuditLog audit, EngineClock clock) {
        this.cycles = cycles;
        this.publications = publications;
        this.indicatorSets = indicatorSets;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** A proposed criterion and the council's decision on it; {@code excluded} and the rest null while undecided. */
    record Proposal(String item, String name, int withData, int inScope, BigDecimal share, String shareText,
                    BigDecimal threshold, Boolean excluded, String reason, String decidedBy, String decidedAt) {
    }

    record Decision(Boolean exclude, String reason) {
    }

    @Transactional(readOnly = true)
    List<Proposal> proposals(long cycleId, DtiUser user) {
        cycles.readable(cycleId, user);
        return proposals(cycleId);
    }

    /** The proposals as the chairman's page and the council read them. */
    @Transactional(readOnly = true)
    List<Proposal> proposals(long cycleId) {
        Map<String, Map<String, Object>> decided = new HashMap<>();
        jdbc.queryForList("select item_code, excluded, reason, decided_by, decided_at from exclusion_decision"
                + " where cycle_id = ?", cycleId).forEach(row -> decided.put((String) row.get("item_code"), row));
        List<Proposal> proposals = new ArrayList<>();
        for (ExcludedItem item : publications.score(cycleId).proposed()) {
            Map<String, Object> decision = decided.get(item.code());
            proposals.add(new Proposal(item.code(), item.name(), item.withData(), item.inScope(), item.share(),
                    VietnameseFormat.percent(item.share().multiply(BigDecimal.valueOf(100))), item.threshold(),
                    decision == null ? null : (Boolean) decision.get("excluded"),
                    decision == null ? null : (String) decision.get("reason"),
                    decision == null ? null : (String) decision.get("decided_by"),
                    decision == null ? null : VietnameseFormat.dateTime(((Timestamp) decision.get("decided_at"))
                            .toInstant())));
        }
        return proposals;
    }

    Proposal decide(long cycleId, String itemCode, Decision decision, DtiUser user) {
        Cycle cycle = cycles.readable(cycleId, user);
        if (user.role() != Role.COUNCIL) {
            throw new ForbiddenException("Chỉ Hội đồng đánh giá quyết định loại trừ hay giữ tiêu chí");
        }
        IndicatorSet set = indicatorSets.get(cycle.getIndicatorSetId()).orElseThrow();
        var rule = set.profile().exclusion();
        if (!rule.stated()) {
            throw new InvalidInputException("item", "quy chế của bộ chỉ số " + set.id()
                    + " không quy định loại trừ tiêu chí: không có quyết định loại trừ nào");
        }
        if (cycle.getStatus() == CycleStatus.PUBLISHED) {
            throw new ConflictException("Kỳ đánh giá đã công bố: quyết định loại trừ không thay đổi được nữa");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (decision == null || decision.exclude() == null) {
            problems.add(new FieldProblem("exclude", "bắt buộc: true (loại trừ) hoặc false (giữ)"));
        }
        if (decision == null || decision.reason() == null || decision.reason().isBlank()) {
            problems.add(new FieldProblem("reason", "quyết định loại trừ hay giữ tiêu chí phải nêu lý do"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, Proposal> proposed = new LinkedHashMap<>();
        proposals(cycleId).forEach(proposal -> proposed.put(proposal.item(), proposal));
        Proposal before = proposed.get(itemCode);
        if (before == null) {
            throw new InvalidInputException("item", "tiêu chí " + itemCode + " không được đề xuất loại trừ: dưới "
                    + VietnameseFormat.percent(rule.belowShare().multiply(BigDecimal.valueOf(100)))
                    + " số đơn vị có số liệu mới được xem xét (" + rule.source() + ")");
        }
        Instant now = clock.now();
        jdbc.update("insert into exclusion_decision (cycle_id, item_code, excluded, reason, decided_by, decided_at)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict (cycle_id, item_code) do update set excluded ="
                        + " excluded.excluded, reason = excluded.reason, decided_by = excluded.decided_by,"
                        + " decided_at = excluded.decided_at", cycleId, itemCode, decision.exclude(),
                decision.reason().strip(), user.username(), Timestamp.from(now));
        // The cycle as subject: the audit's readers are then the cycle's (its province, its huyện's council).
        Map<String, Object> after = Map.of("item", itemCode, "excluded", decision.exclude(),
                "reason", decision.reason().strip());
        audit.record(now, user.username(), "cycle.exclusion", "cycle", String.valueOf(cycleId),
                before.excluded() == null ? null
                        : Map.of("item", itemCode, "excluded", before.excluded(), "reason", before.reason()), after);
        return proposals(cycleId).stream().filter(p -> p.item().equals(itemCode)).findFirst().orElseThrow();
    }
}
