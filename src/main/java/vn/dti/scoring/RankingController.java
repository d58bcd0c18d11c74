package vn.dti.scoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/rankings")
@Tag(name = "Chấm điểm và xếp hạng")
class RankingController {

    private final RankingService service;

    RankingController(RankingService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Tính điểm, xếp loại và xếp hạng từ một bảng điểm",
            description = "Không lưu gì: trả về thứ hạng từng nhóm (sở; huyện; xã theo từng huyện), điểm từng mục "
                    + "ở ba cột (tự đánh giá, thẩm định, sau thẩm định), tổng theo trụ cột/chỉ số chính và thống kê nhóm.")
    RankingView rank(@RequestBody ScoreSheetRequest request) {
        return RankingView.of(service.rank(request));
    }
}
