package vn.dti.audit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import vn.dti.framework.InvalidInputException;
import vn.dti.framework.VietnameseFormat;
import vn.dti.security.CurrentUser;
import vn.dti.security.DtiUser;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;

/** The audit log page: the API's filters as a form, each entry with its before and after in words. */
@Controller
class AuditPages {

    static final int PAGE_SIZE = 50;
    private static final Map<String, String> FIELD_LABELS = Map.of("unit", "Đơn vị", "action", "Hành động",
            "from", "Từ ngày", "to", "Đến ngày", "page", "Trang");
    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private final AuditService audit;
    private final CurrentUser currentUser;

    AuditPages(AuditService audit, CurrentUser currentUser) {
        this.audit = audit;
        this.currentUser = currentUser;
    }

    record Row(AuditService.Entry entry, List<AuditFormat.Line> before, List<AuditFormat.Line> after) {
    }

    @GetMapping("/admin/audit")
    String log(@RequestParam(required = false) String unit, @RequestParam(required = false) String action,
               @RequestParam(required = false) String from, @RequestParam(required = false) String to,
               @RequestParam(defaultValue = "0") int page, Model model) {
        DtiUser user = currentUser.get();
        model.addAttribute("units", audit.readableUnits(user));
        model.addAttribute("actions", AuditActions.LABELS);
        model.addAttribute("unit", unit);
        model.addAttribute("action", action);
        // The fields show dates the Vietnamese way, whichever way the address wrote them.
        model.addAttribute("from", vietnameseDate(from));
        model.addAttribute("to", vietnameseDate(to));
        try {
            AuditService.Result result = audit.read(new AuditService.Query(unit, action, from, to, page, PAGE_SIZE),
                    user);
            model.addAttribute("rows", result.entries().stream().map(entry -> new Row(entry,
                    AuditFormat.lines(entry.before()), AuditFormat.lines(entry.after()))).toList());
            model.addAttribute("total", result.total());
            model.addAttribute("first", (long) page * PAGE_SIZE + 1);
            model.addAttribute("last", (long) page * PAGE_SIZE + result.entries().size());
            model.addAttribute("previous", page > 0 ? link(unit, action, from, to, page - 1) : null);
            model.addAttribute("next", (long) (page + 1) * PAGE_SIZE < result.total()
                    ? link(unit, action, from, to, page + 1) : null);
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems().stream()
                    .map(p -> FIELD_LABELS.getOrDefault(p.field(), p.field()) + ": " + p.reason()).toList());
            model.addAttribute("rows", List.of());
            model.addAttribute("total", 0L);
        }
        return "audit/log";
    }

    private static String vietnameseDate(String text) {
        if (text == null || text.isBlank()) {
            return text;
        }
        try {
            String value = text.strip();
            return VietnameseFormat.date(value.contains("/") ? LocalDate.parse(value, VIETNAMESE_DATE)
                    : LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    private static String link(String unit, String action, String from, String to, int page) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/admin/audit");
        addIfGiven(link, "unit", unit);
        addIfGiven(link, "action", action);
        addIfGiven(link, "from", from);
        addIfGiven(link, "to", to);
        return link.queryParam("page", page).encode().build().toUriString();
    }

    private static void addIfGiven(UriComponentsBuilder link, String name, String value) {
        if (value != null && !value.isBlank()) {
            link.queryParam(name, value);
        }
    }
}
