package vn.dti.security;

/** Who takes part, each bound to a scope: a unit, a province or a huyện (for the xã it appraises), a province. */
public enum Role {
    /** A unit's officer: sees and edits only its own unit's assessment and tasks. Scope: the unit's code. */
    UNIT_OFFICER("unit"),
    /** A member of the council (Hội đồng / Tổ giúp việc); for xã, of the UBND huyện. Scope: province or huyện code. */
    COUNCIL("council"),
    /** The chairman who approves (Chủ tịch UBND tỉnh, or huyện for its xã). Scope: province or huyện code. */
    CHAIRMAN("chairman"),
    /** The province's administrator (Sở TT&TT). Scope: province code. */
    ADMIN("admin"),
    /**
     * The platform's administrator: moves the embedded engine's clock, which every province shares, and nothing of a
     * province's. Scope and province: {@link DtiUser#PLATFORM}, which no province or unit is.
     */
    PLATFORM_ADMIN("platform");

    private final String groupPrefix;

    Role(String groupPrefix) {
        this.groupPrefix = groupPrefix;
    }

    /** The Camunda candidate group of this role in a scope, e.g. {@code unit:BN-S01}, {@code council:BN}. */
    public String group(String scope) {
        return groupPrefix + ":" + scope;
    }
}
