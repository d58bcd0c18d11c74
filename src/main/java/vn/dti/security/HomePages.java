package vn.dti.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page, and the front door that sends each person to the page of their role. */
@Controller
class HomePages {

    private final CurrentUser currentUser;

    HomePages(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @GetMapping(SecurityConfiguration.SIGN_IN_PAGE)
    String signIn() {
        return "login";
    }

    @GetMapping("/")
    String home() {
        return "redirect:" + currentUser.find().map(user -> switch (user.role()) {
            case UNIT_OFFICER -> "/tasks";
            case COUNCIL -> "/council";
            case CHAIRMAN -> "/chairman";
            case ADMIN -> "/admin";
        }).orElse("/results");
    }
}
