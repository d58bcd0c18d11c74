package vn.dti.scoring;

import org.junit.jupiter.api.Test;
import vn.dti.framework.FieldProblem;
import vn.dti.indicator.IndicatorSet;
import vn.dti.indicator.RegulationProfile;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dti.scoring.SmallSet.SET;
import static vn.dti.scoring.SmallSet.full;
import static vn.dti.scoring.SmallSet.unit;

class GroupScoringTest {


    @Test
    void subtotalsAndTotalAreSumsOfItemScores() {
        UnitScore score = only(unit("U1", "A.1", ItemEntry.yes(), "A.2", ItemEntry.ratio("1", "2"),
                "A.3", ItemEntry.points("4"), "B.1", ItemEntry.no()));

        assertThat(score.subtotals().get("A").score()).isEqualByComparingTo("39");
        assertThat(score.subtotals().get("B").score()).isEqualByComparingTo("0");
        assertThat(score.total()).isEqualByComparingTo("39");
        assertThat(score.applicableMax()).isEqualByComparingTo("100");
        assertThat(score.subtotals().keySet()).containsExactly("A", "B");
    }

    @Test
    void notApplicableItemsLeaveTheScale() {
        UnitScore score = only(unit("U1", "A.1", ItemEntry.yes(), "A.2", ItemEntry.ratio("1", "1"),
                "A.3", ItemEntry.points("10"), "B.1", ItemEntry.notApplicableEntry()));

        assertThat(score.total()).isEqualByComparingTo("60");
        assertThat(score.applicableMax()).isEqualByComparingTo("60");
        assertThat(score.subtotals().get("B").applicableMax()).isEqualByComparingTo("0");
        assertThat(status(score, "B.1")).isEqualTo(ItemStatus.NOT_APPLICABLE);
    }

    @Test
    void missingDataCountsAsZeroWithinTheScale() {
        UnitScore score = only(unit("U1", "A.1", ItemEntry.yes()));

        assertThat(score.total()).isEqualByComparingTo("20");
        assertThat(score.applicableMax()).isEqualByComparingTo("100");
        assertThat(status(score, "A.2")).isEqualTo(ItemStatus.MISSING);
        assertThat(status(score, "A.1")).isEqualTo(ItemStatus.SCORED);
    }

    @Test
    void finalColumnFallsBackToAppraisedThenSelf() {
        UnitSheet sheet = new UnitSheet("U1", "Đơn vị 1", true, Map.of(
                "A.1", new ItemColumns(ItemEntry.yes(), ItemEntry.no(), null),
                "A.3", new ItemColumns(ItemEntry.points("10"), ItemEntry.points("6"), ItemEntry.points("8")),
                "B.1", ItemColumns.selfOnly(ItemEntry.yes())));
        UnitScore score = only(sheet);

        assertThat(item(score, "A.1")).isEqualTo(new ItemScore("A.1", new BigDecimal("20"), BigDecimal.ZERO,
                BigDecimal.ZERO, ItemStatus.SCORED));
        assertThat(item(score, "A.3").self()).isEqualByComparingTo("10");
        assertThat(item(score, "A.3").appraised()).isEqualByComparingTo("6");
        assertThat(item(score, "A.3").finalScore()).isEqualByComparingTo("8");
        assertThat(item(score, "B.1").appraised()).isNull();
        assertThat(item(score, "B.1").finalScore()).isEqualByComparingTo("40");
        assertThat(score.total()).isEqualByComparingTo("48");
    }

    @Test
    void itemWithDataForFewerThanHalfOfTheUnitsIsProposedAndExcludedForEveryoneOnlyByDecision() {
        // A.3 has data for 1 of 3 units (33%): proposed (003 II.2.b: "xem xét để loại trừ"), still scored.
        List<UnitSheet> sheets = List.of(full("U1"),
                unit("U2", "A.1", ItemEntry.yes(), "A.2", ItemEntry.percent("50"), "B.1", ItemEntry.yes()),
                unit("U3", "A.1", ItemEntry.no(), "A.2", ItemEntry.percent("10"), "B.1", ItemEntry.yes()));

        GroupScoring.Result undecided = GroupScoring.score(SET, sheets, Set.of());
        assertThat(undecided.proposed()).extracting(ExcludedItem::code).containsExactly("A.3");
        assertThat(undecided.excluded()).isEmpty();
        assertThat(undecided.units().get(0).applicableMax()).isEqualByComparingTo("100");
        assertThat(status(undecided.units().get(1), "A.3")).isEqualTo(ItemStatus.MISSING);

        // The council excludes it: out of the ranking, and out of every unit's scale.
        GroupScoring.Result result = GroupScoring.score(SET, sheets, Set.of("A.3"));

        assertThat(result.excluded()).singleElement().satisfies(excluded -> {
            assertThat(excluded.code()).isEqualTo("A.3");
            assertThat(excluded.withData()).isEqualTo(1);
            assertThat(excluded.inScope()).isEqualTo(3);
        });
        UnitScore first = result.units().get(0);
        assertThat(first.total()).isEqualByComparingTo("90");
        assertThat(first.applicableMax()).isEqualByComparingTo("90");
        assertThat(status(first, "A.3")).isEqualTo(ItemStatus.EXCLUDED);
    }

