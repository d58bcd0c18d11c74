package vn.dti.workflow;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.dti.security.CurrentUser;

import java.util.List;
import java.util.Map;

/** The signed-in user's Camunda user tasks, in either run mode (the rules are {@link TaskService}'s). */
@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Công việc")
class TaskController {

    private final TaskService tasks;
    private final CurrentUser currentUser;

    TaskController(TaskService tasks, CurrentUser currentUser) {
        this.tasks = tasks;
        this.currentUser = currentUser;
    }

    @GetMapping
    @Operation(summary = "Công việc đang chờ của người dùng (theo nhóm của vai trò)")
    List<UserTask> mine() {
        return tasks.mine(currentUser.get());
    }

    @PostMapping("/{key}/claim")
    @Operation(summary = "Nhận xử lý một công việc")
    UserTask claim(@PathVariable long key) {
        return tasks.claim(key, currentUser.get());
    }

    @PostMapping("/{key}/complete")
    @Operation(summary = "Hoàn thành một công việc với các biến của biểu mẫu")
    Map<String, Object> complete(@PathVariable long key, @RequestBody(required = false) Map<String, Object> variables) {
        tasks.complete(key, variables, currentUser.get());
        return Map.of("key", key, "completed", true);
    }
}
