package vn.dti.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dti.framework.AuditLog;
import vn.dti.framework.ConflictException;
import vn.dti.framework.ForbiddenException;
import vn.dti.framework.InvalidInputException;
import vn.dti.framework.NotFoundException;
import vn.dti.framework.VietnameseFormat;
import vn.dti.security.DtiUser;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A person's Camunda user tasks, in either run mode: only the tasks of the person's candidate groups are listed,
 * opened, drafted or completed; any other is refused with 403 and left as it was. Drafts keep what a person typed
 * into a task's form until the task is completed.
 */
@Service
public class UserTasks {

    /** A draft of at most this size (its JSON): a form's data is a few kilobytes, a large one a few hundred. */
    static final int MAX_DRAFT_CHARS = 2_000_000;
    private static final Duration COMPLETION_WAIT = Duration.ofSeconds(3);
    /** Far longer than an engine call takes: a claim this old whose task is still open was never sent. */
    private static final Duration CLAIM_TAKEOVER = Duration.ofMinutes(5);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    /** A task's drafts: by its subject; one saved before V15 knew only the task's key. Takes the subject, the key. */
    private static final String SAME_TASK = "(subject = ? or (subject is null and task_key = ?))";

    private final TaskInbox inbox;
    private final UserTaskModels models = new UserTaskModels();
    private final AuditLog audit;
    private final EngineClock clock;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final TransactionTemplate ownTransaction;
    private final EngineEpoch epoch;

