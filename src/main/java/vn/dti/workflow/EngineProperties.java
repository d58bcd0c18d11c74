package vn.dti.workflow;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param mode         {@code embedded} (the default: an in-process engine) or {@code camunda} (an external
 *                     Camunda 8.8 cluster configured with the starter's {@code camunda.client.*} properties)
 * @param embeddedPort the in-process engine's gRPC port; 0 picks a free one
 */
@ConfigurationProperties("dti.engine")
public record EngineProperties(String mode, int embeddedPort) {

    public EngineProperties {
        mode = mode == null ? "embedded" : mode;
        // Each mode's configuration is conditional on its own value: any other would start no engine at all.
        if (!mode.equals("embedded") && !mode.equals("camunda")) {
            throw new IllegalArgumentException(
                    "dti.engine.mode phải là embedded hoặc camunda, không phải '" + mode + "'");
        }
    }
}
