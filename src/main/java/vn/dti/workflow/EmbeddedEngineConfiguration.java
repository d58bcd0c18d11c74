package vn.dti.workflow;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded run mode's process engine: the real Zeebe engine over in-memory state, in this JVM. The starter's
 * client reaches it over gRPC ({@link EmbeddedEngineEnvironment}); it is started before that client exists.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "dti.engine.mode", havingValue = "embedded", matchIfMissing = true)
class EmbeddedEngineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedEngineConfiguration.class);
    static final String ENGINE_BEAN = "zeebeEngine";

    @Bean(name = ENGINE_BEAN, destroyMethod = "stop")
    ZeebeTestEngine zeebeEngine(EngineProperties properties) {
        ZeebeTestEngine engine = EngineFactory.create(properties.embeddedPort());
        engine.start();
        log.info("Embedded Zeebe engine started, gRPC on {}", engine.getGatewayAddress());
        return engine;
    }

    /** The client connects (and deploys, and opens its job workers) only once the engine listens. */
    @Bean
    static BeanFactoryPostProcessor camundaClientAfterEngine() {
        return factory -> {
            for (String name : factory.getBeanNamesForType(io.camunda.client.CamundaClient.class, true, false)) {
                factory.getBeanDefinition(name).setDependsOn(ENGINE_BEAN);
            }
        };
    }

    @Bean
    EmbeddedTaskInbox embeddedTaskInbox(ZeebeTestEngine engine) {
        return new EmbeddedTaskInbox(engine);
    }
}
