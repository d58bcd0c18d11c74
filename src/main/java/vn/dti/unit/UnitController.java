package vn.dti.unit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.dti.framework.NotFoundException;
import vn.dti.indicator.Level;
import vn.dti.security.CurrentUser;
import vn.dti.unit.UnitAdministration.NewUnit;

import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/provinces")
@Tag(name = "Tỉnh và đơn vị")
class UnitController {

    private final UnitCatalog catalog;
    private final UnitAdministration administration;
    private final CurrentUser currentUser;

    UnitController(UnitCatalog catalog, UnitAdministration administration, CurrentUser currentUser) {
        this.catalog = catalog;
        this.administration = administration;
        this.currentUser = currentUser;
    }

    @GetMapping
    @Operation(summary = "Danh sách tỉnh, với ngưỡng xếp loại của từng tỉnh")
    List<ProvinceView> provinces() {
        return catalog.provinces().stream().map(ProvinceView::of).toList();
    }

    @GetMapping("/{code}/units")
    @Operation(summary = "Đơn vị được đánh giá của một tỉnh, lọc theo cấp nếu có; retired=true kể cả đơn vị đã ngừng")
    List<UnitView> units(@PathVariable String code, @RequestParam(required = false) Level level,
                         @RequestParam(defaultValue = "false") boolean retired) {
        catalog.province(code).orElseThrow(() -> new NotFoundException("Không có tỉnh mã " + code));
        List<Unit> units = retired ? catalog.allUnits(code) : catalog.units(code);
        return units.stream().filter(unit -> level == null || unit.getLevel() == level).map(UnitView::of).toList();
    }

    @PostMapping("/{code}/units")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Thêm một đơn vị được đánh giá (quản trị viên của tỉnh)")
    UnitView add(@PathVariable String code, @RequestBody NewUnit request) {
        return UnitView.of(administration.add(code, request, currentUser.get()));
    }

    @PutMapping("/{code}/units/{unit}")
    @Operation(summary = "Đổi tên một đơn vị (quản trị viên của tỉnh); tên cũ thành tên khác của đơn vị")
    UnitView rename(@PathVariable String code, @PathVariable String unit, @RequestBody RenameRequest request) {
        return UnitView.of(administration.rename(code, unit, request.name(), request.reason(), currentUser.get()));
    }

    @PostMapping("/{code}/units/{unit}/retirement")
    @Operation(summary = "Ngừng đánh giá một đơn vị từ hôm nay (quản trị viên của tỉnh); kết quả các năm trước giữ nguyên")
    UnitView retire(@PathVariable String code, @PathVariable String unit, @RequestBody RetireRequest request) {
        return UnitView.of(administration.retire(code, unit, request.reason(), currentUser.get()));
    }

    record RenameRequest(String name, String reason) {
    }

    record RetireRequest(String reason) {
    }

    record ProvinceView(String code, String name) {
        static ProvinceView of(Province p) {
            return new ProvinceView(p.getCode(), p.getName());
        }
    }

    /** {@code validUntil}: the last day a retired unit was evaluated; absent while it is. */
    record UnitView(String code, String name, Level level, String levelLabel, String parentCode,
                    List<String> aliases, LocalDate validUntil) {
        static UnitView of(Unit u) {
            return new UnitView(u.getCode(), u.getName(), u.getLevel(), u.getLevel().label(), u.getParentCode(),
                    u.getAliases(), u.getValidUntil());
        }
    }
}
