package vn.dti.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.dti.security.OidcClaimsMapper.KnownScope.Kind.HUYEN;
import static vn.dti.security.OidcClaimsMapper.KnownScope.Kind.PROVINCE;
import static vn.dti.security.OidcClaimsMapper.KnownScope.Kind.SO;
import static vn.dti.security.OidcClaimsMapper.KnownScope.Kind.XA;

/** From an OIDC token's claims to a platform user, by configuration only; no provider is needed to test it. */
class OidcClaimsMapperTest {

    private static final Map<String, OidcClaimsMapper.KnownScope> CATALOG = Map.of(
            "BN", new OidcClaimsMapper.KnownScope("BN", PROVINCE),
            "BN-S01", new OidcClaimsMapper.KnownScope("BN", SO),
            "TN", new OidcClaimsMapper.KnownScope("TN", PROVINCE),
            "TN-H01", new OidcClaimsMapper.KnownScope("TN", HUYEN),
            "TN-X001", new OidcClaimsMapper.KnownScope("TN", XA));

    /** Keycloak's way: realm roles under realm_access.roles, the scope as a user attribute mapped into the token. */
    private static final OidcClaimsMapper KEYCLOAK = mapper(new OidcClaimsMapper.Settings("preferred_username",
            "realm_access.roles", List.of(
            new OidcClaimsMapper.RoleMapping("dti-quan-tri-nen-tang", Role.PLATFORM_ADMIN),
            new OidcClaimsMapper.RoleMapping("dti-quan-tri", Role.ADMIN),
            new OidcClaimsMapper.RoleMapping("dti-chu-tich", Role.CHAIRMAN),
            new OidcClaimsMapper.RoleMapping("dti-hoi-dong", Role.COUNCIL),
            new OidcClaimsMapper.RoleMapping("dti-can-bo", Role.UNIT_OFFICER)), "dti_scope", "dti_province"));

    private static OidcClaimsMapper mapper(OidcClaimsMapper.Settings settings) {
        return new OidcClaimsMapper(settings, code -> Optional.ofNullable(CATALOG.get(code)));
    }

    @AfterEach
    void forgetTheSignedInUser() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aHuyensCouncilMemberFromKeycloakRealmRoles() {
        DtiUser user = KEYCLOAK.map(Map.of("sub", "6f1c", "preferred_username", "nguyen.van.a",
                "realm_access", Map.of("roles", List.of("offline_access", "dti-hoi-dong")),
                "dti_scope", "tn-h01"));

        assertThat(user).isEqualTo(new DtiUser("nguyen.van.a", Role.COUNCIL, "TN-H01", "TN"));
        assertThat(user.groups()).containsExactly("council:TN-H01");
    }

    @Test
    void aUnitOfficersProvinceIsReadFromItsUnitWhenTheTokenDoesNotSayIt() {
        DtiUser user = KEYCLOAK.map(Map.of("preferred_username", "tran.thi.b",
                "realm_access", Map.of("roles", List.of("dti-can-bo")), "dti_scope", List.of("BN-S01")));

        assertThat(user).isEqualTo(new DtiUser("tran.thi.b", Role.UNIT_OFFICER, "BN-S01", "BN"));
    }

    @Test
    void thePlatformsAdministratorNeedsNoScopeAndGetsNoProvince() {
        DtiUser user = KEYCLOAK.map(Map.of("preferred_username", "le.van.c",
                "realm_access", Map.of("roles", List.of("dti-quan-tri-nen-tang"))));

        assertThat(user).isEqualTo(new DtiUser("le.van.c", Role.PLATFORM_ADMIN, DtiUser.PLATFORM, DtiUser.PLATFORM));
        assertThat(user.isAdminOf("BN")).isFalse();
    }

