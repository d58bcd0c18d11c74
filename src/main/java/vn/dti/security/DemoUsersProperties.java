package vn.dti.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * The users of embedded mode, from configuration, with hashed passwords ({@code {bcrypt}…}).
 *
 * @param users         named users
 * @param unitOfficers  for these provinces, one officer per unit, named {@code canbo.<unit code in lower case>}
 */
@ConfigurationProperties("dti.security")
public record DemoUsersProperties(List<User> users, List<UnitOfficers> unitOfficers) {

    public DemoUsersProperties {
        users = users == null ? List.of() : users;
        unitOfficers = unitOfficers == null ? List.of() : unitOfficers;
    }

    public record User(String username, String password, Role role, String scope, String province) {
    }

    public record UnitOfficers(String province, String password) {
    }
}
