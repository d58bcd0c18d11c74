package vn.dti.framework;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Answers every request 503 with {@code Retry-After} until the platform is ready, and again while it shuts down.
 * Tomcat opens its port before the start-up tasks run, and a catalog asked for in between would answer empty.
 * <p>
 * The start-up tasks are Spring Boot's own two kinds, and Spring Boot declares the application ready
 * ({@link ReadinessState#ACCEPTING_TRAFFIC}) only after all of them have returned: every {@code ApplicationRunner}
 * (in their {@code @Order}: units, then indicator sets, then consistency rules) and every listener of
 * {@code ApplicationReadyEvent} (the embedded engine's recovery of open cycles and of evidence still to index).
 * A new loader is one more of either kind and is covered here without a change. Beans that read their files when
 * created (the calendar templates) are ready before the port even opens.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReadinessGate extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "5";
    static final String TITLE = "Chưa sẵn sàng";
    static final String DETAIL = "Nền tảng đang khởi động (nạp danh mục tỉnh, đơn vị, bộ chỉ số, lịch và khôi phục các"
            + " kỳ đánh giá đang mở). Hãy thử lại sau ít giây.";

    private final ApplicationAvailability availability;
    private final ObjectMapper json;

    ReadinessGate(ApplicationAvailability availability, ObjectMapper json) {
        this.availability = availability;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
            problem.setTitle(TITLE);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
        } else {
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            // The page asks again by itself, as often as Retry-After says.
            response.getWriter().write("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
                    + "<meta http-equiv=\"refresh\" content=\"" + RETRY_AFTER_SECONDS + "\"><title>" + TITLE
                    + "</title></head><body><h1>" + TITLE + "</h1><p>" + DETAIL + "</p></body></html>");
        }
    }
}
