package vn.dti.indicator;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dti.framework.ConflictException;
import vn.dti.framework.FieldProblem;
import vn.dti.framework.ForbiddenException;
import vn.dti.framework.InvalidInputException;
import vn.dti.framework.NotFoundException;
import vn.dti.framework.VietnameseFormat;
import vn.dti.security.CurrentUser;
import vn.dti.security.DtiUser;
import vn.dti.security.Role;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** The administrator's pages of the province's indicator set versions: the list, each one's tree, and an upload. */
@Controller
@RequestMapping("/admin/indicator-sets")
class IndicatorSetPages {


    private final IndicatorSetCatalog catalog;
    private final IndicatorSetUploads uploads;
    private final CurrentUser currentUser;

    IndicatorSetPages(IndicatorSetCatalog catalog, IndicatorSetUploads uploads, CurrentUser currentUser) {
        this.catalog = catalog;
        this.uploads = uploads;
        this.currentUser = currentUser;
    }

    @GetMapping
    String list(Model model) {
        return list(admin(), model);
    }

    @PostMapping
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        DtiUser user = admin();
        String name = file == null ? null : file.getOriginalFilename();
        try {
            if (file == null || file.isEmpty() && (name == null || name.isBlank())) {
                throw new InvalidInputException("file", "hãy chọn tệp YAML của bộ chỉ số");
            }
            IndicatorSet set = uploads.upload(name, file.getBytes(), user);
            redirect.addFlashAttribute("notice", "Đã lưu phiên bản " + set.id() + " từ tệp " + name + ".");
            return "redirect:/admin/indicator-sets/" + set.id();
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problems", e.problems().stream().map(FieldProblem::reason).toList());
        } catch (ConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("problems", List.of(e.getMessage()));
        } catch (ForbiddenException e) {
            // A file of another province: the administrator reads why beside the form, and nothing is stored.
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("problems", List.of(e.getMessage()));
        }
        model.addAttribute("rejectedFile", name == null || name.isBlank() ? "tệp" : name);
        return list(user, model);
    }

    @GetMapping("/{id}")
    String tree(@PathVariable String id, Model model) {
        DtiUser user = admin();
        IndicatorSet set = catalog.get(id).orElseThrow(() -> new NotFoundException("Không có bộ chỉ số " + id));
        if (!set.province().equals(user.province())) {
            throw new ForbiddenException("Bộ chỉ số " + id + " không thuộc tỉnh bạn quản trị");
        }
        model.addAttribute("set", row(set, today()));
        model.addAttribute("notes", set.notes());
        model.addAttribute("nodes", set.items().stream().map(IndicatorSetPages::node).toList());
        return "admin/indicator-set";
    }

    private String list(DtiUser user, Model model) {
        LocalDate today = today();
        List<IndicatorSet> sets = catalog.all().stream().filter(set -> set.province().equals(user.province())).toList();
        model.addAttribute("province", user.province());
        model.addAttribute("levels", Arrays.stream(Level.values())
                .map(level -> new LevelSets(capitalized(level.label()), sets.stream().filter(set -> set.level() == level)
                        .map(set -> row(set, today)).toList()))
                .toList());
        return "admin/indicator-sets";
    }

    private SetRow row(IndicatorSet set, LocalDate today) {
        boolean inForce = set.effectiveFrom() != null && catalog.inForce(set.province(), set.level(), today)
                .map(current -> current.id().equals(set.id())).orElse(false);
        SourceDecision source = set.source();
        String decision = source.number() == null ? "" : source.number()
                + (source.date() == null ? "" : " ngày " + VietnameseFormat.date(source.date()));
        return new SetRow(set.id(), capitalized(set.level().label()), set.version(),
                set.effectiveFrom() == null ? "chưa có" : VietnameseFormat.date(set.effectiveFrom()), decision,
                source.title(), points(set.scale()), set.complete(), inForce, set.items().size(), set.leaves().size(),
                set.notes().size());
    }

    private static NodeView node(IndicatorNode node) {
        return new NodeView(node.code(), node.name(), node.type() == null ? "" : node.type().label(),
                node.points() == null ? "chưa có điểm" : points(node.points()) + " điểm",
                node.kind() == null ? null : node.kind().label(), node.parts(),
                node.children().stream().map(IndicatorSetPages::node).toList());
    }

    /** Maximum points as the decisions print them: "20", "12,5". */
    private static String points(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private static String capitalized(String text) {
        return text.substring(0, 1).toUpperCase() + text.substring(1);
    }

    private static LocalDate today() {
        return LocalDate.now(VietnameseFormat.VIETNAM);
    }

    private DtiUser admin() {
        DtiUser user = currentUser.get();
        if (user.role() != Role.ADMIN) {
            throw new ForbiddenException("Trang quản trị chỉ dành cho quản trị viên tỉnh");
        }
        return user;
    }

    record LevelSets(String label, List<SetRow> sets) {
    }

    record SetRow(String id, String level, String version, String effectiveFrom, String decision, String title,
                  String scale, boolean complete, boolean inForce, int topLevelCount, int leafCount, int noteCount) {
    }

    record NodeView(String code, String name, String type, String points, String kind, List<String> parts,
                    List<NodeView> children) {
    }
}
