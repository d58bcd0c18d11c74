package vn.dti.framework;

import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import java.util.List;

/**
 * A multipart request that cannot be read is refused before any controller is chosen (so {@link ApiExceptionHandler},
 * which serves REST controllers, is not asked): more parts than Tomcat takes ({@code server.tomcat.max-part-count},
 * every file and every field a part) is 413 with the limit, anything else unreadable 400.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MultipartLimits {

    private final int maxParts;

    MultipartLimits(@Value("${server.tomcat.max-part-count:50}") int maxParts) {
        this.maxParts = maxParts;
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadable(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Tệp quá lớn", "Tệp vượt quá dung lượng cho phép");
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof FileCountLimitExceededException) {
                return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Quá nhiều phần trong yêu cầu",
                        "Yêu cầu gửi quá nhiều tệp và trường: tối đa " + maxParts + " phần (mỗi tệp, mỗi trường là"
                                + " một phần). Hãy chia thành nhiều lần tải lên.");
            }
        }
        return ResponseEntity.badRequest().body(ApiExceptionHandler.badRequest(
                List.of(new FieldProblem("body", "nội dung multipart hỏng hoặc không đầy đủ"))));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }
}
