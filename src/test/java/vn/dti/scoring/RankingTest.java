package vn.dti.scoring;

import org.junit.jupiter.api.Test;
import vn.dti.indicator.IndicatorSet;
import vn.dti.indicator.RegulationProfile;
import vn.dti.indicator.RegulationProfile.NotApplicableTreatment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dti.scoring.SmallSet.PROFILE;
import static vn.dti.scoring.SmallSet.SET;
import static vn.dti.scoring.SmallSet.unit;

class RankingTest {

    private static final List<String> PILLARS = List.of("A", "B");

    @Test
    void bandsFollowThePercentageOfTheApplicableMaximum() {
        // Kon Tum's bands (000 Điều 9.2)
        BandThresholds bands = new BandThresholds(BigDecimal.valueOf(90), BigDecimal.valueOf(70), BigDecimal.valueOf(50));
        assertThat(bands.bandOf(new BigDecimal("90"))).isEqualTo(Band.TOT);
        assertThat(bands.bandOf(new BigDecimal("89.999"))).isEqualTo(Band.KHA);
        assertThat(bands.bandOf(new BigDecimal("70"))).isEqualTo(Band.KHA);
        assertThat(bands.bandOf(new BigDecimal("69.99"))).isEqualTo(Band.TRUNG_BINH);
        assertThat(bands.bandOf(new BigDecimal("50"))).isEqualTo(Band.TRUNG_BINH);
        assertThat(bands.bandOf(new BigDecimal("49.99"))).isEqualTo(Band.YEU);
        BandThresholds strict = new BandThresholds(new BigDecimal("95"), new BigDecimal("80"), new BigDecimal("60"));
        assertThat(strict.bandOf(new BigDecimal("92"))).isEqualTo(Band.KHA);
    }

    @Test
    void equalTotalsShareARankAndTheNextRankIsSkipped() {
        Ranking.Result result = rank(points("U1", 90), points("U2", 75), points("U3", 75), points("U4", 40));

        assertThat(result.units()).extracting(unit -> unit.score().unitCode() + "=" + unit.rank())
                .containsExactly("U1=1", "U2=2", "U3=2", "U4=4");
        assertThat(result.units()).extracting(RankedUnit::band)
                .containsExactly(Band.TOT, Band.KHA, Band.KHA, Band.YEU);
    }

    @Test
    void unitsThatDidNotReportAreYeuAndRankedLast() {
        Ranking.Result result = rank(UnitSheet.notReported("U0", "Đơn vị 0"), points("U1", 30), points("U2", 60),
                UnitSheet.notReported("U3", "Đơn vị 3"));

        assertThat(result.units()).extracting(unit -> unit.score().unitCode() + "=" + unit.rank())
                .containsExactly("U2=1", "U1=2", "U0=3", "U3=3");
        RankedUnit missing = result.units().get(2);
        assertThat(missing.band()).isEqualTo(Band.YEU);
        assertThat(missing.score().total()).isNull();
        assertThat(missing.percent()).isNull();
    }

    @Test
    void notApplicableItemsRankByTheTotalRescaledToTheScale() {
        // U1 scores 54 of 60 applicable points (B.1 does not apply): 90%, 90 on the 100-point scale.
        UnitSheet partial = unit("U1", "A.1", ItemEntry.yes(), "A.2", ItemEntry.ratio("4", "5"),
                "A.3", ItemEntry.points("10"), "B.1", ItemEntry.notApplicableEntry());
        Ranking.Result result = rank(points("U2", 85), partial);

        RankedUnit first = result.units().get(0);
        assertThat(first.score().unitCode()).isEqualTo("U1");
        assertThat(first.score().total()).isEqualByComparingTo("54");
        assertThat(first.percent()).isEqualByComparingTo("90");
        assertThat(first.scaledTotal()).isEqualByComparingTo("90");
        assertThat(first.band()).isEqualTo(Band.TOT);
    }

