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
 * The embedded engine keeps its processes in memory: at start-up every file still waiting for its indexing is indexed
 * by a new indexing process, so that no file stays unindexed after a restart.
 */
@Component
@ConditionalOnProperty(name = "dti.engine.mode", havingValue = "embedded", matchIfMissing = true)
class EvidenceRecovery {

    private static final Logger log = LoggerFactory.getLogger(EvidenceRecovery.class);
    private static final int FILES_PER_PROCESS = 100;

    private final EvidenceService evidence;
    private final ProcessEngine engine;

    EvidenceRecovery(EvidenceService evidence, ProcessEngine engine) {
        this.evidence = evidence;
        this.engine = engine;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void indexPendingFiles() {
        List<String> pending = evidence.pending();
        // A hundred files a process: its variables stay small however many files wait.
        for (int from = 0; from < pending.size(); from += FILES_PER_PROCESS) {
            engine.start(EvidenceIndexing.PROCESS_ID,
                    Map.of("files", pending.subList(from, Math.min(pending.size(), from + FILES_PER_PROCESS))));
        }
        if (!pending.isEmpty()) {
            log.info("Lập chỉ mục lại {} tệp kiểm chứng chưa xong trước khi khởi động lại", pending.size());
        }
    }
}
