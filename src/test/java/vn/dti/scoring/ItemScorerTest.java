package vn.dti.scoring;

import org.junit.jupiter.api.Test;
import vn.dti.framework.FieldProblem;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dti.scoring.SmallSet.A1;
import static vn.dti.scoring.SmallSet.A2;
import static vn.dti.scoring.SmallSet.A3;

class ItemScorerTest {

    @Test
    void yesNoIsFullPointsOrZero() {
        assertThat(ItemScorer.score(A1, ItemEntry.yes())).isEqualByComparingTo("20");
        assertThat(ItemScorer.score(A1, ItemEntry.no())).isEqualByComparingTo("0");
    }

    @Test
    void ratioIsPointsTimesAchievedShare() {
        assertThat(ItemScorer.score(A2, ItemEntry.ratio("45", "60"))).isEqualByComparingTo("22.5");
        assertThat(ItemScorer.score(A2, ItemEntry.ratio("2", "3"))).isEqualByComparingTo("20");
        assertThat(ItemScorer.score(A2, ItemEntry.percent("75"))).isEqualByComparingTo("22.5");
        assertThat(ItemScorer.score(A2, ItemEntry.ratio("0", "7"))).isEqualByComparingTo("0");
    }

    @Test
    void ratioOfThirdsIsExactUntilDisplayed() {
        BigDecimal third = ItemScorer.score(A2, ItemEntry.ratio("1", "3"));
        assertThat(third.add(third).add(third)).isEqualByComparingTo("30");
    }

    @Test
    void pointsAreTakenAsEntered() {
        assertThat(ItemScorer.score(A3, ItemEntry.points("7.25"))).isEqualByComparingTo("7.25");
    }

    @Test
    void missingDataScoresZeroAndNotApplicableHasNoScore() {
        assertThat(ItemScorer.score(A1, null)).isEqualByComparingTo("0");
        assertThat(ItemScorer.score(A3, new ItemEntry(null, null, null, null, null, false))).isEqualByComparingTo("0");
        assertThat(ItemScorer.score(A1, ItemEntry.notApplicableEntry())).isNull();
    }

    @Test
    void refusesPointsAboveMaximumOrNegative() {
        assertThat(ItemScorer.problem(A3, ItemEntry.points("10.01"), "f"))
                .contains(new FieldProblem("f.points", "điểm 10.01 vượt điểm tối đa 10"));
        assertThat(ItemScorer.problem(A3, ItemEntry.points("-1"), "f"))
                .contains(new FieldProblem("f.points", "điểm không được âm"));
        assertThat(ItemScorer.problem(A3, ItemEntry.points("10"), "f")).isEmpty();
    }

    @Test
    void refusesRatiosThatCannotBe() {
        assertThat(ItemScorer.problem(A2, ItemEntry.ratio("61", "60"), "f"))
                .contains(new FieldProblem("f.numerator", "tử số 61 lớn hơn mẫu số 60"));
        assertThat(ItemScorer.problem(A2, ItemEntry.ratio("0", "0"), "f"))
                .contains(new FieldProblem("f.denominator", "mẫu số phải lớn hơn 0"));
        assertThat(ItemScorer.problem(A2, ItemEntry.ratio("-1", "5"), "f"))
                .contains(new FieldProblem("f.numerator", "tử số không được âm"));
        assertThat(ItemScorer.problem(A2, ItemEntry.percent("100.5"), "f")).get()
                .extracting(FieldProblem::field).isEqualTo("f.percent");
        assertThat(ItemScorer.problem(A2, new ItemEntry(null, new BigDecimal("3"), null, null, null, false), "f"))
                .get().extracting(FieldProblem::reason).asString().contains("cần cả numerator");
    }

    @Test
    void refusesAValueOfTheWrongKind() {
        assertThat(ItemScorer.problem(A1, ItemEntry.points("20"), "f")).get()
                .extracting(FieldProblem::reason).asString().contains("chỉ nhập met");
        assertThat(ItemScorer.problem(A3, ItemEntry.yes(), "f")).get()
                .extracting(FieldProblem::reason).asString().contains("chỉ nhập points");
        assertThat(ItemScorer.problem(A2, ItemEntry.points("3"), "f")).isPresent();
    }

    @Test
    void notApplicableCarriesNoValue() {
        assertThat(ItemScorer.problem(A1, new ItemEntry(true, null, null, null, null, true), "f")).isPresent();
        assertThat(ItemScorer.problem(A1, ItemEntry.notApplicableEntry(), "f")).isEmpty();
    }
}
