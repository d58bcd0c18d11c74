package vn.dti.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.dti.framework.ForbiddenException;

/** The signed-in user of the current request, for the services that decide what that user may do. */
@Component
public class CurrentUser {

    public DtiUser get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof DemoUserDetailsService.DtiUserDetails details) {
            return details.user();
        }
        throw new ForbiddenException("Cần đăng nhập");
    }
}
