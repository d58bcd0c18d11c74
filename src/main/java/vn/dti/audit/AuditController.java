package vn.dti.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dti.security.CurrentUser;

@RestController
@Tag(name = "Nhật ký thay đổi")
class AuditController {

    private final AuditService audit;
    private final CurrentUser currentUser;

    AuditController(AuditService audit, CurrentUser currentUser) {
        this.audit = audit;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/audit")
    @Operation(summary = "Nhật ký thay đổi (mới nhất trước): ai, khi nào, làm gì, trước và sau; cho Hội đồng thẩm định"
            + " và quản trị viên của tỉnh (Hội đồng của huyện: các xã của huyện)")
    AuditService.Result read(
            @Parameter(description = "Mã đơn vị, ví dụ BN-S01") @RequestParam(required = false) String unit,
            @Parameter(description = "Mã hành động, ví dụ assessment.self-score") @RequestParam(required = false)
            String action,
            @Parameter(description = "Từ ngày: dd/MM/yyyy hoặc ISO 8601") @RequestParam(required = false) String from,
            @Parameter(description = "Đến hết ngày: dd/MM/yyyy hoặc ISO 8601") @RequestParam(required = false)
            String to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return audit.read(new AuditService.Query(unit, action, from, to, page, size), currentUser.get());
    }
}
