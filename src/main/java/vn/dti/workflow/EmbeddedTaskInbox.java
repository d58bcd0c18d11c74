package vn.dti.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The task inbox of embedded mode. Open tasks are read from the engine's record stream (user tasks CREATED minus
 * COMPLETED or CANCELED; the variables of their process instance from VARIABLE records, all scopes flattened), and commands go through
 * {@link ZeebeCommandBridge}.
 */
class EmbeddedTaskInbox implements TaskInbox {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ZeebeTestEngine engine;
    private final ZeebeCommandBridge bridge;
    private final Map<Long, UserTaskRecordValue> open = new LinkedHashMap<>();
    private final Map<Long, String> assignees = new HashMap<>();
    private final Map<Long, Map<String, Object>> processVariables = new HashMap<>();
    private long recordsSeen;
    private final String epoch = "embedded-" + UUID.randomUUID();

    EmbeddedTaskInbox(ZeebeTestEngine engine) {
        this.engine = engine;
        this.bridge = new ZeebeCommandBridge(engine);
    }

    @Override
    public synchronized List<UserTask> openTasks() {
        refresh();
        List<UserTask> tasks = new ArrayList<>(open.size());
        open.values().forEach(task -> tasks.add(view(task)));
        return tasks;
    }

    @Override
    public synchronized Optional<UserTask> task(long key) {
        refresh();
        return Optional.ofNullable(open.get(key)).map(this::view);
    }

    @Override
    public void assign(long key, String assignee) {
        bridge.assign(key, assignee);
    }

    @Override
    public void complete(long key, Map<String, Object> variables) {
        bridge.complete(key, variables);
    }

    @Override
    public String epoch() {
        return epoch;
    }

    /** Reads the records appended since the last call. */
    private void refresh() {
        long index = 0;
        for (Record<?> record : engine.getRecordStreamSource().getRecords()) {
            if (index++ < recordsSeen) {
                continue;
            }
            if (record.getRecordType() != RecordType.EVENT) {
                continue;
            }
            if (record.getValueType() == ValueType.USER_TASK) {
                UserTaskRecordValue task = (UserTaskRecordValue) record.getValue();
                switch ((UserTaskIntent) record.getIntent()) {
                    case CREATED -> open.put(task.getUserTaskKey(), task);
                    case ASSIGNED -> assignees.put(task.getUserTaskKey(), task.getAssignee());
                    case COMPLETED, CANCELED -> {
                        open.remove(task.getUserTaskKey());
                        assignees.remove(task.getUserTaskKey());
                    }
                    default -> {
                    }
                }
            } else if (record.getValueType() == ValueType.VARIABLE
                    && (record.getIntent() == VariableIntent.CREATED || record.getIntent() == VariableIntent.UPDATED)) {
                // Flattened over the instance's scopes: an error's variables (the reasons a submission was sent
                // back) land on its boundary event's scope, and the task must show them.
                VariableRecordValue variable = (VariableRecordValue) record.getValue();
                processVariables.computeIfAbsent(variable.getProcessInstanceKey(), k -> new HashMap<>())
                        .put(variable.getName(), parse(variable.getValue()));
            }
        }
        recordsSeen = index;
    }

    private UserTask view(UserTaskRecordValue task) {
        return new UserTask(task.getUserTaskKey(), task.getElementId(), task.getElementId(),
                task.getProcessInstanceKey(), task.getBpmnProcessId(), task.getCandidateGroupsList(),
                assignees.getOrDefault(task.getUserTaskKey(), emptyToNull(task.getAssignee())),
                task.getDueDate() == null || task.getDueDate().isBlank() ? null : OffsetDateTime.parse(task.getDueDate()),
                task.getFormKey() > 0 ? String.valueOf(task.getFormKey()) : task.getExternalFormReference(),
                Collections.unmodifiableMap(new HashMap<>(
                        processVariables.getOrDefault(task.getProcessInstanceKey(), Map.of()))));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static Object parse(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            return json;
        }
    }
}
