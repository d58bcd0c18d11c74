package vn.dti.security;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

/** Loads the OIDC user as usual, then maps its claims to a platform user or refuses the sign-in with the reason. */
@Service
class DtiOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String REFUSED = "dti_refused";

    private final OidcUserService standard = new OidcUserService();
    private final OidcClaimsMapper mapper;

    DtiOidcUserService(OidcProperties properties, JdbcTemplate jdbc) {
        this.mapper = new OidcClaimsMapper(properties.settings(), code -> knownScope(jdbc, code));
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = standard.loadUser(request);
        try {
            return new DtiOidcUser(mapper.map(user.getClaims()), user.getIdToken(), user.getUserInfo());
        } catch (OidcClaimsMapper.RefusedException e) {
            throw new OAuth2AuthenticationException(new OAuth2Error(REFUSED, e.getMessage(), null), e.getMessage());
        }
    }

    private static Optional<OidcClaimsMapper.KnownScope> knownScope(JdbcTemplate jdbc, String code) {
        List<OidcClaimsMapper.KnownScope> found = jdbc.query("select province_code, level from unit where code = ?"
                        + " union all select code, 'PROVINCE' from province where code = ?",
                (rs, n) -> new OidcClaimsMapper.KnownScope(rs.getString(1),
                        OidcClaimsMapper.KnownScope.Kind.valueOf(rs.getString(2))), code, code);
        return found.stream().findFirst();
    }
}
