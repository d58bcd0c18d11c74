package vn.dti.framework;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * {@link TextLimits} applied where text comes in, before any controller sees it: every string of a JSON body, found
 * by walking what Jackson read (records, maps, lists), and every parameter of a form, a query or a multipart request.
 * A refusal is a 400 naming each field ({@code items.1.1.explanation}, {@code reason-2}).
 */
final class TextInputChecks {

    private TextInputChecks() {
    }

    @ControllerAdvice
    static class Bodies extends RequestBodyAdviceAdapter {

        @Override
        public boolean supports(MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
            return true;
        }

        @Override
        public Object afterBodyRead(Object body, HttpInputMessage message, MethodParameter parameter, Type targetType,
                                    Class<? extends HttpMessageConverter<?>> converterType) {
            List<FieldProblem> problems = new ArrayList<>();
            walk("", "", body, problems);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return body;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Parameters implements WebMvcConfigurer, HandlerInterceptor {

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(this);
        }

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            List<FieldProblem> problems = new ArrayList<>();
            request.getParameterMap().forEach((name, values) -> {
                check(name, name, name, problems);
                for (String value : values) {
                    check(name, name, value, problems);
                }
            });
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return true;
        }
    }

    /** Checks every string within {@code value}; {@code name} is the nearest field name, for its limit. */
    static void walk(String path, String name, Object value, List<FieldProblem> problems) {
        switch (value) {
            case null -> {
            }
            case String text -> check(path, name, text, problems);
            case Map<?, ?> map -> map.forEach((key, item) -> {
                String field = path.isEmpty() ? String.valueOf(key) : path + "." + key;
                check(field, name, String.valueOf(key), problems);
                walk(field, String.valueOf(key), item, problems);
            });
            case Collection<?> list -> {
                TextLimits.listProblem(path, name, list).ifPresent(problems::add);
                int index = 0;
                for (Object item : list) {
                    walk(path + "[" + index++ + "]", name, item, problems);
                }
            }
            case Record record -> {
                for (RecordComponent component : record.getClass().getRecordComponents()) {
                    String field = path.isEmpty() ? component.getName() : path + "." + component.getName();
                    walk(field, component.getName(), read(component, record), problems);
                }
            }
            default -> {
            }
        }
    }

    private static void check(String field, String name, String text, List<FieldProblem> problems) {
        TextLimits.problem(field, name, text).ifPresent(problems::add);
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Không đọc được trường " + component.getName(), e);
        }
    }
}
