package vn.dti.cycle;

import org.junit.jupiter.api.Test;
import vn.dti.assessment.AssessmentStatus;
import vn.dti.cycle.UnitPositions.OpenTask;
import vn.dti.cycle.UnitPositions.Position;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UnitPositionsTest {

    private static final OpenTask SELF_ASSESSING = new OpenTask("dti-unit-assessment", "self-assessment", 7L, 1L, 70);
    private static final OpenTask EXPLAINING = new OpenTask("dti-appraisal", "answer-explanation", 8L, 1L, 80);
    private static final OpenTask APPROVING = new OpenTask("dti-cycle", "approve-ranking", null, 1L, 10);

    @Test
    void aUnitWithAnOpenTaskStandsAtItsElementInItsInstance() {
        assertThat(UnitPositions.ofUnit(7, AssessmentStatus.OPEN, CycleStatus.SELF_ASSESSMENT,
                List.of(APPROVING, EXPLAINING, SELF_ASSESSING)))
                .isEqualTo(new Position("dti-unit-assessment", "self-assessment", 70L));
        assertThat(UnitPositions.ofUnit(8, AssessmentStatus.SUBMITTED, CycleStatus.APPRAISAL,
                List.of(SELF_ASSESSING, EXPLAINING)))
                .isEqualTo(new Position("dti-appraisal", "answer-explanation", 80L));
    }

    @Test
    void withoutATaskTheStatusSaysWhere() {
        List<OpenTask> none = List.of(APPROVING);
        assertThat(UnitPositions.ofUnit(9, AssessmentStatus.OPEN, CycleStatus.SELF_ASSESSMENT, none))
                .isEqualTo(new Position("dti-unit-assessment", "begin-self-assessment"));
        assertThat(UnitPositions.ofUnit(9, AssessmentStatus.SUBMITTED, CycleStatus.SELF_ASSESSMENT, none))
                .isEqualTo(new Position("dti-unit-assessment", "submitted"));
        assertThat(UnitPositions.ofUnit(9, AssessmentStatus.SUBMITTED, CycleStatus.APPRAISAL, none))
                .isEqualTo(new Position("dti-appraisal", "begin-appraisal"));
        assertThat(UnitPositions.ofUnit(9, AssessmentStatus.NOT_REPORTED, CycleStatus.APPRAISAL, none))
                .isEqualTo(new Position("dti-unit-assessment", "not-reported"));
        assertThat(UnitPositions.ofUnit(9, AssessmentStatus.APPRAISED, CycleStatus.APPROVAL, none))
                .isEqualTo(new Position("dti-appraisal", "appraised"));
    }

    @Test
    void theCycleStandsAtItsOwnTaskElseAtItsStep() {
        assertThat(UnitPositions.ofCycle(1, "approve-ranking", false, List.of(SELF_ASSESSING, APPROVING)))
                .isEqualTo("approve-ranking");
        assertThat(UnitPositions.ofCycle(2, "approve-ranking", false, List.of(APPROVING))).isEqualTo("approve-ranking");
        assertThat(UnitPositions.ofCycle(1, "unit-assessments", true, List.of(SELF_ASSESSING)))
                .isEqualTo("unit-assessments");
        assertThat(UnitPositions.ofCycle(1, "unit-assessments", false, List.of()))
                .as("every unit submitted or closed: waiting for the appraisal start").isEqualTo("await-appraisal");
    }
}
