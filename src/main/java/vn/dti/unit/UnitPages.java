package vn.dti.unit;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dti.framework.ConflictException;
import vn.dti.framework.FieldProblem;
import vn.dti.framework.ForbiddenException;
import vn.dti.framework.InvalidInputException;
import vn.dti.framework.NotFoundException;
import vn.dti.framework.VietnameseFormat;
import vn.dti.indicator.Level;
import vn.dti.security.CurrentUser;
import vn.dti.security.DtiUser;
import vn.dti.security.Role;
import vn.dti.unit.UnitAdministration.NewUnit;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The administrator's page of the province's units: Sở, huyện, and the xã of each huyện, with codes and aliases;
 * forms to add a unit, rename one and retire one. {@link UnitAdministration} decides; a refusal is shown beside the
 * form that caused it, in its words, with what was typed.
 */
@Controller
class UnitPages {

    private static final String ADD = "add";
    private static final String RENAME = "rename";
    private static final String RETIRE = "retire";

    private final UnitCatalog catalog;
    private final UnitAdministration administration;
    private final CurrentUser currentUser;

    UnitPages(UnitCatalog catalog, UnitAdministration administration, CurrentUser currentUser) {
        this.catalog = catalog;
        this.administration = administration;
        this.currentUser = currentUser;
    }

    @GetMapping("/admin/units")
    String units(Model model) {
        return page(admin(), model);
    }

    @PostMapping("/admin/units")
    String add(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
               @RequestParam(required = false) String level, @RequestParam(required = false) String parent,
               @RequestParam(required = false) String aliases, Model model, RedirectAttributes redirect,
               HttpServletResponse response) {
        DtiUser user = admin();
        FormState typed = new FormState(ADD, code, name, level, parent, aliases, null, List.of());
        return act(user, typed, model, response, () -> {
            Unit unit = administration.add(user.province(), new NewUnit(code, name, level(level),
                    parent, aliases == null ? List.of() : Arrays.stream(aliases.split(";")).toList()), user);
            redirect.addFlashAttribute("notice", "Đã thêm " + unit.getName() + " (" + unit.getCode() + ").");
            return "redirect:/admin/units";
        });
    }

    @PostMapping("/admin/units/rename")
    String rename(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        DtiUser user = admin();
        FormState typed = new FormState(RENAME, code, name, null, null, null, reason, List.of());
        return act(user, typed, model, response, () -> {
            String before = catalog.unit(code).map(Unit::getName).orElse(code);
            Unit unit = administration.rename(user.province(), code, name, reason, user);
            redirect.addFlashAttribute("notice", "Đã đổi tên " + before + " thành " + unit.getName()
                    + "; tên cũ được giữ làm tên khác của đơn vị.");
            return "redirect:/admin/units";
        });
    }

    @PostMapping("/admin/units/retire")
    String retire(@RequestParam(required = false) String code, @RequestParam(required = false) String reason,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        DtiUser user = admin();
        FormState typed = new FormState(RETIRE, code, null, null, null, null, reason, List.of());
        return act(user, typed, model, response, () -> {
            Unit unit = administration.retire(user.province(), code, reason, user);
            redirect.addFlashAttribute("notice", "Đã ngừng đánh giá " + unit.getName() + " từ sau ngày "
                    + VietnameseFormat.date(unit.getValidUntil()) + "; kết quả các năm trước giữ nguyên.");
            return "redirect:/admin/units";
        });
    }

    private DtiUser admin() {
        DtiUser user = currentUser.get();
        if (user.role() != Role.ADMIN) {
            throw new ForbiddenException("Trang quản trị chỉ dành cho quản trị viên tỉnh");
        }
        return user;
    }

    /** Runs a form's action; a refusal answers with its status and shows the page with the problems by the form. */
    private String act(DtiUser user, FormState typed, Model model, HttpServletResponse response,
                       Supplier<String> action) {
        try {
            return action.get();
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("failed", typed.with(e.problems().stream()
                    .map(problem -> label(problem) + problem.reason()).toList()));
        } catch (ConflictException | NotFoundException e) {
            response.setStatus(e instanceof ConflictException ? HttpServletResponse.SC_CONFLICT
                    : HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("failed", typed.with(List.of(e.getMessage())));
        }
        return page(user, model);
    }

    private static String label(FieldProblem problem) {
        return switch (problem.field()) {
            case "code" -> "Mã: ";
            case "name" -> "Tên: ";
            case "level" -> "Cấp: ";
            case "parent" -> "Huyện: ";
            case "reason" -> "Lý do: ";
            default -> "";
        };
    }

    private static Level level(String level) {
        try {
            return level == null || level.isBlank() ? null : Level.valueOf(level);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("level", "không có cấp '" + level + "'");
        }
    }

    private String page(DtiUser user, Model model) {
        String province = user.province();
        List<Unit> huyen = catalog.units(province, Level.HUYEN);
        List<Unit> xa = catalog.units(province, Level.XA);
        model.addAttribute("province", catalog.province(province).map(Province::getName).orElse(province));
        model.addAttribute("provinceCode", province);
        model.addAttribute("so", catalog.units(province, Level.SO));
        model.addAttribute("huyen", huyen);
        model.addAttribute("xaGroups", huyen.stream()
                .map(parent -> new XaGroup(parent, xa.stream().filter(u -> parent.getCode().equals(u.getParentCode()))
                        .toList()))
                .filter(group -> !group.units().isEmpty())
                .toList());
        model.addAttribute("active", catalog.units(province));
        model.addAttribute("retired", catalog.allUnits(province).stream().filter(unit -> !unit.isActive())
                .map(unit -> new RetiredUnit(unit, VietnameseFormat.date(unit.getValidUntil()))).toList());
        model.addAttribute("levels", Level.values());
        if (!model.containsAttribute("failed")) {
            model.addAttribute("failed", new FormState("", null, null, null, null, null, null, List.of()));
        }
        return "admin/units";
    }

    record XaGroup(Unit huyen, List<Unit> units) {
    }

    record RetiredUnit(Unit unit, String lastDay) {
    }

    /** What a form sent, shown again with its problems; {@code form} is add, rename or retire. */
    record FormState(String form, String code, String name, String level, String parent, String aliases,
                     String reason, List<String> problems) {

        FormState with(List<String> found) {
            return new FormState(form, code, name, level, parent, aliases, reason, found);
        }

        public boolean failed(String which) {
            return form.equals(which) && !problems.isEmpty();
        }

        /** The value typed in this form, or empty for the others. */
        public String typed(String which, String value) {
            return form.equals(which) && value != null ? value : "";
        }
    }
}
