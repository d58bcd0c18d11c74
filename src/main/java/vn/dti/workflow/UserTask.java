package vn.dti.workflow;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** An open Camunda user task as the inbox shows it. {@code variables} are those the task was created with. */
public record UserTask(long key, String elementId, String name, long processInstanceKey, String bpmnProcessId,
                       List<String> candidateGroups, String assignee, OffsetDateTime dueDate, String formKey,
                       Map<String, Object> variables) {
}
