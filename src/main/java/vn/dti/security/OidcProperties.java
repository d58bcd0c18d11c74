package vn.dti.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * {@code dti.security.oidc.*}: how a person signed in with OIDC becomes a platform user. Claim names may be paths
 * into nested claims ({@code realm_access.roles}, as Keycloak writes realm roles). The client itself is Spring Boot's
 * {@code spring.security.oauth2.client.*}; without it, OIDC is off.
 *
 * @param usernameClaim the user's name on the platform (audit log, assignee)
 * @param roleClaim     a text or a list of texts, matched against {@code roles}
 * @param roles         claim value → role; when a person carries several, the first listed here wins
 * @param scopeClaim    the unit's code for an officer; the province's or huyện's code for the council and chairman;
 *                      the province's code for an administrator
 * @param provinceClaim optional: the province's code; when absent it is read from the scope
 */
@ConfigurationProperties("dti.security.oidc")
record OidcProperties(@DefaultValue("preferred_username") String usernameClaim,
                      @DefaultValue("realm_access.roles") String roleClaim,
                      List<OidcClaimsMapper.RoleMapping> roles,
                      @DefaultValue("dti_scope") String scopeClaim,
                      @DefaultValue("dti_province") String provinceClaim) {

    OidcProperties {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    OidcClaimsMapper.Settings settings() {
        return new OidcClaimsMapper.Settings(usernameClaim, roleClaim, roles, scopeClaim, provinceClaim);
    }
}
