package vn.dti.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

import java.util.List;

/** A person signed in with OIDC, as the platform user their claims map to. */
final class DtiOidcUser extends DefaultOidcUser implements DtiPrincipal {

    private final DtiUser user;

    DtiOidcUser(DtiUser user, OidcIdToken idToken, OidcUserInfo userInfo) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())), idToken, userInfo, "sub");
        this.user = user;
    }

    @Override
    public DtiUser dtiUser() {
        return user;
    }

    /** The platform's name of the person (the configured claim), not the token's opaque subject. */
    @Override
    public String getName() {
        return user.username();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DtiOidcUser that && super.equals(that) && user.equals(that.user);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + user.hashCode();
    }
}