    @Test
    void deductedItemsRankOnTheTotalOfTheItemsScoredSoThePrintedTotalIsTheRankedOne() {
        // 002 III.2.d: the rank is on the total of the criteria scored. U1 scores 54 of its 60 applicable points, U2
        // prints 85: U2 is first, and U1's ranked figure is the 54 it prints, not a rescaled 90.
        UnitSheet partial = unit("U1", "A.1", ItemEntry.yes(), "A.2", ItemEntry.ratio("4", "5"),
                "A.3", ItemEntry.points("10"), "B.1", ItemEntry.notApplicableEntry());
        IndicatorSet deducting = SmallSet.with(new RegulationProfile(PROFILE.bands(),
                new RegulationProfile.NotApplicable("QĐ 1187/QĐ-UBND, mục III.2.d", NotApplicableTreatment.DEDUCT, false),
                PROFILE.evidence(), PROFILE.exclusion(), List.of()));

        Ranking.Result result = Ranking.rank(GroupScoring.score(deducting, List.of(points("U2", 85), partial), Set.of())
                .units(), PILLARS, deducting.scale(), RankingRules.of(deducting.profile()));

        assertThat(result.units()).extracting(unit -> unit.score().unitCode() + "=" + unit.rank() + " "
                + unit.scaledTotal().stripTrailingZeros().toPlainString()).containsExactly("U2=1 85", "U1=2 54");
        assertThat(result.units()).allSatisfy(unit ->
                assertThat(unit.scaledTotal()).isEqualByComparingTo(unit.score().total()));
        // the band still reads the applicable maximum: 54 of 60 is 90%
        assertThat(result.units().get(1).band()).isEqualTo(Band.TOT);
    }

    @Test
    void aProfileWithoutBandsGivesNoBandEvenToAUnitThatDidNotReport() {
        IndicatorSet unbanded = SmallSet.with(new RegulationProfile(
                new RegulationProfile.Bands(RegulationProfile.NOT_STATED, null, null, null), PROFILE.notApplicable(),
                PROFILE.evidence(), PROFILE.exclusion(), List.of()));

        Ranking.Result result = Ranking.rank(GroupScoring.score(unbanded, List.of(points("U1", 100),
                UnitSheet.notReported("U2", "Đơn vị 2")), Set.of()).units(), PILLARS, unbanded.scale(),
                RankingRules.of(unbanded.profile()));

        assertThat(result.units()).extracting(RankedUnit::band).containsOnlyNulls();
        assertThat(result.units()).extracting(RankedUnit::rank).containsExactly(1, 2);
        assertThat(result.statistics().bandCounts()).isEmpty();
    }

    @Test
    void statisticsCountAUnitThatDidNotReportAsZero() {
        Ranking.Result result = rank(points("U1", 100), points("U2", 80), points("U3", 60), points("U4", 40),
                points("U5", 20), UnitSheet.notReported("U6", "Đơn vị 6"));
        GroupStatistics stats = result.statistics();

        assertThat(stats.unitCount()).isEqualTo(6);
        assertThat(stats.reportedCount()).isEqualTo(5);
        assertThat(stats.averageTotal()).isEqualByComparingTo("50");
        assertThat(stats.topAverage()).isEqualByComparingTo("80");
        assertThat(stats.bottomAverage()).isEqualByComparingTo("40");
        assertThat(stats.gap()).isEqualByComparingTo("40");
        assertThat(stats.bandCounts()).isEqualTo(Map.of(Band.TOT, 1, Band.KHA, 1, Band.TRUNG_BINH, 1, Band.YEU, 3));
        // points() puts everything in A.3 (≤ 10) and B.1 (0 or 40), A.1, A.2: pillar averages add up to the total
        assertThat(stats.subtotalAverages().get("A").add(stats.subtotalAverages().get("B")))
                .isEqualByComparingTo(stats.averageTotal());
    }

    /** A unit whose total is {@code total} (a multiple of 10 up to 100), spread over the items. */
    private static UnitSheet points(String code, int total) {
        int b = total >= 40 ? 40 : 0;
        int rest = total - b;
        int a1 = rest >= 20 ? 20 : 0;
        rest -= a1;
        int a2 = Math.min(rest, 30);
        int a3 = rest - a2;
        return unit(code, "A.1", a1 > 0 ? ItemEntry.yes() : ItemEntry.no(), "A.2", ItemEntry.ratio(a2 + "", "30"),
                "A.3", ItemEntry.points(a3 + ""), "B.1", b > 0 ? ItemEntry.yes() : ItemEntry.no());
    }

    private static Ranking.Result rank(UnitSheet... sheets) {
        GroupScoring.Result scored = GroupScoring.score(SET, List.of(sheets), Set.of());
        return Ranking.rank(scored.units(), PILLARS, SET.scale(), RankingRules.of(SET.profile()));
    }
}