    UserTasks(TaskInbox inbox, AuditLog audit, EngineClock clock, JdbcTemplate jdbc, ObjectMapper json,
              PlatformTransactionManager transactions, EngineEpoch epoch) {
        this.inbox = inbox;
        this.epoch = epoch;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.audit = audit;
        this.clock = clock;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** What was last saved of a task's form by one person; {@code savedAtText} is the time in Vietnam, HH:mm. */
    public record Draft(long taskKey, Map<String, Object> data, Instant savedAt, String savedAtText) {
    }

    /** The person's open tasks, the soonest due first. */
    public List<UserTask> mine(DtiUser user) {
        return inbox.openTasks().stream()
                .filter(task -> !Collections.disjoint(task.candidateGroups(), user.groups()))
                .sorted(Comparator.comparing(UserTask::dueDate, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /** An open task of the person's groups: 404 when no such task is open, 403 when it is another's. */
    public UserTask open(long key, DtiUser user) {
        UserTask task = inbox.task(key).orElseThrow(() -> new NotFoundException("Không có công việc đang mở số " + key));
        if (Collections.disjoint(task.candidateGroups(), user.groups())) {
            throw new ForbiddenException("Công việc này thuộc nhóm " + String.join(", ", task.candidateGroups())
                    + ", không phải của bạn");
        }
        return task;
    }

    /** The task's name as the model gives it (the embedded engine's records carry only the element id). */
    public String name(UserTask task) {
        return models.definition(task.elementId()).map(UserTaskModels.Definition::name)
                .filter(name -> !name.isBlank()).orElse(task.name());
    }

    /** The id of the Camunda Form the model links to the task, if any. */
    public Optional<String> formId(UserTask task) {
        return models.definition(task.elementId()).map(UserTaskModels.Definition::formId);
    }

    /** The task's Camunda Form: the same form-js JSON that Tasklist renders. */
    public Optional<String> formSchema(UserTask task) {
        return formId(task).flatMap(models::form);
    }

    /** The person's first open task at that element whose variables pass {@code variables}. */
    public Optional<UserTask> find(DtiUser user, String elementId, Predicate<Map<String, Object>> variables) {
        return mine(user).stream()
                .filter(task -> task.elementId().equals(elementId) && variables.test(task.variables()))
                .findFirst();
    }

    /**
     * Waits up to {@code patience} for such a task: the engine creates the next task of a process a moment after the
     * previous one was completed (and a cluster's search sees it later still).
     */
    public Optional<UserTask> await(DtiUser user, String elementId, Predicate<Map<String, Object>> variables,
                                    Duration patience) {
        long until = System.nanoTime() + patience.toNanos();
        while (true) {
            Optional<UserTask> found = find(user, elementId, variables);
            if (found.isPresent() || System.nanoTime() >= until || !pause()) {
                return found;
            }
        }
    }

    /** A variable of a task as a number, e.g. the {@code assessmentId} or {@code cycleId} it belongs to. */
    public static Optional<Long> number(UserTask task, String variable) {
        return task.variables().get(variable) instanceof Number n ? Optional.of(n.longValue()) : Optional.empty();
    }

    /** Matches the variables of tasks that belong to that assessment, cycle or explanation request. */
    public static Predicate<Map<String, Object>> having(String variable, long value) {
        return variables -> variables.get(variable) instanceof Number n && n.longValue() == value;
    }

    public UserTask claim(long key, DtiUser user) {
        UserTask task = open(key, user);
        inbox.assign(key, user.username());
        return task;
    }

    /**
     * Completes the task with the form's variables (checked first: a gateway that finds no way on would stop the
     * process), audits it and drops its drafts. A task is completed once: the completion is claimed in a row of its
     * own, committed before the engine is told, and a parallel or later completion that finds the claim taken is refused
     * with 409 and whose it is. Returns once the inbox no longer lists the task, or after a few seconds: the list a person
     * goes back to should not still show it.
     */
    public void complete(long key, Map<String, Object> variables, DtiUser user) {
        UserTask task;
        try {
            task = open(key, user);
        } catch (NotFoundException e) {
            // Completed a moment ago by someone else: say so, not that there is no such task.
            throw completedAlready(key).orElseThrow(() -> e);
        }
        Map<String, Object> given = new HashMap<>(variables == null ? Map.of() : variables);
        TaskInputs.check(task.elementId(), given);
        given.put("completedBy", user.username());
        claimCompletion(task, user.username(), clock.now());
        try {
            inbox.complete(key, given);
        } catch (RuntimeException e) {
            // The engine did not take it: the task stays open, and someone may complete it.
            ownTransaction.executeWithoutResult(status -> jdbc.update("delete from task_completion"
                    + " where engine_epoch = ? and task_key = ? and completed_by = ?", epoch.current(), key, user.username()));
            throw e;
        }
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
        jdbc.update("delete from task_draft where " + SAME_TASK, subject(task), key);
        awaitGone(key, COMPLETION_WAIT);
    }

    /**
     * Takes the task's completion for this person, committed at once so that a parallel completion sees it; a claim
     * whose engine call never came (the server stopped in between) is taken over once it is {@link #CLAIM_TAKEOVER}
     * old. Otherwise 409 with who completed the task and when.
     */
    private void claimCompletion(UserTask task, String username, Instant now) {
        Integer taken = ownTransaction.execute(status -> jdbc.update("insert into task_completion"
                        + " (engine_epoch, task_key, element_id, completed_by, completed_at) values (?, ?, ?, ?, ?)"
                        + " on conflict (engine_epoch, task_key) do update set element_id = excluded.element_id,"
                        + " completed_by = excluded.completed_by, completed_at = excluded.completed_at, claimed_at = now()"
                        + " where task_completion.claimed_at < now() - make_interval(secs => ?)",
                epoch.current(), task.key(), task.elementId(), username, Timestamp.from(now), CLAIM_TAKEOVER.toSeconds()));
        if (taken == null || taken == 0) {
            throw completedAlready(task.key()).orElseGet(() -> new ConflictException(
                    "Không ghi nhận được: công việc này vừa được người khác hoàn thành"));
        }
    }

    /** 409 with who completed the task and when, if its completion has been claimed in this engine's life. */
    private Optional<ConflictException> completedAlready(long key) {
        return jdbc.query("select completed_by, completed_at from task_completion where engine_epoch = ? and task_key = ?",
                (rs, n) -> new ConflictException("Không ghi nhận được: công việc này đã được hoàn thành bởi "
                        + rs.getString(1) + " lúc " + VietnameseFormat.dateTime(rs.getTimestamp(2).toInstant())
                        + "; yêu cầu của bạn không được gửi đi. Hãy tải lại danh sách công việc."),
                epoch.current(), key).stream().findFirst();
    }

    public Optional<Draft> draft(long key, DtiUser user) {
        UserTask task = open(key, user);
        return jdbc.query("select data::text, saved_at from task_draft where " + SAME_TASK + " and username = ?"
                        + " order by subject nulls last limit 1",
                (rs, n) -> draft(key, read(rs.getString(1)), rs.getTimestamp(2).toInstant()),
                subject(task), key, user.username()).stream().findFirst();
    }

    /** Replaces the person's draft of the task with the form's data as it stands. */
    public Draft saveDraft(long key, Map<String, Object> data, DtiUser user) {
        UserTask task = open(key, user);
        if (data == null) {
            throw new InvalidInputException("data", "bắt buộc: dữ liệu của biểu mẫu");
        }
        String text = write(data);
        if (text.length() > MAX_DRAFT_CHARS) {
            throw new InvalidInputException("data", "bản nháp quá lớn (" + text.length() + " ký tự, tối đa "
                    + MAX_DRAFT_CHARS + ")");
        }
        Instant now = clock.now();
        jdbc.update("insert into task_draft (subject, task_key, username, data, saved_at)"
                        + " values (?, ?, ?, cast(? as jsonb), ?) on conflict (subject, username) do update"
                        + " set task_key = excluded.task_key, data = excluded.data, saved_at = excluded.saved_at",
                subject(task), key, user.username(), text, Timestamp.from(now));
        return draft(key, data, now);
    }

    /**
     * What a task is about, whatever key the engine gives it: its element and the cycle or assessment it belongs to
     * (an answer: and its explanation request). The embedded engine gives a task a new key after a restart, and the
     * old key to another task; a draft kept under this follows its task and meets no other.
     */
    static String subject(UserTask task) {
        String owner = ProcessModel.Cycle.PROCESS_ID.equals(task.bpmnProcessId()) ? "cycleId" : "assessmentId";
        String subject = task.elementId() + " " + identifier(task, owner);
        return task.elementId().equals(ProcessModel.Appraisal.ANSWER_EXPLANATION)
                ? subject + " " + identifier(task, "explanationRequestId") : subject;
    }

    private static String identifier(UserTask task, String variable) {
        return number(task, variable).map(id -> variable + "=" + id).orElse("task=" + task.key());
    }

    private static Draft draft(long key, Map<String, Object> data, Instant savedAt) {
        return new Draft(key, data, savedAt, TIME.format(savedAt.atZone(VietnameseFormat.VIETNAM)));
    }

    /**
     * Waits up to {@code patience} until the completed task has left the inbox: the engine logs its completion a
     * moment after the command, and a page shown at once would still offer it.
     */
    public void awaitGone(long key, Duration patience) {
        long until = System.nanoTime() + patience.toNanos();
        while (inbox.task(key).isPresent() && System.nanoTime() < until && pause()) {
        }
    }

    /** Sleeps a moment; false when interrupted. */
    private static boolean pause() {
        try {
            Thread.sleep(20);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String write(Map<String, Object> data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("data", "không chuyển được sang JSON");
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(String text) {
        try {
            return json.readValue(text, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Bản nháp hỏng trong cơ sở dữ liệu", e);
        }
    }
}
