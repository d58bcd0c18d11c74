package vn.dti.workflow;

import io.camunda.client.CamundaClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The camunda run mode: an external Camunda 8.8 orchestration cluster, reached by the starter's client as its
 * {@code camunda.client.*} properties say. Exclusive with {@link EmbeddedEngineConfiguration}: the mode is one value.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "dti.engine.mode", havingValue = "camunda")
class CamundaEngineConfiguration {

    @Bean
    CamundaTaskInbox camundaTaskInbox(CamundaClient client) {
        return new CamundaTaskInbox(client);
    }
}