    @Test
    void exactlyHalfIsEnoughAndAProfileWithoutExclusionProposesNothing() {
        List<UnitSheet> sheets = List.of(full("U1"), unit("U2", "A.1", ItemEntry.yes()));

        assertThat(GroupScoring.score(SET, sheets, Set.of()).proposed()).isEmpty();
        List<UnitSheet> fewer = List.of(full("U1"), unit("U2", "A.1", ItemEntry.yes()), unit("U3", "A.1", ItemEntry.no()));
        assertThat(GroupScoring.score(SET, fewer, Set.of()).proposed()).extracting(ExcludedItem::code)
                .containsExactly("A.2", "A.3", "B.1");
        IndicatorSet silent = SmallSet.with(new RegulationProfile(SmallSet.PROFILE.bands(),
                SmallSet.PROFILE.notApplicable(), SmallSet.PROFILE.evidence(),
                new RegulationProfile.Exclusion(RegulationProfile.NOT_STATED, null, null), List.of()));
        assertThat(GroupScoring.score(silent, fewer, Set.of("A.2")).proposed()).isEmpty();
        assertThat(GroupScoring.score(silent, fewer, Set.of("A.2")).excluded()).isEmpty();
    }

    @Test
    void aNotApplicableClaimIsRefusedWhereTheProfileStatesNoSuchRule() {
        IndicatorSet silent = SmallSet.with(new RegulationProfile(SmallSet.PROFILE.bands(),
                new RegulationProfile.NotApplicable(RegulationProfile.NOT_STATED, null, null),
                SmallSet.PROFILE.evidence(), SmallSet.PROFILE.exclusion(), List.of()));
        List<UnitSheet> sheets = List.of(unit("U1", "B.1", ItemEntry.notApplicableEntry()));

        assertThat(GroupScoring.problems(silent, sheets, "units")).containsExactly(new FieldProblem("units[0].items.B.1",
                "quy chế của bộ chỉ số T-SO-1 không quy định mục không áp dụng: mục phải được chấm điểm"
                        + " (không có số liệu thì 0 điểm)"));
        assertThat(GroupScoring.problems(SET, sheets, "units")).isEmpty();
    }

    @Test
    void notApplicableUnitsAreOutsideTheShareOfAnItem() {
        // B.1 applies to one unit only, which has data: 1 of 1, not excluded.
        List<UnitSheet> sheets = List.of(full("U1"),
                unit("U2", "A.1", ItemEntry.yes(), "A.2", ItemEntry.percent("50"), "A.3", ItemEntry.points("1"),
                        "B.1", ItemEntry.notApplicableEntry()),
                unit("U3", "A.1", ItemEntry.yes(), "A.2", ItemEntry.percent("50"), "A.3", ItemEntry.points("1"),
                        "B.1", ItemEntry.notApplicableEntry()));

        assertThat(GroupScoring.score(SET, sheets, Set.of()).proposed()).isEmpty();
    }

    @Test
    void unitsThatDidNotReportAreOutsideTheShare() {
        List<UnitSheet> sheets = List.of(full("U1"), UnitSheet.notReported("U2", "Đơn vị 2"),
                UnitSheet.notReported("U3", "Đơn vị 3"));

        assertThat(GroupScoring.score(SET, sheets, Set.of()).proposed()).isEmpty();
    }

    @Test
    void unitThatDidNotReportHasNoTotal() {
        UnitScore score = only(UnitSheet.notReported("U9", "Đơn vị 9"));

        assertThat(score.reported()).isFalse();
        assertThat(score.total()).isNull();
    }

    @Test
    void sheetProblemsNameTheFieldAndTheReason() {
        List<UnitSheet> sheets = List.of(unit("U1", "A", ItemEntry.points("5"), "Z.9", ItemEntry.yes(),
                "A.3", ItemEntry.points("11")));

        assertThat(GroupScoring.problems(SET, sheets, "units")).containsExactlyInAnyOrder(
                new FieldProblem("units[0].items.A", "mục A có mục con; chỉ chấm điểm các mục lá, tổng được tính tự động"),
                new FieldProblem("units[0].items.Z.9", "không có mục mã Z.9 trong bộ chỉ số T-SO-1"),
                new FieldProblem("units[0].items.A.3.self.points", "điểm 11 vượt điểm tối đa 10"));
    }

    @Test
    void anIncompleteSetCannotBeScored() {
        IndicatorSet incomplete = new IndicatorSet("T", SET.level(), "2", null, SET.source(), SET.scale(), false,
                List.of(), SET.items());

        assertThat(GroupScoring.problems(incomplete, List.of(full("U1")), "units"))
                .singleElement().extracting(FieldProblem::field).isEqualTo("indicatorSet");
    }

    private static UnitScore only(UnitSheet sheet) {
        return GroupScoring.score(SET, List.of(sheet), Set.of()).units().get(0);
    }

    private static ItemScore item(UnitScore score, String code) {
        return score.items().stream().filter(item -> item.code().equals(code)).findFirst().orElseThrow();
    }

    private static ItemStatus status(UnitScore score, String code) {
        return item(score, code).status();
    }
}
