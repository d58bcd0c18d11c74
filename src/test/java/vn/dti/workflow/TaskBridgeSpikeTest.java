package vn.dti.workflow;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TaskBridgeSpikeTest {

    @Autowired
    CamundaClient client;
    @Autowired
    TaskInbox inbox;
    @Autowired
    ZeebeTestEngine engine;

    @Test
    void completesAUserTask() throws Exception {
        var model = Bpmn.createExecutableProcess("spike").startEvent()
                .userTask("review").zeebeUserTask().zeebeCandidateGroups("council:BN").zeebeDueDate("2026-11-30T17:00:00+07:00")
                .endEvent().done();
        client.newDeployResourceCommand().addProcessModel(model, "spike.bpmn").send().join();
        long instance = client.newCreateInstanceCommand().bpmnProcessId("spike").latestVersion()
                .variables(Map.of("cycleId", 7)).send().join().getProcessInstanceKey();
        engine.waitForIdleState(Duration.ofSeconds(5));

        var task = inbox.openTasks().stream().filter(t -> t.processInstanceKey() == instance).findFirst().orElseThrow();
        assertThat(task.candidateGroups()).containsExactly("council:BN");
        assertThat(task.variables()).containsEntry("cycleId", 7);
        inbox.complete(task.key(), Map.of("approved", true));
        engine.waitForIdleState(Duration.ofSeconds(5));

        assertThat(inbox.task(task.key())).isEmpty();
    }
}
