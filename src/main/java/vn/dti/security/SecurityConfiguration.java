package vn.dti.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/**
 * People sign in on the sign-in page and keep a session; programs call the API with HTTP Basic on every request.
 * Reading the catalogs, computing a ranking, the published results and the API documentation are public; everything
 * else needs a signed-in user, and each service checks what that user's role and scope allow.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String SIGN_IN_PAGE = "/login";

    @Bean
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/provinces/**", "/api/indicator-sets/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/rankings").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/publications/**").permitAll()
                        .requestMatchers("/api/results-imports/**").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/", SIGN_IN_PAGE, "/css/**", "/js/**", "/vendor/**", "/favicon.ico",
                                "/error", "/results/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage(SIGN_IN_PAGE).defaultSuccessUrl("/", false)
                        .failureUrl(SIGN_IN_PAGE + "?error"))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl(SIGN_IN_PAGE + "?logout"))
                .httpBasic(Customizer.withDefaults())
                // The API answers 401 to a caller without credentials; pages send people to the sign-in page.
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(apiEntryPoint(),
                        SecurityConfiguration::apiCall))
                // The pages' forms and scripts carry the session's token. An API call that brings its own credentials,
                // or no session at all, has no cookie a forged request could ride on.
                .csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfiguration::apiCallWithoutSession))
                .build();
    }

    private static boolean apiCall(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static boolean apiCallWithoutSession(HttpServletRequest request) {
        return apiCall(request) && (request.getHeader("Authorization") != null || request.getRequestedSessionId() == null);
    }

    private static BasicAuthenticationEntryPoint apiEntryPoint() {
        BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
        entryPoint.setRealmName("DTI");
        return entryPoint;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