    @Test
    void aPersonWithSeveralRolesGetsTheFirstConfigured() {
        DtiUser user = KEYCLOAK.map(Map.of("preferred_username", "le.c",
                "realm_access", Map.of("roles", List.of("dti-hoi-dong", "dti-quan-tri")), "dti_scope", "BN",
                "dti_province", "BN"));

        assertThat(user.role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void claimNamesAndValuesAreConfigurable() {
        OidcClaimsMapper identity = mapper(new OidcClaimsMapper.Settings("email", "groups",
                List.of(new OidcClaimsMapper.RoleMapping("/so-tttt/chu-tich", Role.CHAIRMAN)), "don_vi", "tinh"));

        DtiUser user = identity.map(Map.of("email", "chutich@bacninh.gov.vn", "groups", "/so-tttt/chu-tich",
                "don_vi", "BN", "tinh", "bn"));

        assertThat(user).isEqualTo(new DtiUser("chutich@bacninh.gov.vn", Role.CHAIRMAN, "BN", "BN"));
    }

    @Test
    void aPersonWithoutAConfiguredRoleIsRefusedSayingWhichValuesTheTokenCarried() {
        assertThatThrownBy(() -> KEYCLOAK.map(Map.of("preferred_username", "khach",
                "realm_access", Map.of("roles", List.of("offline_access")), "dti_scope", "BN")))
                .isInstanceOf(OidcClaimsMapper.RefusedException.class)
                .hasMessage("Tài khoản khach chưa được gán vai trò nào trên nền tảng (claim 'realm_access.roles':"
                        + " offline_access)");
    }

    @Test
    void aScopeThatDoesNotFitTheRoleOrIsUnknownIsRefused() {
        assertThatThrownBy(() -> KEYCLOAK.map(Map.of("preferred_username", "a",
                "realm_access", Map.of("roles", List.of("dti-quan-tri")), "dti_scope", "TN-H01")))
                .hasMessage("Phạm vi 'TN-H01' không hợp với vai trò quản trị viên của tài khoản a: cần mã tỉnh");
        assertThatThrownBy(() -> KEYCLOAK.map(Map.of("preferred_username", "b",
                "realm_access", Map.of("roles", List.of("dti-can-bo")), "dti_scope", "TN")))
                .hasMessage("Phạm vi 'TN' không hợp với vai trò cán bộ đơn vị của tài khoản b: cần mã một đơn vị");
        assertThatThrownBy(() -> KEYCLOAK.map(Map.of("preferred_username", "c",
                "realm_access", Map.of("roles", List.of("dti-hoi-dong")), "dti_scope", "XX-H09")))
                .hasMessage("Phạm vi 'XX-H09' của tài khoản c không phải mã tỉnh hay đơn vị nào của nền tảng");
        assertThatThrownBy(() -> KEYCLOAK.map(Map.of("preferred_username", "d",
                "realm_access", Map.of("roles", List.of("dti-hoi-dong")))))
                .hasMessageStartingWith("Tài khoản d chưa có phạm vi (claim 'dti_scope'");
    }

    @Test
    void aProvinceClaimThatContradictsTheScopeIsRefused() {
        assertThatThrownBy(() -> KEYCLOAK.map(Map.of("preferred_username", "e",
                "realm_access", Map.of("roles", List.of("dti-can-bo")), "dti_scope", "TN-X001",
                "dti_province", "BN")))
                .hasMessage("Tỉnh 'BN' của tài khoản e khác tỉnh của phạm vi 'TN-X001' (TN)");
    }

    @Test
    void currentUserIsTheMappedUserOfAnOidcSignIn() {
        DtiUser mapped = new DtiUser("nguyen.van.a", Role.COUNCIL, "TN-H01", "TN");
        OidcIdToken idToken = new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(300),
                Map.of("sub", "6f1c", "preferred_username", "nguyen.van.a"));
        DtiOidcUser principal = new DtiOidcUser(mapped, idToken, null);
        SecurityContextHolder.getContext().setAuthentication(
                new OAuth2AuthenticationToken(principal, principal.getAuthorities(), "keycloak"));

        assertThat(new CurrentUser().get()).isEqualTo(mapped);
        assertThat(principal.getName()).isEqualTo("nguyen.van.a");
        assertThat(principal.getAuthorities()).extracting(a -> a.getAuthority()).containsExactly("ROLE_COUNCIL");
    }
}
