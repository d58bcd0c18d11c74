package vn.dti.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * The province's own users who sign in with a password, from configuration, with hashed passwords
 * ({@code {bcrypt}…}); the demo users are apart ({@link DemoAccountsProperties}).
 *
 * @param users         named users
 * @param unitOfficers  for these provinces, one officer per unit, named {@code canbo.<unit code in lower case>}
 */
@ConfigurationProperties("dti.security")
record PasswordUsersProperties(List<User> users, List<UnitOfficers> unitOfficers) {

    PasswordUsersProperties {
        users = users == null ? List.of() : users;
        unitOfficers = unitOfficers == null ? List.of() : unitOfficers;
    }

    record User(String username, String password, Role role, String scope, String province) {
    }

    record UnitOfficers(String province, String password) {
    }
}
