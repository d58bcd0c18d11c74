package vn.dti.workflow;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The commands the application sends to the process engine, in either run mode, through the Camunda client. */
@Component
public class ProcessEngine {

    private final CamundaClient client;

    ProcessEngine(CamundaClient client) {
        this.client = client;
    }

    public long start(String processId, Map<String, Object> variables) {
        return client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(variables)
                .send().join().getProcessInstanceKey();
    }

    /** Starts an instance without waiting for the engine's answer, which the future brings: its instance's key. */
    public CompletableFuture<Long> startAsync(String processId, Map<String, Object> variables) {
        return client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(variables)
                .send().toCompletableFuture().thenApply(ProcessInstanceEvent::getProcessInstanceKey);
    }

    /** Starts an instance before the given element, as when an embedded engine brings a cycle back after a restart. */
    public long startBefore(String processId, String elementId, Map<String, Object> variables) {
        return client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(variables)
                .startBeforeElement(elementId).send().join().getProcessInstanceKey();
    }

    /** Sets variables on the instance's root scope: timers read them the next time they are armed. */
    public void setVariables(long processInstanceKey, Map<String, Object> variables) {
        client.newSetVariablesCommand(processInstanceKey).variables(variables).local(false).send().join();
    }

    /** Gives a job still being worked on this long from now before the engine hands it out again. */
    public void extendJob(long jobKey, Duration fromNow) {
        client.newUpdateTimeoutCommand(jobKey).timeout(fromNow).send().join();
    }

    /**
     * A message that re-arms a waiting timer. It lives for no time: a process not waiting for it will read the new
     * variables when it next arms its timer.
     */
    public void publish(String messageName, String correlationKey) {
        client.newPublishMessageCommand().messageName(messageName).correlationKey(correlationKey)
                .timeToLive(Duration.ZERO).send().join();
    }
}
