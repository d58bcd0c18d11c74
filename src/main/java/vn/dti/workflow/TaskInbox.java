package vn.dti.workflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The human side of the processes: open Camunda user tasks, claimed and completed with variables. One
 * implementation per run mode: the Orchestration Cluster REST API in production, a bridge into the in-process
 * engine in embedded mode (which has no API for user tasks).
 */
public interface TaskInbox {

    List<UserTask> openTasks();

    Optional<UserTask> task(long key);

    void assign(long key, String assignee);

    void complete(long key, Map<String, Object> variables);

    /**
     * The life of the engine whose keys this inbox hands out: a task key is unique within it. The embedded engine
     * starts its keys from the same value at every boot; a cluster's keys never repeat.
     */
    String epoch();
}
