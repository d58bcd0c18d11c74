package vn.dti.workflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * In embedded mode, points the Camunda starter's own client at the in-process engine before any bean exists: gRPC
 * on a port chosen here (a free one unless {@code dti.engine.embedded-port} is set), since the engine has no REST API.
 * In camunda mode the starter's {@code camunda.client.*} properties are used as configured.
 */
public class EmbeddedEngineEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!"embedded".equals(environment.getProperty("dti.engine.mode", "embedded"))) {
            return;
        }
        int port = environment.getProperty("dti.engine.embedded-port", Integer.class, 0);
        if (port == 0) {
            port = freePort();
        }
        environment.getPropertySources().addFirst(new MapPropertySource("dti-embedded-engine", Map.of(
                "dti.engine.embedded-port", port,
                "camunda.client.mode", "self-managed",
                "camunda.client.grpc-address", "http://127.0.0.1:" + port,
                "camunda.client.prefer-rest-over-grpc", false,
                // The in-memory engine slows down as it holds more instances (it copies its state maps on lookups):
                // give a busy one time to answer rather than fail the person's request.
                "camunda.client.request-timeout", "PT60S")));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
