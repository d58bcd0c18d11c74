package vn.dti.unit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dti.framework.NotFoundException;
import vn.dti.indicator.Level;

import java.math.BigDecimal;
import java.util.List;

@RestController
@RequestMapping("/api/provinces")
@Tag(name = "Tỉnh và đơn vị")
class UnitController {

    private final UnitCatalog catalog;

    UnitController(UnitCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "Danh sách tỉnh, với ngưỡng xếp loại của từng tỉnh")
    List<ProvinceView> provinces() {
        return catalog.provinces().stream().map(ProvinceView::of).toList();
    }

    @GetMapping("/{code}/units")
    @Operation(summary = "Đơn vị được đánh giá của một tỉnh, lọc theo cấp nếu có")
    List<UnitView> units(@PathVariable String code, @RequestParam(required = false) Level level) {
        catalog.province(code).orElseThrow(() -> new NotFoundException("Không có tỉnh mã " + code));
        return (level == null ? catalog.units(code) : catalog.units(code, level)).stream().map(UnitView::of).toList();
    }

    record ProvinceView(String code, String name, BigDecimal bandGood, BigDecimal bandFair, BigDecimal bandAverage) {
        static ProvinceView of(Province p) {
            return new ProvinceView(p.getCode(), p.getName(), p.getBandGood(), p.getBandFair(), p.getBandAverage());
        }
    }

    record UnitView(String code, String name, Level level, String levelLabel, String parentCode,
                    List<String> aliases) {
        static UnitView of(Unit u) {
            return new UnitView(u.getCode(), u.getName(), u.getLevel(), u.getLevel().label(), u.getParentCode(),
                    u.getAliases());
        }
    }
}
