package vn.dti.workflow;

import io.camunda.client.annotation.Deployment;
import org.springframework.context.annotation.Configuration;

/** The canonical models and forms, deployed unchanged at start-up in both run modes. */
@Configuration(proxyBeanMethods = false)
@Deployment(resources = {"classpath*:/bpmn/*.bpmn", "classpath*:/forms/*.form"})
class ProcessDeployment {
}
