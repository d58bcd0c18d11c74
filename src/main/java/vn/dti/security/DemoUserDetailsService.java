package vn.dti.security;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The users who sign in with a password: the province's own ({@link PasswordUsersProperties}) and, when
 * {@link DemoAccounts} lets them, the demo users; each is named, or one officer per unit of the provinces listed.
 */
@Service
class DemoUserDetailsService implements UserDetailsService {

    static final String UNIT_OFFICER_PREFIX = "canbo.";

    private final List<PasswordUsersProperties.User> users;
    private final List<PasswordUsersProperties.UnitOfficers> unitOfficers;
    private final JdbcTemplate jdbc;

    DemoUserDetailsService(PasswordUsersProperties configured, DemoAccountsProperties demo, DemoAccounts demoAccounts,
                           JdbcTemplate jdbc) {
        List<PasswordUsersProperties.User> users = new ArrayList<>(configured.users());
        List<PasswordUsersProperties.UnitOfficers> unitOfficers = new ArrayList<>(configured.unitOfficers());
        if (demoAccounts.on()) {
            users.addAll(demo.users());
            unitOfficers.addAll(demo.unitOfficers());
        }
        this.users = List.copyOf(users);
        this.unitOfficers = List.copyOf(unitOfficers);
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException(username));
    }

    Optional<DtiUserDetails> find(String username) {
        for (PasswordUsersProperties.User user : users) {
            if (user.username().equals(username)) {
                return Optional.of(details(new DtiUser(user.username(), user.role(), user.scope(), user.province()),
                        user.password()));
            }
        }
        if (username.startsWith(UNIT_OFFICER_PREFIX)) {
            String unitCode = username.substring(UNIT_OFFICER_PREFIX.length()).toUpperCase(Locale.ROOT);
            List<String> provinces = jdbc.queryForList("select province_code from unit where code = ?", String.class,
                    unitCode);
            for (PasswordUsersProperties.UnitOfficers officers : unitOfficers) {
                if (provinces.contains(officers.province())) {
                    return Optional.of(details(new DtiUser(username, Role.UNIT_OFFICER, unitCode, officers.province()),
                            officers.password()));
                }
            }
        }
        return Optional.empty();
    }

    private static DtiUserDetails details(DtiUser user, String password) {
        return new DtiUserDetails(user, password);
    }

    /** Spring Security's view of a {@link DtiUser}. */
    static final class DtiUserDetails extends User implements DtiPrincipal {
        private final DtiUser user;

        DtiUserDetails(DtiUser user, String password) {
            super(user.username(), password, List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())));
            this.user = user;
        }

        @Override
        public DtiUser dtiUser() {
            return user;
        }
    }
}
