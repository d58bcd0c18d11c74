package vn.dti.cycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dti.assessment.Assessment;
import vn.dti.assessment.AssessmentService;
import vn.dti.framework.ForbiddenException;
import vn.dti.framework.NotFoundException;
import vn.dti.framework.VietnameseFormat;
import vn.dti.indicator.IndicatorNode;
import vn.dti.indicator.Level;
import vn.dti.security.CurrentUser;
import vn.dti.security.DtiUser;
import vn.dti.unit.Unit;
import vn.dti.unit.UnitCatalog;
import vn.dti.workflow.EngineClock;
import vn.dti.workflow.ProcessModel.UnitAssessment;
import vn.dti.workflow.UserTask;
import vn.dti.workflow.UserTasks;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pages of a person's tasks, for every role: the list of open tasks, and one task with its Camunda Form rendered
 * by the form-js viewer (the self-assessment with its evidence beside it). The rules are the task inbox's: only the
 * tasks of the person's candidate groups; another's is answered with the 403 page and nothing changes. Here, in the
 * cycle's feature, because a task is named by its cycle.
 */
@Controller
class TaskPages {


    private final UserTasks tasks;
    private final CycleService cycles;
    private final AssessmentService assessments;
    private final UnitCatalog units;
    private final CurrentUser currentUser;
    private final EngineClock clock;
    private final ObjectMapper json;

    TaskPages(UserTasks tasks, CycleService cycles, AssessmentService assessments, UnitCatalog units,
              CurrentUser currentUser, EngineClock clock, ObjectMapper json) {
        this.tasks = tasks;
        this.cycles = cycles;
        this.assessments = assessments;
        this.units = units;
        this.currentUser = currentUser;
        this.clock = clock;
        this.json = json;
    }

    /** One task as the pages show it; {@code due} is dd/MM/yyyy, empty when the task has no due date. */
    record TaskRow(long key, String name, String unit, String cycle, String due, boolean late) {
    }

    @GetMapping("/tasks")
    String list(@RequestParam(required = false) String done, Model model) {
        DtiUser user = currentUser.get();
        Instant now = clock.now();
        model.addAttribute("tasks", tasks.mine(user).stream().map(task -> row(task, now)).toList());
        if (done != null) {
            model.addAttribute("notice", UnitAssessment.SELF_ASSESSMENT.equals(done)
                    ? "Đã nộp phiếu tự đánh giá. Hệ thống đang kiểm tra phiếu; nếu phiếu bị trả lại, công việc sẽ hiện"
                    + " lại ở đây kèm lý do."
                    : "Đã hoàn thành công việc.");
        }
        return "tasks/list";
    }

    @GetMapping("/tasks/{key}")
    String task(@PathVariable long key, Model model) {
        DtiUser user = currentUser.get();
        UserTask task = tasks.open(key, user);
        TaskRow row = row(task, clock.now());
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("key", task.key());
        page.put("elementId", task.elementId());
        page.put("schema", tasks.formSchema(task).map(this::read).orElse(null));
        page.put("variables", task.variables());
        page.put("draft", tasks.draft(key, user).orElse(null));
        boolean selfAssessment = UnitAssessment.SELF_ASSESSMENT.equals(task.elementId())
                && task.variables().get("assessmentId") instanceof Number;
        if (selfAssessment) {
            long assessmentId = ((Number) task.variables().get("assessmentId")).longValue();
            Assessment assessment = assessments.readable(assessmentId, user);
            List<IndicatorNode> leaves = assessments.setOf(assessment).leaves();
            page.put("assessmentId", assessmentId);
            page.put("leaves", leaves.stream().map(leaf -> Map.of("code", leaf.code(), "name", leaf.name(),
                    "kind", leaf.kind().name(), "maxPoints", leaf.points())).toList());
            model.addAttribute("leaves", leaves);
        }
        model.addAttribute("task", row);
        model.addAttribute("selfAssessment", selfAssessment);
        model.addAttribute("pageData", write(page));
        return "tasks/task";
    }

    /** A refusal on a page is the shared error page with its status, not the API's JSON. */
    @ExceptionHandler(ForbiddenException.class)
    void forbidden(ForbiddenException e, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    void notFound(NotFoundException e, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND, e.getMessage());
    }

    private TaskRow row(UserTask task, Instant now) {
        Cycle cycle = task.variables().get("cycleId") instanceof Number id ? cycles.get(id.longValue()) : null;
        Object unitName = task.variables().get("unitName");
        String unit = unitName != null ? unitName.toString() : cycle == null ? "" : groupName(cycle);
        return new TaskRow(task.key(), tasks.name(task), unit, cycle == null ? "" : cycleName(cycle),
                task.dueDate() == null ? "" : VietnameseFormat.date(task.dueDate().toInstant()),
                task.dueDate() != null && task.dueDate().toInstant().isBefore(now));
    }

    private String cycleName(Cycle cycle) {
        return "Năm " + cycle.getYear() + ", " + cycle.getLevel().label()
                + (cycle.getLevel() == Level.XA ? " thuộc " + unitName(cycle.getGroupCode()) : "");
    }

    /** The ranking group a cycle-wide task (the chairman's approval, the council's revision) concerns. */
    private String groupName(Cycle cycle) {
        return switch (cycle.getLevel()) {
            case SO -> "Các sở, ban, ngành";
            case HUYEN -> "UBND các huyện, thị xã, thành phố";
            case XA -> "Các xã thuộc " + unitName(cycle.getGroupCode());
        };
    }

    private String unitName(String code) {
        return units.unit(code).map(Unit::getName).orElse(code);
    }

    private Object read(String text) {
        try {
            return json.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Biểu mẫu không đọc được", e);
        }
    }

    /** JSON for a data block in the page: no "<" survives, so nothing in it can close the script element. */
    private String write(Object value) {
        try {
            return json.writeValueAsString(value).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
