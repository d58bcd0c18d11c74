package vn.dti.workflow;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dti.framework.Poll;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded user task bridge against the real in-process engine, without Spring: it completes a Camunda user task
 * with variables and the process goes on; and it says clearly when a library upgrade took away what it relies on.
 * (The process tests complete tasks of the canonical models the same way, through the task API.)
 */
class ZeebeCommandBridgeTest {

    private ZeebeTestEngine engine;
    private CamundaClient client;

    @BeforeEach
    void start() throws java.io.IOException {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        engine = EngineFactory.create(port);
        engine.start();
        client = CamundaClient.newClientBuilder().grpcAddress(URI.create("http://" + engine.getGatewayAddress()))
                .preferRestOverGrpc(false).build();
    }

    @AfterEach
    void stop() {
        client.close();
        engine.stop();
    }

    @Test
    void theEngineStillHasTheLogStreamTheBridgeWritesTo() {
        assertThat(ZeebeCommandBridge.logStream(engine)).isNotNull();
    }

    @Test
    void anEngineWithoutItFailsWithAClearMessage() {
        ZeebeTestEngine other = (ZeebeTestEngine) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{ZeebeTestEngine.class}, (proxy, method, args) -> null);

        assertThatThrownBy(() -> ZeebeCommandBridge.logStream(other))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no longer has a private LogStream field 'logStream'")
                .hasMessageContaining("zeebe-process-test-engine");
    }

    @Test
    void completesACamundaUserTaskWithVariablesAndTheProcessGoesOn() {
        client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("approval").startEvent()
                .userTask("approve", t -> t.zeebeUserTask().zeebeCandidateGroups("chairman:TN"))
                .exclusiveGateway("decision")
                .conditionExpression("approved").endEvent("approved-end")
                .moveToNode("decision").conditionExpression("not(approved)").endEvent("returned-end")
                .done(), "approval.bpmn").send().join();
        long instance = client.newCreateInstanceCommand().bpmnProcessId("approval").latestVersion()
                .variables(Map.of("cycleId", 42)).send().join().getProcessInstanceKey();
        EmbeddedTaskInbox inbox = new EmbeddedTaskInbox(engine);
        UserTask task = Poll.await("công việc của tiến trình " + instance, Duration.ofSeconds(10),
                () -> inbox.openTasks().stream().filter(t -> t.processInstanceKey() == instance).findFirst());
        assertThat(task.candidateGroups()).containsExactly("chairman:TN");
        assertThat(task.variables()).containsEntry("cycleId", 42);

        inbox.assign(task.key(), "chutich.tn");
        inbox.complete(task.key(), Map.of("approved", true));

        String end = Poll.await("tiến trình " + instance + " kết thúc", Duration.ofSeconds(10),
                () -> endEventReached(engine.getRecordStreamSource(), instance));
        assertThat(end).isEqualTo("approved-end");
        assertThat(inbox.task(task.key())).isEmpty();
    }

    private static Optional<String> endEventReached(RecordStreamSource records, long instance) {
        for (Record<?> record : records.getRecords()) {
            if (record.getValue() instanceof ProcessInstanceRecordValue value
                    && value.getProcessInstanceKey() == instance && value.getBpmnElementType() == BpmnElementType.END_EVENT
                    && record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED) {
                return Optional.of(value.getElementId());
            }
        }
        return Optional.empty();
    }
}
