package vn.dti.scoring;

/** What the effective column of an item says for one unit. */
public enum ItemStatus {
    SCORED,
    /** No data although the item applies: 0 points (003 II.2.b). */
    MISSING,
    /** Not applicable to this unit: out of its scale (000 Điều 6.3). */
    NOT_APPLICABLE,
    /** Excluded from the ranking for every unit of the group: too few units had data (003 II.2.b). */
    EXCLUDED
}
