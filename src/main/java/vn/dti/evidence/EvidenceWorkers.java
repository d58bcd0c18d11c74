package vn.dti.evidence;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;
import vn.dti.workflow.ProcessModel.EvidenceIndexing;

import java.io.IOException;

/** The service task of evidence indexing: one method per job type, named after it. */
@Component
public class EvidenceWorkers {

    private final EvidenceService evidence;

    EvidenceWorkers(EvidenceService evidence) {
        this.evidence = evidence;
    }

    /**
     * A failure is retried; the last one marks the file FAILED with its reason, beside the incident. The job's timeout
     * is in application.yml, above the OCR's.
     */
    @JobWorker(type = EvidenceIndexing.INDEX_EVIDENCE)
    public void indexEvidence(ActivatedJob job, @Variable String sha256) throws IOException {
        try {
            evidence.index(sha256);
        } catch (IOException | RuntimeException e) {
            if (job.getRetries() <= 1) {
                evidence.failed(sha256, e.getMessage());
            }
            throw e;
        }
    }
}
