package vn.dti.publication;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.dti.indicator.Level;
import vn.dti.security.CurrentUser;

import java.io.IOException;
import java.net.URI;
import java.util.Objects;

@RestController
@RequestMapping("/api/results-imports")
@Tag(name = "Đối chiếu bảng kết quả đã công bố")
class ResultsImportController {

    private final ResultsImportService service;
    private final CurrentUser currentUser;

    ResultsImportController(ResultsImportService service, CurrentUser currentUser) {
        this.service = service;
        this.currentUser = currentUser;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Nhập một bảng kết quả (CSV hoặc XLSX), tính lại từ các cột điểm và liệt kê mọi số liệu"
            + " công bố không khớp (tổng điểm, thứ hạng, điểm vượt tối đa, giá trị trung bình); quản trị viên hoặc"
            + " Hội đồng của tỉnh")
    @ApiResponse(responseCode = "201", description = "Đã lưu; trả về báo cáo đối chiếu")
    @ApiResponse(responseCode = "400", description = "Tệp hoặc tham số không hợp lệ: errors[] nêu từng trường"
            + " (ví dụ 'dòng 7, cột Kinh tế số') và lý do; không có gì được lưu",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "Không phải quản trị viên hay Hội đồng của tỉnh",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ResultsImportReport> create(
            @Parameter(description = "Bảng kết quả: CSV (UTF-8, phân cách ; hoặc ,) hoặc XLSX")
            @RequestPart("file") MultipartFile file,
            @Parameter(description = "Mã tỉnh, ví dụ DLK") @RequestParam String province,
            @RequestParam Level level,
            @Parameter(description = "Năm đánh giá") @RequestParam int year,
            @Parameter(description = "Mã bộ chỉ số; mặc định là bộ có hiệu lực ngày 31/12 của năm")
            @RequestParam(required = false) String indicatorSet) throws IOException {
        ResultsImportReport report = service.importTable(Objects.requireNonNullElse(file.getOriginalFilename(), ""),
                file.getBytes(), province, level, year, indicatorSet, currentUser.get());
        return ResponseEntity.created(URI.create("/api/results-imports/" + report.id())).body(report);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Báo cáo đối chiếu của một lần nhập đã lưu (quản trị viên hoặc Hội đồng của tỉnh)")
    @ApiResponse(responseCode = "200", description = "Báo cáo như khi nhập")
    @ApiResponse(responseCode = "404", description = "Không có lần nhập này",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    ResultsImportReport get(@PathVariable long id) {
        return service.get(id, currentUser.get());
    }
}
