package vn.dti.cycle;

import org.springframework.stereotype.Component;
import vn.dti.unit.Unit;
import vn.dti.unit.UnitCatalog;

/** How the pages name a cycle's group and its units. */
@Component
class CycleNames {

    private final UnitCatalog units;

    CycleNames(UnitCatalog units) {
        this.units = units;
    }

    /** "các xã của UBND huyện Một", to follow "kỳ đánh giá năm 2025 của". */
    String group(Cycle cycle) {
        return switch (cycle.getLevel()) {
            case SO -> "các sở, ban, ngành";
            case HUYEN -> "các UBND huyện";
            case XA -> "các xã của " + unit(cycle.getGroupCode());
        };
    }

    String unit(String code) {
        return units.unit(code).map(Unit::getName).orElse(code);
    }
}
