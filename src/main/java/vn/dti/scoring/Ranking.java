package vn.dti.scoring;

import vn.dti.indicator.RegulationProfile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks the scored units of one group (Sở; huyện; the xã of one huyện) by total, highest first (000 Điều 9.1;
 * 002 III.2.d), bands them where the profile states bands (000 Điều 9.2) and computes the group's published
 * statistics (004).
 */
public final class Ranking {

    private static final int TOP_COUNT = 3;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Ranking() {
    }

    public record Result(List<RankedUnit> units, GroupStatistics statistics) {
    }

    /**
     * @param topLevelCodes the codes whose subtotals are averaged (the set's top-level nodes)
     * @param scale         the set's scale, to which totals are brought back under {@code RESCALE}
     */
    public static Result rank(List<UnitScore> scores, List<String> topLevelCodes, BigDecimal scale,
                              RankingRules rules) {
        boolean rescale = rules.notApplicable() == RegulationProfile.NotApplicableTreatment.RESCALE;
        List<RankedUnit> reported = new ArrayList<>();
        List<UnitScore> notReported = new ArrayList<>();
        for (UnitScore score : scores) {
            if (!score.reported()) {
                notReported.add(score);
                continue;
            }
            BigDecimal percent = score.applicableMax().signum() == 0 ? BigDecimal.ZERO
                    : score.total().multiply(HUNDRED).divide(score.applicableMax(), ItemScorer.PRECISION);
            BigDecimal ranked = !rescale ? score.total() : score.applicableMax().signum() == 0 ? BigDecimal.ZERO
                    : score.total().multiply(scale).divide(score.applicableMax(), ItemScorer.PRECISION);
            reported.add(new RankedUnit(0, score, percent, ranked, rules.banded() ? rules.bands().bandOf(percent) : null));
        }
        // Stable sort: units with equal totals keep the order they were given in.
        reported.sort(Comparator.comparing(RankedUnit::scaledTotal).reversed());

        List<RankedUnit> ranked = new ArrayList<>(scores.size());
        for (int i = 0; i < reported.size(); i++) {
            RankedUnit unit = reported.get(i);
            boolean tie = i > 0 && unit.scaledTotal().compareTo(reported.get(i - 1).scaledTotal()) == 0;
            int rank = tie ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new RankedUnit(rank, unit.score(), unit.percent(), unit.scaledTotal(), unit.band()));
        }
        int lastRank = reported.size() + 1;
        for (UnitScore score : notReported) {
            // Yếu for not reporting is part of the bands' rule (000 Điều 9.2.e)
            ranked.add(new RankedUnit(lastRank, score, null, null, rules.banded() ? Band.YEU : null));
        }
        return new Result(ranked, statistics(ranked, reported, topLevelCodes, rules.banded()));
    }

    private static GroupStatistics statistics(List<RankedUnit> all, List<RankedUnit> reported,
                                              List<String> topLevelCodes, boolean banded) {
        int count = all.size();
        Map<String, BigDecimal> subtotalAverages = new LinkedHashMap<>();
        for (String code : topLevelCodes) {
            BigDecimal sum = BigDecimal.ZERO;
            for (RankedUnit unit : all) {
                NodeScore subtotal = unit.score().subtotals().get(code);
                if (unit.score().reported() && subtotal != null) {
                    sum = sum.add(subtotal.score());
                }
            }
            subtotalAverages.put(code, average(sum, count));
        }
        BigDecimal totalSum = BigDecimal.ZERO;
        BigDecimal scaledSum = BigDecimal.ZERO;
        for (RankedUnit unit : reported) {
            totalSum = totalSum.add(unit.score().total());
            scaledSum = scaledSum.add(unit.scaledTotal());
        }
        int topCount = Math.min(TOP_COUNT, reported.size());
        // reported is sorted by scaled total, highest first
        BigDecimal top = averageOfScaled(reported.subList(0, topCount));
        BigDecimal bottom = averageOfScaled(reported.subList(reported.size() - topCount, reported.size()));
        Map<Band, Integer> bands = new EnumMap<>(Band.class);
        if (banded) {
            for (Band band : Band.values()) {
                bands.put(band, 0);
            }
            all.forEach(unit -> bands.merge(unit.band(), 1, Integer::sum));
        }
        return new GroupStatistics(count, reported.size(), subtotalAverages, average(totalSum, count),
                average(scaledSum, count), topCount, top, bottom,
                top == null ? null : top.subtract(bottom), bands);
    }

    private static BigDecimal averageOfScaled(List<RankedUnit> units) {
        if (units.isEmpty()) {
            return null;
        }
        BigDecimal sum = units.stream().map(RankedUnit::scaledTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        return average(sum, units.size());
    }

    private static BigDecimal average(BigDecimal sum, int count) {
        return count == 0 ? null : sum.divide(BigDecimal.valueOf(count), ItemScorer.PRECISION);
    }
}
