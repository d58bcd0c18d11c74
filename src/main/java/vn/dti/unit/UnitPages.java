package vn.dti.unit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.dti.framework.ForbiddenException;
import vn.dti.indicator.Level;
import vn.dti.security.CurrentUser;
import vn.dti.security.DtiUser;
import vn.dti.security.Role;

import java.util.List;

/** The administrator's page of the province's units: Sở, huyện, and the xã of each huyện, with codes and aliases. */
@Controller
class UnitPages {

    private final UnitCatalog catalog;
    private final CurrentUser currentUser;

    UnitPages(UnitCatalog catalog, CurrentUser currentUser) {
        this.catalog = catalog;
        this.currentUser = currentUser;
    }

    @GetMapping("/admin/units")
    String units(Model model) {
        DtiUser user = currentUser.get();
        if (user.role() != Role.ADMIN) {
            throw new ForbiddenException("Trang quản trị chỉ dành cho quản trị viên tỉnh");
        }
        String province = user.province();
        List<Unit> huyen = catalog.units(province, Level.HUYEN);
        List<Unit> xa = catalog.units(province, Level.XA);
        model.addAttribute("province", catalog.province(province).map(Province::getName).orElse(province));
        model.addAttribute("so", catalog.units(province, Level.SO));
        model.addAttribute("huyen", huyen);
        model.addAttribute("xaGroups", huyen.stream()
                .map(parent -> new XaGroup(parent, xa.stream().filter(u -> parent.getCode().equals(u.getParentCode()))
                        .toList()))
                .filter(group -> !group.units().isEmpty())
                .toList());
        return "admin/units";
    }

    record XaGroup(Unit huyen, List<Unit> units) {
    }
}
