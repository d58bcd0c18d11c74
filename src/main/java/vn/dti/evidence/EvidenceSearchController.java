package vn.dti.evidence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dti.security.CurrentUser;

@RestController
@Tag(name = "Tài liệu kiểm chứng")
class EvidenceSearchController {

    private final EvidenceSearch search;
    private final CurrentUser currentUser;

    EvidenceSearchController(EvidenceSearch search, CurrentUser currentUser) {
        this.search = search;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/evidence/search")
    @Operation(summary = "Tìm trong nội dung tài liệu kiểm chứng (không phân biệt dấu, hoa thường), trong phạm vi"
            + " người dùng được xem; lọc theo tỉnh, kỳ đánh giá, năm, đơn vị, mục, loại văn bản. Chỉ 500 kết quả"
            + " mới nhất (sau khi lọc) được xếp hạng; quá số đó, câu trả lời báo \"hơn 500 kết quả — hãy thu hẹp tìm"
            + " kiếm\"")
    EvidenceSearch.Result search(@RequestParam String q, @RequestParam(required = false) String province,
                                 @RequestParam(required = false) Long cycle,
                                 @RequestParam(required = false) Integer year,
                                 @RequestParam(required = false) String unit,
                                 @RequestParam(required = false) String item,
                                 @RequestParam(required = false) String kind,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "20") int size) {
        return search.search(new EvidenceSearch.Request(q, province, cycle, year, unit, item, kind, page, size),
                currentUser.get());
    }
}
