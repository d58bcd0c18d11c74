package vn.dti.scoring;

import vn.dti.framework.VietnameseFormat;
import vn.dti.indicator.IndicatorNode;
import vn.dti.indicator.IndicatorSet;
import vn.dti.indicator.RegulationProfile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The ranking as the API returns it: exact numbers, and beside each the text people read (decimal comma, "-"). */
record RankingView(String indicatorSet, String province, String level, BigDecimal scale, RegulationProfile profile,
                   List<GroupView> groups) {

    static RankingView of(RankingService.Result result) {
        IndicatorSet set = result.set();
        Map<String, IndicatorNode> nodes = set.nodesByCode();
        return new RankingView(set.id(), result.province().getName(), set.level().label(), set.scale(),
                set.profile(), result.groups().stream().map(group -> GroupView.of(group, set, nodes)).toList());
    }

    /**
     * @param proposedExclusions items below the profile's share, for the council to decide on
     * @param excludedItems      those the council excluded
     */
    record GroupView(String groupCode, String groupName, List<ExcludedItem> proposedExclusions,
                     List<ExcludedItem> excludedItems, StatisticsView statistics, List<UnitView> units) {

        static GroupView of(RankingService.GroupResult group, IndicatorSet set, Map<String, IndicatorNode> nodes) {
            return new GroupView(group.groupCode(), group.groupName(), group.scoring().proposed(),
                    group.scoring().excluded(),
                    StatisticsView.of(group.ranking().statistics(), nodes),
                    group.ranking().units().stream().map(unit -> UnitView.of(unit, nodes)).toList());
        }
    }

    record UnitView(int rank, String unitCode, String unitName, boolean reported, BigDecimal total, String totalText,
                    BigDecimal applicableMax, BigDecimal percent, String percentText, BigDecimal scaledTotal,
                    String scaledTotalText, String band, String bandLabel, List<SubtotalView> subtotals,
                    List<ItemScore> items) {

        static UnitView of(RankedUnit unit, Map<String, IndicatorNode> nodes) {
            UnitScore score = unit.score();
            List<SubtotalView> subtotals = new ArrayList<>();
            score.subtotals().forEach((code, subtotal) -> subtotals.add(new SubtotalView(code,
                    nodes.get(code).name(), score.reported() ? subtotal.score() : null,
                    VietnameseFormat.score(score.reported() ? subtotal.score() : null), subtotal.applicableMax())));
            return new UnitView(unit.rank(), score.unitCode(), score.unitName(), score.reported(), score.total(),
                    VietnameseFormat.score(score.total()), score.applicableMax(), unit.percent(),
                    VietnameseFormat.percent(unit.percent()), unit.scaledTotal(),
                    VietnameseFormat.score(unit.scaledTotal()), unit.band() == null ? null : unit.band().name(),
                    unit.band() == null ? null : unit.band().label(), subtotals,
                    score.reported() ? score.items() : List.of());
        }
    }

    record SubtotalView(String code, String name, BigDecimal score, String scoreText, BigDecimal applicableMax) {
    }

    record AverageView(String code, String name, BigDecimal average, String averageText) {
    }

    record BandCountView(String band, String label, int count) {
    }

    record StatisticsView(int unitCount, int reportedCount, List<AverageView> subtotalAverages,
                          BigDecimal averageTotal, String averageTotalText, String averageScaledTotalText,
                          int topCount, String topAverageText, String bottomAverageText, String gapText,
                          List<BandCountView> bandCounts) {

        static StatisticsView of(GroupStatistics stats, Map<String, IndicatorNode> nodes) {
            List<AverageView> averages = new ArrayList<>();
            stats.subtotalAverages().forEach((code, average) -> averages.add(
                    new AverageView(code, nodes.get(code).name(), average, VietnameseFormat.score(average))));
            List<BandCountView> bands = new ArrayList<>();
            stats.bandCounts().forEach((band, count) -> bands.add(new BandCountView(band.name(), band.label(), count)));
            return new StatisticsView(stats.unitCount(), stats.reportedCount(), averages, stats.averageTotal(),
                    VietnameseFormat.score(stats.averageTotal()), VietnameseFormat.score(stats.averageScaledTotal()),
                    stats.topCount(), VietnameseFormat.score(stats.topAverage()),
                    VietnameseFormat.score(stats.bottomAverage()), VietnameseFormat.score(stats.gap()), bands);
        }
    }
}
