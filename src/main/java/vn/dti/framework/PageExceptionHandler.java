package vn.dti.framework;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;

/**
 * A page that refuses shows the Vietnamese error page with the service's reason (templates/error/403.html, 404.html,
 * error.html); the API keeps its problem details ({@link ApiExceptionHandler} is consulted first for REST controllers).
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    @ExceptionHandler(ForbiddenException.class)
    ModelAndView forbidden(ForbiddenException e) {
        return page("error/403", HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return page("error/404", HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException e) {
        return page("error", HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalid(InvalidInputException e) {
        return page("error", HttpStatus.BAD_REQUEST, e.getMessage());
    }

    private static ModelAndView page(String view, HttpStatus status, String message) {
        return new ModelAndView(view, Map.of("status", status.value(), "message", message == null ? "" : message),
                status);
    }
}
