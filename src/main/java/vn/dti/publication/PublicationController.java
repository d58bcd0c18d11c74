package vn.dti.publication;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.dti.framework.NotFoundException;
import vn.dti.security.CurrentUser;

import java.util.List;

@RestController
@Tag(name = "Kết quả công bố")
class PublicationController {

    private final PublicationService publications;
    private final ExclusionDecisions exclusions;
    private final CurrentUser currentUser;

    PublicationController(PublicationService publications, ExclusionDecisions exclusions, CurrentUser currentUser) {
        this.publications = publications;
        this.exclusions = exclusions;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/cycles/{cycleId}/exclusions")
    @Operation(summary = "Các tiêu chí được đề xuất loại trừ (ít đơn vị có số liệu) và quyết định của Hội đồng",
            description = "Chỉ khi quy chế của bộ chỉ số quy định loại trừ (QĐ 2326/QĐ-UBND mục II.2.b); nơi khác rỗng.")
    List<ExclusionDecisions.Proposal> exclusions(@PathVariable long cycleId) {
        return exclusions.proposals(cycleId, currentUser.get());
    }

    @PutMapping("/api/cycles/{cycleId}/exclusions/{item}")
    @Operation(summary = "Hội đồng loại trừ hoặc giữ một tiêu chí được đề xuất, có lý do (ghi nhật ký)")
    ExclusionDecisions.Proposal decide(@PathVariable long cycleId, @PathVariable String item,
                                       @RequestBody ExclusionDecisions.Decision decision) {
        return exclusions.decide(cycleId, item, decision, currentUser.get());
    }

    @GetMapping("/api/publications/{cycleId}")
    @Operation(summary = "Kết quả đã công bố của một kỳ đánh giá và dự thảo quyết định công bố (công khai)")
    PublicationService.Publication get(@PathVariable long cycleId) {
        return publications.publication(cycleId).orElseThrow(() ->
                new NotFoundException("Kỳ đánh giá số " + cycleId + " chưa công bố kết quả"));
    }
}
