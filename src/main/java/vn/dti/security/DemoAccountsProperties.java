package vn.dti.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * {@code dti.security.demo.*}: the demo users, whose passwords the README prints ({@code demo-users.yml}), and whether
 * they may sign in ({@link DemoAccounts}).
 *
 * @param enabled      {@code true} or {@code false}; unset: on in a trial only ({@link DemoAccounts})
 * @param users        named demo users
 * @param unitOfficers for these provinces, one demo officer per unit
 */
@ConfigurationProperties("dti.security.demo")
record DemoAccountsProperties(Boolean enabled, List<PasswordUsersProperties.User> users,
                              List<PasswordUsersProperties.UnitOfficers> unitOfficers) {

    DemoAccountsProperties {
        users = users == null ? List.of() : users;
        unitOfficers = unitOfficers == null ? List.of() : unitOfficers;
    }
}
