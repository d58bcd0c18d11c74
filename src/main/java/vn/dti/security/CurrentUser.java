package vn.dti.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.dti.framework.ForbiddenException;

import java.util.Optional;

/** The signed-in user of the current request, for the services that decide what that user may do. */
@Component
public class CurrentUser {

    public DtiUser get() {
        return find().orElseThrow(() -> new ForbiddenException("Cần đăng nhập"));
    }

    /** The signed-in user, or empty for a reader of the public pages. */
    public Optional<DtiUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof DtiPrincipal principal) {
            return Optional.of(principal.dtiUser());
        }
        return Optional.empty();
    }
}
