package vn.dti.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.ArrayList;
import java.util.List;

/** The sign-in page, and the front door that sends each person to the page of their role. */
@Controller
class HomePages {

    private final CurrentUser currentUser;
    private final ObjectProvider<ClientRegistrationRepository> oidcClients;
    private final DemoAccounts demoAccounts;

    HomePages(CurrentUser currentUser, ObjectProvider<ClientRegistrationRepository> oidcClients,
              DemoAccounts demoAccounts) {
        this.currentUser = currentUser;
        this.oidcClients = oidcClients;
        this.demoAccounts = demoAccounts;
    }

    /** A way to sign in with OIDC: the link that starts it and the name people know the provider by. */
    record OidcSignIn(String url, String name) {
    }

    @GetMapping(SecurityConfiguration.SIGN_IN_PAGE)
    String signIn(HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (failure instanceof SignInLockedException locked) {
            model.addAttribute("lockedMessage", locked.getMessage());
        }
        if (failure instanceof OAuth2AuthenticationException oidc) {
            // Our own refusals say why in Vietnamese; the provider's errors are its own (English) codes.
            model.addAttribute("oidcMessage", DtiOidcUserService.REFUSED.equals(oidc.getError().getErrorCode())
                    ? oidc.getError().getDescription() : "Đăng nhập qua hệ thống định danh không thành công ("
                    + oidc.getError().getErrorCode() + ").");
        }
        model.addAttribute("oidcSignIns", oidcSignIns());
        model.addAttribute("demoAccountsWarning", demoAccounts.warning());
        return "login";
    }

    private List<OidcSignIn> oidcSignIns() {
        List<OidcSignIn> signIns = new ArrayList<>();
        if (oidcClients.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object each : registrations) {
                ClientRegistration registration = (ClientRegistration) each;
                signIns.add(new OidcSignIn("/oauth2/authorization/" + registration.getRegistrationId(),
                        registration.getClientName()));
            }
        }
        return signIns;
    }

    @GetMapping("/")
    String home() {
        return "redirect:" + currentUser.find().map(user -> switch (user.role()) {
            case UNIT_OFFICER -> "/tasks";
            case COUNCIL -> "/council";
            case CHAIRMAN -> "/chairman";
            case ADMIN -> "/admin";
            // Its one power, the engine's clock, is an API call: its page is the API's description.
            case PLATFORM_ADMIN -> "/swagger-ui.html";
        }).orElse("/results");
    }
}
