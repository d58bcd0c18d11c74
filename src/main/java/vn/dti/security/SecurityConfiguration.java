package vn.dti.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * People sign in on the sign-in page (or, in production, with OIDC) and keep a session; programs call the API with
 * HTTP Basic on every request. Reading the catalogs, computing a ranking, the published results and the API
 * documentation are public; everything else needs a signed-in user, and each service checks what that user's role and
 * scope allow. Both ways of typing a password are held to the limit on failed sign-ins ({@link LimitedSignIn}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String SIGN_IN_PAGE = "/login";

    /**
     * Scripts and styles come from this application only (no inline script: page scripts live in static/js); inline
     * styles stay allowed for the form viewer, and data:/blob: pictures for its previews.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    @Bean
    SecurityFilterChain web(HttpSecurity http, ObjectMapper json,
                            ObjectProvider<ClientRegistrationRepository> oidcClients,
                            DtiOidcUserService oidcUsers) throws Exception {
        AuthenticationEntryPoint apiEntryPoint = apiEntryPoint(json);
        http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/provinces/**", "/api/indicator-sets/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/rankings").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/publications/**").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui/**",
                                "/swagger-ui.html").permitAll()
                        .requestMatchers("/", SIGN_IN_PAGE, "/css/**", "/js/**", "/vendor/**", "/favicon.ico",
                                "/error", "/results/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage(SIGN_IN_PAGE).defaultSuccessUrl("/", false)
                        .failureHandler(signInFailure()))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl(SIGN_IN_PAGE + "?logout"))
                .httpBasic(basic -> basic.realmName("DTI").authenticationEntryPoint(apiEntryPoint))
                // The API answers 401 and 403 as problem details; pages send people to the sign-in page or show the
                // Vietnamese error page, whatever the request accepts.
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(forApiOrPages(apiEntryPoint,
                                new LoginUrlAuthenticationEntryPoint(SIGN_IN_PAGE)))
                        .accessDeniedHandler(new RequestMatcherDelegatingAccessDeniedHandler(
                                new LinkedHashMap<>(Map.of(SecurityConfiguration::apiCall, apiAccessDenied(json))),
                                new AccessDeniedHandlerImpl())))
                // The pages' forms and scripts carry the session's token. Only an API call that brings no live session
                // cookie (HTTP Basic on each request) has nothing a forged request could ride on; any header beside a
                // session cookie changes nothing, as a browser sends the cookie whatever else a forger adds.
                .csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfiguration::apiCallWithoutSession))
                // A new session id at every sign-in (Spring's default, stated so that nobody turns it off unawares).
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frames -> frames.deny())
                        // Sent on HTTPS requests only, as browsers ignore it on plain HTTP.
                        .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(Duration.ofDays(365).toSeconds())
                                .includeSubDomains(true)));
        if (oidcClients.getIfAvailable() != null) {
            http.oauth2Login(oidc -> oidc.loginPage(SIGN_IN_PAGE).defaultSuccessUrl("/", false)
                    .failureHandler(new SimpleUrlAuthenticationFailureHandler(SIGN_IN_PAGE + "?oidc"))
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUsers)));
        }
        return http.build();
    }

    /** A locked name is sent back with its own message; the session keeps the exception for the page to read. */
    private static AuthenticationFailureHandler signInFailure() {
        AuthenticationFailureHandler wrong = new SimpleUrlAuthenticationFailureHandler(SIGN_IN_PAGE + "?error");
        AuthenticationFailureHandler locked = new SimpleUrlAuthenticationFailureHandler(SIGN_IN_PAGE + "?locked");
        return (request, response, exception) -> (exception instanceof SignInLockedException ? locked : wrong)
                .onAuthenticationFailure(request, response, exception);
    }

    private static AuthenticationEntryPoint forApiOrPages(AuthenticationEntryPoint api,
                                                          AuthenticationEntryPoint pages) {
        LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> entryPoints = new LinkedHashMap<>();
        entryPoints.put(SecurityConfiguration::apiCall, api);
        DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(entryPoints);
        entryPoint.setDefaultEntryPoint(pages);
        return entryPoint;
    }

    private static boolean apiCall(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /** An expired or unknown session id authenticates nothing, so it needs no token either. */
    private static boolean apiCallWithoutSession(HttpServletRequest request) {
        return apiCall(request) && !request.isRequestedSessionIdValid();
    }

    /** 401 with the Basic challenge and a Vietnamese problem detail; a locked name says until when. */
    private static AuthenticationEntryPoint apiEntryPoint(ObjectMapper json) {
        return (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"DTI\"");
            String detail = "Cần đăng nhập: gửi tên đăng nhập và mật khẩu (HTTP Basic)";
            if (exception instanceof SignInLockedException locked) {
                detail = locked.getMessage();
                long seconds = Duration.between(Instant.now(), locked.lockedUntil()).toSeconds();
                response.setHeader("Retry-After", String.valueOf(Math.max(1, seconds)));
            } else if (exception instanceof BadCredentialsException) {
                detail = "Tên đăng nhập hoặc mật khẩu không đúng";
            }
            problem(json, response, HttpStatus.UNAUTHORIZED, "Chưa đăng nhập", detail);
        };
    }

    private static AccessDeniedHandler apiAccessDenied(ObjectMapper json) {
        return (request, response, exception) -> problem(json, response, HttpStatus.FORBIDDEN, "Không có quyền",
                exception instanceof CsrfException
                        ? "Yêu cầu bị từ chối: gọi từ một phiên đã đăng nhập phải gửi kèm mã CSRF của phiên"
                        : "Bạn không có quyền làm việc này");
    }

    private static void problem(ObjectMapper json, HttpServletResponse response, HttpStatus status, String title,
                                String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
