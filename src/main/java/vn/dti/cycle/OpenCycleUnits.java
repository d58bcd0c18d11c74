package vn.dti.cycle;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.dti.assessment.AssessmentService;
import vn.dti.unit.UnitUsage;

import java.util.List;

/**
 * A unit is in use while a cycle that is not yet published holds its assessment, or will hold one when its period
 * opens: its name is frozen into that year's results and decision.
 */
@Component
class OpenCycleUnits implements UnitUsage {

    private final CycleService cycles;
    private final AssessmentService assessments;

    OpenCycleUnits(CycleService cycles, AssessmentService assessments) {
        this.cycles = cycles;
        this.assessments = assessments;
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> openUses(String unitCode) {
        return cycles.openCycles().stream()
                .filter(cycle -> {
                    var frozen = assessments.ofCycle(cycle.getId());
                    return frozen.isEmpty() ? cycles.groupUnits(cycle).contains(unitCode)
                            : frozen.stream().anyMatch(assessment -> assessment.getUnitCode().equals(unitCode));
                })
                .map(cycle -> "kỳ đánh giá số " + cycle.getId() + " (năm " + cycle.getYear() + ", "
                        + cycles.groupName(cycle) + ") chưa công bố và có phiếu của đơn vị")
                .toList();
    }
}
