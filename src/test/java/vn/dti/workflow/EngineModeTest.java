package vn.dti.workflow;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** Exactly one engine and one task inbox per run mode. */
class EngineModeTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, EmbeddedEngineConfiguration.class,
                    CamundaEngineConfiguration.class)
            .withBean(CamundaClient.class, () -> CamundaClient.newClientBuilder()
                    .restAddress(URI.create("http://127.0.0.1:8088")).build(), definition -> definition
                    .setDestroyMethodName("close"));

    @EnableConfigurationProperties(EngineProperties.class)
    @Configuration(proxyBeanMethods = false)
    static class Properties {
    }

    @Test
    void camundaModeUsesTheClusterAndStartsNoEngine() {
        runner.withPropertyValues("dti.engine.mode=camunda").run(context -> {
            assertThat(context).hasSingleBean(TaskInbox.class).hasSingleBean(CamundaTaskInbox.class);
            assertThat(context).doesNotHaveBean(ZeebeTestEngine.class);
        });
    }

    @Test
    void embeddedModeStartsTheEngineAndBridgesItsTasks() throws IOException {
        runner.withPropertyValues("dti.engine.mode=embedded", "dti.engine.embedded-port=" + freePort())
                .run(context -> {
                    assertThat(context).hasSingleBean(TaskInbox.class).hasSingleBean(EmbeddedTaskInbox.class);
                    assertThat(context).hasSingleBean(ZeebeTestEngine.class);
                });
    }

    @Test
    void anUnknownModeStopsTheStart() {
        runner.withPropertyValues("dti.engine.mode=zeebe").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("dti.engine.mode phải là embedded hoặc camunda"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
