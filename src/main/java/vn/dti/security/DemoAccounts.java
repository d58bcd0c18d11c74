package vn.dti.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether the demo users, whose passwords the README prints, may sign in. A trial (embedded mode, with neither OIDC
 * nor password users of the province's own) has them unless {@code dti.security.demo.enabled=false}; production
 * (camunda mode, an OIDC client or the province's own users) only with {@code dti.security.demo.enabled=true}, and
 * then says so in the log and on the sign-in page. Production also refuses to start when a configured user's
 * password is one the README prints, or Camunda's {@code demo}.
 */
@Component
class DemoAccounts {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    /** The passwords the README prints: the demo users' and that of Camunda's quickstart user {@code demo}. */
    static final List<String> PUBLISHED_PASSWORDS = List.of("QuanTri@2025", "HoiDong@2025", "ChuTich@2025",
            "CanBo@2025", "NenTang@2025", "demo");
    static final String SETTING = "dti.security.demo.enabled (DTI_DEMO_USERS)";

    private final boolean on;
    private final boolean warning;

    DemoAccounts(DemoAccountsProperties demo, PasswordUsersProperties configured, PasswordEncoder encoder,
                 Environment environment, ObjectProvider<ClientRegistrationRepository> oidcClients) {
        boolean camunda = "camunda".equals(environment.getProperty("dti.engine.mode", "embedded"));
        boolean trial = !camunda && oidcClients.getIfAvailable() == null && configured.users().isEmpty()
                && configured.unitOfficers().isEmpty();
        this.on = demo.enabled() == null ? trial : demo.enabled();
        this.warning = on && !trial;
        if (!trial) {
            List<String> problems = publishedPasswords(configured, encoder);
            if (camunda && "demo".equals(environment.getProperty("camunda.client.auth.password"))) {
                problems.add("camunda.client.auth.password (CAMUNDA_CLIENT_AUTH_PASSWORD) là mật khẩu demo của"
                        + " Camunda: đặt người dùng và mật khẩu riêng của cụm Camunda");
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Cấu hình chạy thật (chế độ camunda, có OIDC hoặc có người dùng"
                        + " riêng của tỉnh) không được dùng mật khẩu đã công bố (README):\n  - "
                        + String.join("\n  - ", problems));
            }
        }
        if (warning) {
            log.warn("Tài khoản thử nghiệm đang bật ngoài chế độ chạy thử ({}=true): mật khẩu của chúng in trong"
                    + " README, ai đọc được cũng đăng nhập được. Tắt trước khi đưa vào sử dụng.", SETTING);
        }
    }

    /** Whether the demo users may sign in. */
    boolean on() {
        return on;
    }

    /** Whether people are to be told that the demo users are on where they should not be. */
    boolean warning() {
        return warning;
    }

    /** Each configured password that is one of the README's, named by its setting and environment variable. */
    static List<String> publishedPasswords(PasswordUsersProperties configured, PasswordEncoder encoder) {
        Map<String, Boolean> published = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < configured.users().size(); i++) {
            PasswordUsersProperties.User user = configured.users().get(i);
            if (published.computeIfAbsent(user.password(), hash -> isPublished(hash, encoder))) {
                problems.add("dti.security.users[" + i + "].password (DTI_SECURITY_USERS_" + i + "_PASSWORD) của "
                        + user.username() + " là mật khẩu in trong README: đặt mật khẩu mới");
            }
        }
        for (int i = 0; i < configured.unitOfficers().size(); i++) {
            PasswordUsersProperties.UnitOfficers officers = configured.unitOfficers().get(i);
            if (published.computeIfAbsent(officers.password(), hash -> isPublished(hash, encoder))) {
                problems.add("dti.security.unit-officers[" + i + "].password (DTI_SECURITY_UNITOFFICERS_" + i
                        + "_PASSWORD) của cán bộ tỉnh " + officers.province()
                        + " là mật khẩu in trong README: đặt mật khẩu mới");
            }
        }
        return problems;
    }

    private static boolean isPublished(String hash, PasswordEncoder encoder) {
        if (hash == null) {
            return false;
        }
        try {
            return PUBLISHED_PASSWORDS.stream().anyMatch(password -> encoder.matches(password, hash));
        } catch (IllegalArgumentException notAHashTheEncoderKnows) {
            // Such a password signs nobody in: nothing published to refuse.
            return false;
        }
    }
}
