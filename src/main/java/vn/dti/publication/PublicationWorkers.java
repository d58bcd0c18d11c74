package vn.dti.publication;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;
import vn.dti.workflow.ProcessModel;

import java.util.Map;

/** The service tasks of a cycle's process that rank and publish: one method per job type. */
@Component
public class PublicationWorkers {

    private final PublicationService publications;

    PublicationWorkers(PublicationService publications) {
        this.publications = publications;
    }

    @JobWorker(type = ProcessModel.Cycle.RANK_CYCLE)
    public Map<String, Object> rankCycle(@Variable long cycleId) {
        return Map.of("rankingSummary", publications.rankForApproval(cycleId));
    }

    @JobWorker(type = ProcessModel.Cycle.PUBLISH_RESULTS)
    public void publishResults(@Variable long cycleId) {
        publications.publish(cycleId);
    }
}
