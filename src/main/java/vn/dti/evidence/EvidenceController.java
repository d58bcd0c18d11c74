package vn.dti.evidence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.dti.evidence.EvidenceService.StoredFile;
import vn.dti.framework.FieldProblem;
import vn.dti.security.CurrentUser;

import java.io.IOException;
import java.util.List;

@RestController
@RequestMapping("/api/assessments")
@Tag(name = "Tài liệu kiểm chứng")
class EvidenceController {

    private final EvidenceService service;
    private final CurrentUser currentUser;

    EvidenceController(EvidenceService service, CurrentUser currentUser) {
        this.service = service;
        this.currentUser = currentUser;
    }

    @PostMapping(path = "/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Nộp tài liệu kiểm chứng (một hay nhiều tệp) cho một hay nhiều mục của phiếu đang mở;"
            + " chỉ cán bộ của đơn vị. Mọi tệp được đọc và kiểm tra trước khi lưu: một tệp bị từ chối thì không tệp"
            + " nào được lưu")
    @ApiResponse(responseCode = "201", description = "Đã lưu: mã SHA-256, tên, loại đọc từ nội dung, dung lượng và"
            + " trạng thái lập chỉ mục (PENDING, INDEXED, FAILED) của từng tệp")
    @ApiResponse(responseCode = "415", description = "Loại tệp không được chấp nhận (errors[].reason nêu loại đọc"
            + " được)",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "Tệp vượt dung lượng cho phép",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "Không đọc được tệp: chữ quá dài, quá thời gian, tài liệu nhúng"
            + " lồng quá sâu, đặt mật khẩu, hỏng, nghi bom nén, rỗng",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "400", description = "Mã mục không có hoặc không phải mục lá",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "Không phải cán bộ của đơn vị",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "Phiếu không còn mở",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<List<StoredFile>> upload(
            @PathVariable long id,
            @Parameter(description = "Các tệp: PDF, DOCX, DOC, XLSX, XLS, ODT, ODS, PPTX, PNG, JPEG, TXT")
            @RequestPart("files") List<MultipartFile> files,
            @Parameter(description = "Mã các mục lá mà tài liệu làm chứng, ví dụ 1.1") @RequestParam List<String> items)
            throws IOException {
        return ResponseEntity.status(HttpStatus.CREATED).body(service.upload(id, files, items, currentUser.get()));
    }

    @ExceptionHandler(EvidenceRefusal.class)
    ResponseEntity<ProblemDetail> refused(EvidenceRefusal refusal) {
        HttpStatus status = HttpStatus.valueOf(refusal.reason().status);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refusal.getMessage());
        problem.setTitle(switch (refusal.reason()) {
            case TYPE -> "Loại tệp không được chấp nhận";
            case SIZE -> "Tệp quá lớn";
            default -> "Không đọc được tệp";
        });
        problem.setProperty("errors", List.of(new FieldProblem(refusal.field(), refusal.getMessage())));
        return ResponseEntity.status(status).body(problem);
    }
}
