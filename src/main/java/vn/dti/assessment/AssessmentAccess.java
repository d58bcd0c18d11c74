package vn.dti.assessment;

import vn.dti.indicator.Level;
import vn.dti.security.DtiUser;
import vn.dti.security.Role;
import vn.dti.unit.Unit;

/**
 * Who may do what with a unit's assessment. A unit's officer works on its own unit only; the council that appraises
 * a unit is the province's for Sở and huyện and the UBND huyện's for its xã (000 Điều 8); the chairman and the
 * administrator of the same scope read.
 */
public final class AssessmentAccess {

    private AssessmentAccess() {
    }

    /** The scope of the council and chairman that appraise and approve this unit. */
    public static String appraisalScope(Unit unit) {
        return unit.getLevel() == Level.XA ? unit.getParentCode() : unit.getProvinceCode();
    }

    public static boolean canRead(DtiUser user, Unit unit) {
        return switch (user.role()) {
            case UNIT_OFFICER -> user.scope().equals(unit.getCode());
            case COUNCIL, CHAIRMAN -> user.scope().equals(appraisalScope(unit)) || user.scope().equals(unit.getProvinceCode());
            case ADMIN -> user.province().equals(unit.getProvinceCode());
            case PLATFORM_ADMIN -> false;
        };
    }

    public static boolean canSelfAssess(DtiUser user, Unit unit) {
        return user.role() == Role.UNIT_OFFICER && user.scope().equals(unit.getCode());
    }

    public static boolean canAppraise(DtiUser user, Unit unit) {
        return user.role() == Role.COUNCIL && user.scope().equals(appraisalScope(unit));
    }
}
