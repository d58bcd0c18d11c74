package vn.dti.indicator;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.dti.framework.NotFoundException;
import vn.dti.security.CurrentUser;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/indicator-sets")
@Tag(name = "Bộ chỉ số")
class IndicatorSetController {

    private final IndicatorSetCatalog catalog;
    private final IndicatorSetUploads uploads;
    private final CurrentUser currentUser;

    IndicatorSetController(IndicatorSetCatalog catalog, IndicatorSetUploads uploads, CurrentUser currentUser) {
        this.catalog = catalog;
        this.uploads = uploads;
        this.currentUser = currentUser;
    }

    @GetMapping
    @Operation(summary = "Các phiên bản bộ chỉ số, lọc theo tỉnh và cấp nếu có")
    List<Summary> list(@RequestParam(required = false) String province, @RequestParam(required = false) Level level) {
        return catalog.all().stream()
                .filter(set -> province == null || set.province().equals(province))
                .filter(set -> level == null || set.level() == level)
                .map(Summary::of)
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Một phiên bản bộ chỉ số với toàn bộ cây chỉ số")
    IndicatorSet get(@PathVariable String id) {
        return catalog.get(id).orElseThrow(() -> new NotFoundException("Không có bộ chỉ số " + id));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Tải lên một phiên bản bộ chỉ số mới (tệp YAML, quản trị viên của tỉnh); không thay phiên bản đã có")
    Summary upload(@RequestParam("file") MultipartFile file) throws IOException {
        return Summary.of(uploads.upload(file.getOriginalFilename(), file.getBytes(), currentUser.get()));
    }

    record Summary(String id, String province, Level level, String levelLabel, String version,
                   LocalDate effectiveFrom, SourceDecision source, BigDecimal scale, boolean complete,
                   Map<NodeType, Integer> nodeCounts, int leafCount, List<String> notes) {

        static Summary of(IndicatorSet set) {
            Map<NodeType, Integer> counts = new EnumMap<>(NodeType.class);
            set.nodesByCode().values().forEach(node -> counts.merge(node.type(), 1, Integer::sum));
            return new Summary(set.id(), set.province(), set.level(), set.level().label(), set.version(),
                    set.effectiveFrom(), set.source(), set.scale(), set.complete(), counts, set.leaves().size(),
                    set.notes());
        }
    }
}
