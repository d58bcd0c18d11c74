package vn.dti.cycle;

import org.springframework.stereotype.Component;
import vn.dti.indicator.IndicatorSetUsage;

@Component
class CycleIndicatorSetUsage implements IndicatorSetUsage {

    private final CycleRepository cycles;

    CycleIndicatorSetUsage(CycleRepository cycles) {
        this.cycles = cycles;
    }

    @Override
    public boolean usedByCycle(String setId) {
        return cycles.existsByIndicatorSetId(setId);
    }
}
