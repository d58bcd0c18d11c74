package vn.dti.evidence;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;
import vn.dti.workflow.ProcessEngine;
import vn.dti.workflow.ProcessModel.EvidenceIndexing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The service task of evidence indexing: one method per job type, named after it. */
@Component
public class EvidenceWorkers {

    private final EvidenceService evidence;
    private final ProcessEngine engine;
    private final Duration ocrTimeout;

    EvidenceWorkers(EvidenceService evidence, ProcessEngine engine, EvidenceProperties properties) {
        this.evidence = evidence;
        this.engine = engine;
        this.ocrTimeout = properties.ocrTimeout();
    }

    /**
     * Indexes an upload's files: a file that fails leaves the others indexed, and the job then fails naming each such
     * file and why, so that its retry indexes only those. The last retry marks them FAILED with their reason, beside
     * the incident.
     */
    @JobWorker(type = EvidenceIndexing.INDEX_EVIDENCE)
    public void indexEvidence(ActivatedJob job, @Variable List<String> files) {
        // The job's timeout (application.yml) covers one scan's OCR: each scan gets that much time anew.
        Map<String, String> failures = evidence.index(files,
                () -> engine.extendJob(job.getKey(), ocrTimeout.plusMinutes(5)));
        if (failures.isEmpty()) {
            return;
        }
        if (job.getRetries() <= 1) {
            failures.forEach(evidence::failed);
        }
        throw new IllegalStateException(failures.entrySet().stream().map(f -> f.getKey() + ": " + f.getValue())
                .collect(Collectors.joining("; ", "Không lập chỉ mục được " + failures.size() + " tệp: ", "")));
    }
}
