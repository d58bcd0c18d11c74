package vn.dti.scoring;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dti.scoring.SmallSet.SET;
import static vn.dti.scoring.SmallSet.unit;

class RankingTest {

    private static final List<String> PILLARS = List.of("A", "B");

    @Test
    void bandsFollowThePercentageOfTheApplicableMaximum() {
        BandThresholds bands = BandThresholds.DEFAULT;
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
        GroupScoring.Result scored = GroupScoring.score(SET, List.of(sheets), BigDecimal.ZERO);
        return Ranking.rank(scored.units(), PILLARS, SET.scale(), BandThresholds.DEFAULT);
    }
}
