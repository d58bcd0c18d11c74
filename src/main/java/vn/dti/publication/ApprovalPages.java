package vn.dti.publication;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dti.cycle.Cycle;
import vn.dti.cycle.CycleService;
import vn.dti.framework.ConflictException;
import vn.dti.framework.ForbiddenException;
import vn.dti.framework.InvalidInputException;
import vn.dti.framework.VietnameseFormat;
import vn.dti.indicator.IndicatorSet;
import vn.dti.indicator.IndicatorSetCatalog;
import vn.dti.scoring.Band;
import vn.dti.scoring.BandThresholds;
import vn.dti.scoring.RankingRules;
import vn.dti.scoring.GroupStatistics;
import vn.dti.scoring.NodeScore;
import vn.dti.scoring.RankedUnit;
import vn.dti.scoring.Ranking;
import vn.dti.security.CurrentUser;
import vn.dti.security.DtiUser;
import vn.dti.security.Role;
import vn.dti.workflow.ProcessModel;
import vn.dti.workflow.UserTasks;
import vn.dti.workflow.UserTask;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The chairman's page: each ranking awaiting the chairman's approval, as the published table will print it (bands
 * where the set's profile states them, group statistics, decimal commas, "-" for a unit that did not report), and the
 * decision, which completes the chairman's approval task with the {@code approval} form's variables.
 */
@Controller
class ApprovalPages {

    /** How long the page waits for the engine to close the completed task before showing what remains. */
    private static final Duration SETTLING = Duration.ofSeconds(10);

    private final UserTasks tasks;
    private final CycleService cycles;
    private final PublicationService publications;
    private final IndicatorSetCatalog indicatorSets;
    private final CurrentUser currentUser;
    private final ExclusionDecisions exclusions;

    ApprovalPages(UserTasks tasks, CycleService cycles, PublicationService publications,
                  IndicatorSetCatalog indicatorSets, CurrentUser currentUser, ExclusionDecisions exclusions) {
        this.exclusions = exclusions;
        this.tasks = tasks;
        this.cycles = cycles;
        this.publications = publications;
        this.indicatorSets = indicatorSets;
        this.currentUser = currentUser;
    }

    public record Column(String code, String name) {
    }

    public record Row(String rank, String unitCode, String unitName, boolean reported, List<String> subtotals,
                      String total, String percent, String band) {
    }

    public record BandCount(String band, String rule, int count) {
    }

    public record Decision(String decision, String comment, String by, String at) {
    }

    public record RankingView(long cycleId, String title, String due, List<Column> columns, List<Row> rows,
                              List<String> averages, String averageTotal, int topCount, String topAverage,
                              String bottomAverage, String gap, List<BandCount> bands, int unitCount,
                              int reportedCount, List<Decision> decisions,
                              List<ExclusionDecisions.Proposal> exclusions) {

        /** Whether the set's profile states bands: without, the page shows no band column or count. */
        public boolean banded() {
            return !bands.isEmpty();
        }
    }

    public record Followed(String title, String status) {
    }

    @GetMapping("/chairman")
    String ranking(Model model) {
        DtiUser user = chairman();
        List<RankingView> pending = new ArrayList<>();
        List<Long> pendingCycles = new ArrayList<>();
        for (UserTask task : tasks.mine(user)) {
            if (task.elementId().equals(ProcessModel.Cycle.APPROVE_RANKING)) {
                long cycleId = UserTasks.number(task, "cycleId").orElseThrow();
                pending.add(view(cycles.readable(cycleId, user), task));
                pendingCycles.add(cycleId);
            }
        }
        model.addAttribute("pending", pending);
        model.addAttribute("followed", cycles.openCycles().stream()
                .filter(c -> user.groups().contains(c.getApproverGroup()) && !pendingCycles.contains(c.getId()))
                .map(c -> new Followed(title(c), c.getStatus().label())).toList());
        return "chairman/ranking";
    }

    /** "Phê duyệt" ({@code approved = true}) or "Trả lại" with the comment the return requires. */
    @PostMapping("/chairman/cycles/{id}/decision")
    String decide(@PathVariable long id, @RequestParam boolean approved,
                  @RequestParam(required = false) String comment, Model model, RedirectAttributes redirect) {
        DtiUser user = chairman();
        // Another scope's chairman is refused as such, not told that nothing is waiting for approval.
        if (!user.groups().contains(cycles.get(id).getApproverGroup())) {
            throw new ForbiddenException("Kết quả của kỳ đánh giá này do Chủ tịch UBND khác phê duyệt");
        }
        UserTask task = tasks.find(user, ProcessModel.Cycle.APPROVE_RANKING, UserTasks.having("cycleId", id))
                .orElseThrow(() -> new ConflictException(
                        "Kỳ đánh giá này không có kết quả đang chờ Chủ tịch phê duyệt"));
        Map<String, Object> variables = new HashMap<>();
        variables.put("approved", approved);
        if (comment != null && !comment.isBlank()) {
            variables.put("comment", comment.strip());
        }
        try {
            tasks.complete(task.key(), variables, user);
            tasks.awaitGone(task.key(), SETTLING);
        } catch (InvalidInputException e) {
            model.addAttribute("decisionError",
                    "Khi trả lại Hội đồng, cần ghi ý kiến: nêu rõ nội dung cần xem xét lại.");
            model.addAttribute("erroneousCycle", id);
            return ranking(model);
        }
        redirect.addFlashAttribute("notice", approved ? "Đã phê duyệt kết quả xếp hạng."
                : "Đã trả lại kết quả cho Hội đồng xem xét lại.");
        return "redirect:/chairman";
    }

    private DtiUser chairman() {
        DtiUser user = currentUser.get();
        if (user.role() != Role.CHAIRMAN) {
            throw new ForbiddenException("Trang này dành cho Chủ tịch UBND");
        }
        return user;
    }

    private RankingView view(Cycle cycle, UserTask task) {
        IndicatorSet set = indicatorSets.get(cycle.getIndicatorSetId()).orElseThrow();
        BandThresholds thresholds = RankingRules.of(set.profile()).bands();
        Ranking.Result ranking = publications.rank(cycle.getId());
        List<Column> columns = set.items().stream().map(n -> new Column(n.code(), n.name())).toList();
        List<Row> rows = new ArrayList<>();
        for (RankedUnit unit : ranking.units()) {
            boolean reported = unit.score().reported();
            List<String> subtotals = columns.stream().map(c -> {
                NodeScore node = reported ? unit.score().subtotals().get(c.code()) : null;
                return VietnameseFormat.score(node == null ? null : node.score());
            }).toList();
            rows.add(new Row(String.valueOf(unit.rank()), unit.score().unitCode(), unit.score().unitName(), reported,
                    subtotals, VietnameseFormat.score(reported ? unit.scaledTotal() : null),
                    VietnameseFormat.percent(unit.percent()), unit.band() == null ? null : unit.band().label()));
        }
        GroupStatistics statistics = ranking.statistics();
        List<BandCount> bands = thresholds == null ? List.of() : List.of(
                new BandCount(Band.TOT.label(), "từ " + VietnameseFormat.input(thresholds.good()) + "%",
                        statistics.bandCounts().get(Band.TOT)),
                new BandCount(Band.KHA.label(), "từ " + VietnameseFormat.input(thresholds.fair()) + "% đến dưới "
                        + VietnameseFormat.input(thresholds.good()) + "%", statistics.bandCounts().get(Band.KHA)),
                new BandCount(Band.TRUNG_BINH.label(), "từ " + VietnameseFormat.input(thresholds.average())
                        + "% đến dưới " + VietnameseFormat.input(thresholds.fair()) + "%",
                        statistics.bandCounts().get(Band.TRUNG_BINH)),
                new BandCount(Band.YEU.label(), "dưới " + VietnameseFormat.input(thresholds.average())
                        + "%, và đơn vị không báo cáo", statistics.bandCounts().get(Band.YEU)));
        List<Decision> decisions = cycles.decisions(cycle.getId()).stream()
                .map(d -> new Decision(d.isApproved() ? "Phê duyệt" : "Trả lại", d.getComment(), d.getDecidedBy(),
                        VietnameseFormat.dateTime(d.getDecidedAt()))).toList();
        return new RankingView(cycle.getId(), title(cycle),
                task.dueDate() == null ? "" : VietnameseFormat.dateTime(task.dueDate().toInstant()), columns, rows,
                columns.stream().map(c -> VietnameseFormat.score(statistics.subtotalAverages().get(c.code())))
                        .toList(),
                VietnameseFormat.score(statistics.averageTotal()), statistics.topCount(),
                VietnameseFormat.score(statistics.topAverage()), VietnameseFormat.score(statistics.bottomAverage()),
                VietnameseFormat.score(statistics.gap()), bands, statistics.unitCount(), statistics.reportedCount(),
                decisions, exclusions.proposals(cycle.getId()));
    }

    private String title(Cycle cycle) {
        return cycles.groupName(cycle) + " · năm " + cycle.getYear();
    }
}
