package vn.dti.publication;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dti.framework.ForbiddenException;
import vn.dti.security.CurrentUser;
import vn.dti.security.DtiUser;
import vn.dti.security.Role;
import vn.dti.unit.Unit;
import vn.dti.unit.UnitCatalog;

import java.io.IOException;
import java.util.List;

/**
 * "Kết quả của tôi": a unit officer's own unit's published result, item by item next to the group's average. Only
 * the officer's unit (there is no parameter naming another), and nothing before publication.
 */
@Controller
class MyResultPages {

    private final UnitResults results;
    private final UnitCatalog units;
    private final CurrentUser currentUser;

    MyResultPages(UnitResults results, UnitCatalog units, CurrentUser currentUser) {
        this.results = results;
        this.units = units;
        this.currentUser = currentUser;
    }

    @GetMapping("/my-result")
    String myResult(@RequestParam(required = false) Integer year, Model model) {
        DtiUser user = currentUser.get();
        if (user.role() != Role.UNIT_OFFICER) {
            throw new ForbiddenException("Trang này dành cho cán bộ của đơn vị được đánh giá");
        }
        model.addAttribute("unitName", units.unit(user.scope()).map(Unit::getName).orElse(user.scope()));
        List<UnitResults.Participation> participations = results.participations(user.scope());
        model.addAttribute("participations", participations);
        participations.stream()
                .filter(p -> year == null || p.year() == year)
                .findFirst()
                .ifPresent(chosen -> {
                    model.addAttribute("chosen", chosen);
                    results.result(chosen.cycleId(), user.scope()).ifPresent(r -> model.addAttribute("result", r));
                });
        return "my-result";
    }

    /** A refusal on a page is the shared error page with its status, not the API's JSON. */
    @ExceptionHandler(ForbiddenException.class)
    void forbidden(ForbiddenException e, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_FORBIDDEN, e.getMessage());
    }
}
