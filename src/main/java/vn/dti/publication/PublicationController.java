package vn.dti.publication;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.dti.framework.NotFoundException;

@RestController
@Tag(name = "Kết quả công bố")
class PublicationController {

    private final PublicationService publications;

    PublicationController(PublicationService publications) {
        this.publications = publications;
    }

    @GetMapping("/api/publications/{cycleId}")
    @Operation(summary = "Kết quả đã công bố của một kỳ đánh giá và dự thảo quyết định công bố (công khai)")
    PublicationService.Publication get(@PathVariable long cycleId) {
        return publications.publication(cycleId).orElseThrow(() ->
                new NotFoundException("Kỳ đánh giá số " + cycleId + " chưa công bố kết quả"));
    }
}
