package vn.dti.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.dti.DtiPlatformApplication;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo users sign in in a trial only, unless a setting asks for them; production refuses to start with a password
 * the README prints. Each case starts the whole application without the test profile (whose own users and OIDC client
 * would hide what production does).
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoAccountsTest {

    /** Every demo account, with the password the README gives it. */
    private static final Map<String, String> README = Map.of(
            "quantri.bn", "QuanTri@2025", "quantri.dlk", "QuanTri@2025",
            "hoidong.bn", "HoiDong@2025", "hoidong.dlk", "HoiDong@2025",
            "chutich.bn", "ChuTich@2025", "chutich.dlk", "ChuTich@2025",
            "canbo.bn-s01", "CanBo@2025", "canbo.dlk-h07", "CanBo@2025");
    private static final String WARNING = "các tài khoản thử nghiệm\n        đang bật";
    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyDemoPasswordIsOneThatProductionRefuses() throws IOException {
        var source = new YamlPropertySourceLoader().load("demo-users", new ClassPathResource("demo-users.yml"));
        DemoAccountsProperties demo = new Binder(ConfigurationPropertySources.from(source))
                .bind("dti.security.demo", DemoAccountsProperties.class).get();

        assertThat(demo.users()).isNotEmpty();
        Stream.concat(demo.users().stream().map(PasswordUsersProperties.User::password),
                        demo.unitOfficers().stream().map(PasswordUsersProperties.UnitOfficers::password))
                .forEach(hash -> assertThat(DemoAccounts.PUBLISHED_PASSWORDS)
                        .as("a password of demo-users.yml missing from DemoAccounts.PUBLISHED_PASSWORDS")
                        .anyMatch(password -> ENCODER.matches(password, hash)));
    }

    @Test
    void camundaModeRefusesEveryDemoAccount(CapturedOutput output) {
        try (ConfigurableApplicationContext app = start(camundaMode())) {
            README.forEach((user, password) -> assertThat(status(app, user, password)).as(user).isEqualTo(401));
            assertThat(signInPage(app)).doesNotContain(WARNING);
        }
        assertThat(output.getOut()).doesNotContain(DemoAccounts.SETTING);
    }

    @Test
    void embeddedModeWithOidcRefusesEveryDemoAccount() {
        try (ConfigurableApplicationContext app = start(oidc())) {
            README.forEach((user, password) -> assertThat(status(app, user, password)).as(user).isEqualTo(401));
            assertThat(signInPage(app)).doesNotContain(WARNING).contains("Đăng nhập bằng tài khoản của tỉnh");
        }
    }

    @Test
    void asKedForInProductionTheyLetInWithAWarningInTheLogAndOnTheSignInPage(CapturedOutput output) {
        List<String> args = new ArrayList<>(camundaMode());
        args.add("--dti.security.demo.enabled=true");
        try (ConfigurableApplicationContext app = start(args)) {
            README.forEach((user, password) -> assertThat(status(app, user, password)).as(user).isIn(200, 403));
            assertThat(status(app, "quantri.bn", "QuanTri@2025")).isEqualTo(200);
            assertThat(signInPage(app)).contains(WARNING).contains("DTI_DEMO_USERS=true");
        }
        assertThat(output.getOut()).contains("WARN").contains("Tài khoản thử nghiệm đang bật ngoài chế độ chạy thử ("
                + DemoAccounts.SETTING + "=true)");
    }

    @Test
    void aTrialHasThemWithoutAWarning() {
        try (ConfigurableApplicationContext app = start(List.of())) {
            README.forEach((user, password) -> assertThat(status(app, user, password)).as(user).isIn(200, 403));
            assertThat(signInPage(app)).doesNotContain(WARNING);
        }
    }

    @Test
    void embeddedModeWithTheProvincesOwnUsersHasNoDemoAccountsAndLetsItsAdministratorIn() {
        String password = "Rieng-Cua-Tinh-2026!";
        List<String> args = List.of("--dti.security.users[0].username=quantri.tinh",
                "--dti.security.users[0].role=ADMIN", "--dti.security.users[0].scope=BN",
                "--dti.security.users[0].province=BN", "--dti.security.users[0].password=" + ENCODER.encode(password));
        try (ConfigurableApplicationContext app = start(args)) {
            README.forEach((user, readme) -> assertThat(status(app, user, readme)).as(user).isEqualTo(401));
            assertThat(status(app, "quantri.tinh", password)).isEqualTo(200);
        }
    }

    @Test
    void productionRefusesToStartWithAPublishedPasswordNamingTheSetting() {
        List<String> args = new ArrayList<>(camundaMode());
        args.addAll(List.of(
                "--dti.security.users[0].username=quantri.tinh", "--dti.security.users[0].role=ADMIN",
                "--dti.security.users[0].scope=BN", "--dti.security.users[0].province=BN",
                "--dti.security.users[0].password=" + ENCODER.encode("Mật-khẩu-riêng-của-tỉnh-2026"),
                "--dti.security.users[1].username=hoidong.tinh", "--dti.security.users[1].role=COUNCIL",
                "--dti.security.users[1].scope=BN", "--dti.security.users[1].province=BN",
                "--dti.security.users[1].password=" + ENCODER.encode("HoiDong@2025"),
                "--dti.security.unit-officers[0].province=BN",
                "--dti.security.unit-officers[0].password=" + ENCODER.encode("CanBo@2025"),
                // Without a user and password of its own, the starter's basic method uses Camunda's demo / demo.
                "--camunda.client.auth.method=basic"));

        assertThatThrownBy(() -> start(args).close())
                .rootCause()
                .hasMessageContaining("dti.security.users[1].password (DTI_SECURITY_USERS_1_PASSWORD) của hoidong.tinh")
                .hasMessageContaining("dti.security.unit-officers[0].password (DTI_SECURITY_UNITOFFICERS_0_PASSWORD)")
                .hasMessageContaining("camunda.client.auth.password (CAMUNDA_CLIENT_AUTH_PASSWORD)")
                .hasMessageNotContaining("users[0]");
    }

    private List<String> camundaMode() {
        int nobody = freePort();
        return List.of("--dti.engine.mode=camunda",
                // No cluster runs here: sign-in never asks it, and nothing is deployed to it or polled from it.
                "--camunda.client.grpc-address=http://127.0.0.1:" + nobody,
                "--camunda.client.rest-address=http://127.0.0.1:" + nobody,
                "--camunda.client.deployment.enabled=false", "--camunda.client.worker.defaults.enabled=false");
    }

    /** An OIDC client with explicit endpoints: nothing is called at start-up, nothing answers there. */
    private static List<String> oidc() {
        String registration = "--spring.security.oauth2.client.registration.keycloak.";
        String provider = "--spring.security.oauth2.client.provider.keycloak.";
        String realm = "https://keycloak.invalid/realms/dti/protocol/openid-connect/";
        return List.of(registration + "client-id=dti-platform", registration + "client-secret=thu-nghiem",
                registration + "client-name=tài khoản của tỉnh",
                registration + "authorization-grant-type=authorization_code",
                registration + "redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
                registration + "scope=openid,profile",
                provider + "authorization-uri=" + realm + "auth", provider + "token-uri=" + realm + "token",
                provider + "jwk-set-uri=" + realm + "certs", provider + "user-info-uri=" + realm + "userinfo",
                provider + "user-name-attribute=preferred_username");
    }

    private ConfigurableApplicationContext start(List<String> args) {
        // As in the test profile: a fresh PostgreSQL cluster, deleted when the application closes.
        List<String> all = new ArrayList<>(List.of("--server.port=0",
                "--dti.embedded-postgres.data-dir=${java.io.tmpdir}/dti-test-postgres/${random.uuid}",
                "--dti.embedded-postgres.temporary=true",
                "--dti.evidence.directory=${java.io.tmpdir}/dti-test-evidence/${random.uuid}"));
        all.addAll(args);
        return new SpringApplicationBuilder(DtiPlatformApplication.class).run(all.toArray(String[]::new));
    }

    /** A call of the API that every signed-in user may make or be refused (403); 401 when the sign-in fails. */
    private int status(ConfigurableApplicationContext app, String user, String password) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(app, "/api/audit?unit=BN-S01"))
                .header("Authorization", "Basic " + credentials).build()).statusCode();
    }

    private String signInPage(ConfigurableApplicationContext app) {
        return send(HttpRequest.newBuilder(uri(app, "/login")).build()).body();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(ConfigurableApplicationContext app, String path) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
