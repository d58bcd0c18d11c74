package vn.dti.workflow;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.dti.framework.AuditLog;
import vn.dti.framework.ForbiddenException;
import vn.dti.framework.NotFoundException;
import vn.dti.security.CurrentUser;
import vn.dti.security.DtiUser;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The signed-in user's Camunda user tasks, in either run mode: only the tasks of the user's candidate groups are
 * listed, claimed or completed; any other is refused with 403 and left as it was.
 */
@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Công việc")
class TaskController {

    private final TaskInbox inbox;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final EngineClock clock;

    TaskController(TaskInbox inbox, CurrentUser currentUser, AuditLog audit, EngineClock clock) {
        this.inbox = inbox;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Công việc đang chờ của người dùng (theo nhóm của vai trò)")
    List<UserTask> mine() {
        DtiUser user = currentUser.get();
        return inbox.openTasks().stream()
                .filter(task -> !Collections.disjoint(task.candidateGroups(), user.groups()))
                .toList();
    }

    @PostMapping("/{key}/claim")
    @Operation(summary = "Nhận xử lý một công việc")
    UserTask claim(@PathVariable long key) {
        DtiUser user = currentUser.get();
        UserTask task = allowed(key, user);
        inbox.assign(key, user.username());
        return task;
    }

    @PostMapping("/{key}/complete")
    @Operation(summary = "Hoàn thành một công việc với các biến của biểu mẫu")
    Map<String, Object> complete(@PathVariable long key, @RequestBody(required = false) Map<String, Object> variables) {
        DtiUser user = currentUser.get();
        UserTask task = allowed(key, user);
        Map<String, Object> given = new HashMap<>(variables == null ? Map.of() : variables);
        TaskInputs.check(task.elementId(), given);
        given.put("completedBy", user.username());
        inbox.complete(key, given);
        // The assessment or cycle the task belongs to: who may read the audit log follows them.
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("element", task.elementId());
        before.put("processInstance", task.processInstanceKey());
        for (String subject : List.of("assessmentId", "cycleId")) {
            if (task.variables().get(subject) != null) {
                before.put(subject, task.variables().get(subject));
            }
        }
        audit.record(clock.now(), user.username(), "task.complete", "task", String.valueOf(key), before, given);
        return Map.of("key", key, "completed", true);
    }

    private UserTask allowed(long key, DtiUser user) {
        UserTask task = inbox.task(key).orElseThrow(() -> new NotFoundException("Không có công việc đang mở số " + key));
        if (Collections.disjoint(task.candidateGroups(), user.groups())) {
            throw new ForbiddenException("Công việc này thuộc nhóm " + String.join(", ", task.candidateGroups())
                    + ", không phải của bạn");
        }
        return task;
    }
}
