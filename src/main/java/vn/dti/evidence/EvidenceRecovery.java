package vn.dti.evidence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.dti.workflow.ProcessEngine;
import vn.dti.workflow.ProcessModel.EvidenceIndexing;

import java.util.List;
import java.util.Map;

/**
 * The embedded engine keeps its processes in memory: at start-up every file still waiting for its indexing gets a
 * new indexing process, so that no file stays unindexed after a restart.
 */
@Component
@ConditionalOnProperty(name = "dti.engine.mode", havingValue = "embedded", matchIfMissing = true)
class EvidenceRecovery {

    private static final Logger log = LoggerFactory.getLogger(EvidenceRecovery.class);

    private final EvidenceService evidence;
    private final ProcessEngine engine;

    EvidenceRecovery(EvidenceService evidence, ProcessEngine engine) {
        this.evidence = evidence;
        this.engine = engine;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void indexPendingFiles() {
        List<String> pending = evidence.pending();
        pending.forEach(sha256 -> engine.start(EvidenceIndexing.PROCESS_ID, Map.of("sha256", sha256)));
        if (!pending.isEmpty()) {
            log.info("Lập chỉ mục lại {} tệp kiểm chứng chưa xong trước khi khởi động lại", pending.size());
        }
    }
}
