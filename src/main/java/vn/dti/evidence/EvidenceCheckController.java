package vn.dti.evidence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.dti.security.CurrentUser;

@RestController
@Tag(name = "Tài liệu kiểm chứng")
class EvidenceCheckController {

    private final EvidenceCheckService checks;
    private final CurrentUser currentUser;

    EvidenceCheckController(EvidenceCheckService checks, CurrentUser currentUser) {
        this.checks = checks;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/assessments/{id}/checks")
    @Operation(summary = "Các điểm cần xem lại của một phiếu: mục có điểm mà không có tài liệu kiểm chứng hay giải"
            + " trình (chặn việc nộp), tài liệu ngoài kỳ số liệu, tệp dùng chung với đơn vị khác, tỷ lệ vượt 100%,"
            + " số liệu mâu thuẫn giữa các mục")
    EvidenceCheckService.Checks checks(@PathVariable long id) {
        return checks.checks(id, currentUser.get());
    }
}
