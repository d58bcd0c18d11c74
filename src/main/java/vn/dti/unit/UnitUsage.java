package vn.dti.unit;

import java.util.List;

/**
 * What keeps a unit from being renamed or retired now, told by the modules that use units (a unit in a cycle still
 * open), so that this module needs none of theirs.
 */
public interface UnitUsage {

    /** Each open use of the unit, in words an administrator reads ("kỳ đánh giá năm 2027 của các sở đang mở"). */
    List<String> openUses(String unitCode);
}
