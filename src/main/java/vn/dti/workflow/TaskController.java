package vn.dti.workflow;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.dti.framework.NotFoundException;
import vn.dti.security.CurrentUser;

import java.util.List;
import java.util.Map;

/**
 * The signed-in user's Camunda user tasks, in either run mode: only the tasks of the user's candidate groups are
 * listed, claimed, drafted or completed; any other is refused with 403 and left as it was.
 */
@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Công việc")
class TaskController {

    private final UserTasks tasks;
    private final CurrentUser currentUser;

    TaskController(UserTasks tasks, CurrentUser currentUser) {
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
    @Operation(summary = "Hoàn thành một công việc với các biến của biểu mẫu (bản nháp của công việc được xoá)")
    Map<String, Object> complete(@PathVariable long key, @RequestBody(required = false) Map<String, Object> variables) {
        tasks.complete(key, variables, currentUser.get());
        return Map.of("key", key, "completed", true);
    }

    @GetMapping("/{key}/draft")
    @Operation(summary = "Bản nháp biểu mẫu của công việc mà người dùng đã lưu (404 khi chưa có)")
    UserTasks.Draft draft(@PathVariable long key) {
        return tasks.draft(key, currentUser.get())
                .orElseThrow(() -> new NotFoundException("Chưa có bản nháp của công việc " + key));
    }

    @PutMapping("/{key}/draft")
    @Operation(summary = "Lưu nháp dữ liệu biểu mẫu của công việc khi đang nhập (mỗi người một bản, xoá khi hoàn thành)")
    UserTasks.Draft saveDraft(@PathVariable long key, @RequestBody Map<String, Object> data) {
        return tasks.saveDraft(key, data, currentUser.get());
    }
}
