package vn.dti.security;

import java.util.List;

/** A signed-in person: a role in a scope, within a province. */
public record DtiUser(String username, Role role, String scope, String province) {

    /** The scope and province of the platform's administrator: no code of a province or unit. */
    public static final String PLATFORM = "platform";

    public DtiUser {
        if (role == Role.PLATFORM_ADMIN) {
            scope = PLATFORM;
            province = PLATFORM;
        }
    }

    /** The candidate groups whose tasks this user may see, claim and complete. */
    public List<String> groups() {
        return List.of(role.group(scope));
    }

    public boolean isAdminOf(String provinceCode) {
        return role == Role.ADMIN && province.equals(provinceCode);
    }
}
