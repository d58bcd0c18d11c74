package vn.dti.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.logstreams.log.LogAppendEntry;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.log.LogStreamWriter;
import io.camunda.zeebe.logstreams.log.WriteContext;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.value.usertask.UserTaskRecord;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import org.agrona.concurrent.UnsafeBuffer;

import java.lang.reflect.Field;
import java.util.Map;

/**
 * The one engine-specific piece of embedded mode, and the only reflection in the code base: the in-process engine
 * offers no API to complete or assign Camunda user tasks (Tasklist's REST API is not part of it), so the commands are
 * written to its log stream as the REST gateway would write them. Kept in this class so that a library upgrade that
 * removes the {@code logStream} field breaks one place, with a clear message ({@code ZeebeCommandBridgeTest}).
 */
final class ZeebeCommandBridge {

    static final String LOG_STREAM_FIELD = "logStream";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LogStreamWriter writer;

    ZeebeCommandBridge(ZeebeTestEngine engine) {
        this.writer = logStream(engine).newLogStreamWriter();
    }

    void complete(long userTaskKey, Map<String, Object> variables) {
        UserTaskRecord record = new UserTaskRecord().setUserTaskKey(userTaskKey);
        if (variables != null && !variables.isEmpty()) {
            record.setVariables(new UnsafeBuffer(MsgPackConverter.convertToMsgPack(json(variables))));
        }
        write(userTaskKey, UserTaskIntent.COMPLETE, record);
    }

    void assign(long userTaskKey, String assignee) {
        write(userTaskKey, UserTaskIntent.ASSIGN, new UserTaskRecord().setUserTaskKey(userTaskKey).setAssignee(assignee));
    }

    private synchronized void write(long key, UserTaskIntent intent, UserTaskRecord record) {
        RecordMetadata metadata = new RecordMetadata().recordType(RecordType.COMMAND).valueType(ValueType.USER_TASK)
                .intent(intent);
        var result = writer.tryWrite(WriteContext.userCommand(intent), LogAppendEntry.of(key, metadata, record));
        if (result.isLeft()) {
            throw new IllegalStateException("Không ghi được lệnh " + intent + " cho công việc " + key + ": "
                    + result.getLeft());
        }
    }

    static LogStream logStream(ZeebeTestEngine engine) {
        try {
            Field field = engine.getClass().getDeclaredField(LOG_STREAM_FIELD);
            field.setAccessible(true);
            return (LogStream) field.get(engine);
        } catch (NoSuchFieldException | IllegalAccessException | ClassCastException e) {
            throw new IllegalStateException("The in-process Zeebe engine (" + engine.getClass().getName()
                    + ") no longer has a private LogStream field '" + LOG_STREAM_FIELD + "': the embedded user task"
                    + " bridge must be adapted to this version of zeebe-process-test-engine.", e);
        }
    }

    private static String json(Map<String, Object> variables) {
        try {
            return JSON.writeValueAsString(variables);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Biến không chuyển được sang JSON: " + e.getMessage(), e);
        }
    }
}
