package vn.dti.framework;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns the API's refusals into RFC 9457 problem details with a Vietnamese title and the list of field problems.
 * Pages' refusals are {@link PageExceptionHandler}'s: this one goes first, for REST controllers only.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(0)
class ApiExceptionHandler {

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return badRequest(e.problems());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Không tìm thấy");
        return problem;
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Không có quyền");
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Không thực hiện được ở trạng thái hiện tại");
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String reason = switch (mapping) {
                case InvalidFormatException format ->
                        "giá trị '" + format.getValue() + "' không đúng kiểu (" + typeName(format.getTargetType()) + ")";
                case UnrecognizedPropertyException unknown -> "trường không có trong định dạng; các trường hợp lệ: "
                        + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
                        .collect(Collectors.joining(", "));
                default -> "không đọc được giá trị";
            };
            return badRequest(List.of(new FieldProblem(field, reason)));
        }
        return badRequest(List.of(new FieldProblem("body", "nội dung không phải JSON hợp lệ")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        return badRequest(List.of(new FieldProblem(e.getName(),
                "giá trị '" + e.getValue() + "' không đúng kiểu (" + typeName(e.getRequiredType()) + ")")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return badRequest(List.of(new FieldProblem(e.getParameterName(), "bắt buộc")));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException e) {
        return badRequest(List.of(new FieldProblem(e.getRequestPartName(), "bắt buộc: hãy gửi tệp")));
    }

    static ProblemDetail badRequest(List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                problems.stream().map(p -> p.field() + ": " + p.reason()).collect(Collectors.joining("; ")));
        problem.setTitle("Dữ liệu không hợp lệ");
        problem.setProperty("errors", problems);
        return problem;
    }

    private static String typeName(Class<?> type) {
        if (type == null) return "không rõ";
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) return "số";
        if (type == Boolean.class || type == boolean.class) return "true/false";
        if (type.isEnum()) {
            return "một trong " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return type.getSimpleName();
    }
}
