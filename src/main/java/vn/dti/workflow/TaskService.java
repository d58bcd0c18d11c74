package vn.dti.workflow;

import org.springframework.stereotype.Service;
import vn.dti.framework.AuditLog;
import vn.dti.framework.ForbiddenException;
import vn.dti.framework.NotFoundException;
import vn.dti.security.DtiUser;

import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A person's Camunda user tasks, for the API and the pages alike: only the tasks of the user's candidate groups are
 * listed, claimed or completed; any other is refused with 403 and left as it was. A completion is checked against
 * what its task needs ({@link TaskInputs}) and audited with who completed it.
 */
@Service
public class TaskService {

    private static final Duration POLL = Duration.ofMillis(100);

    private final TaskInbox inbox;
    private final AuditLog audit;
    private final EngineClock clock;

    TaskService(TaskInbox inbox, AuditLog audit, EngineClock clock) {
        this.inbox = inbox;
        this.audit = audit;
        this.clock = clock;
    }

    public List<UserTask> mine(DtiUser user) {
        return inbox.openTasks().stream()
                .filter(task -> !Collections.disjoint(task.candidateGroups(), user.groups()))
                .toList();
    }

    /** The user's first open task at that element whose variables pass {@code variables}. */
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
            if (found.isPresent() || System.nanoTime() >= until) {
                return found;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    public UserTask claim(long key, DtiUser user) {
        UserTask task = allowed(key, user);
        inbox.assign(key, user.username());
        return task;
    }

    public void complete(long key, Map<String, Object> variables, DtiUser user) {
        UserTask task = allowed(key, user);
        Map<String, Object> given = new HashMap<>(variables == null ? Map.of() : variables);
        TaskInputs.check(task.elementId(), given);
        given.put("completedBy", user.username());
        inbox.complete(key, given);
        audit.record(clock.now(), user.username(), "task.complete", "task", String.valueOf(key),
                Map.of("element", task.elementId(), "processInstance", task.processInstanceKey()), given);
    }

    /**
     * Waits up to {@code patience} until the completed task has left the inbox: the engine logs its completion a
     * moment after the command, and a page shown at once would still offer it.
     */
    public void awaitGone(long key, Duration patience) {
        long until = System.nanoTime() + patience.toNanos();
        while (inbox.task(key).isPresent() && System.nanoTime() < until) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
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

    private UserTask allowed(long key, DtiUser user) {
        UserTask task = inbox.task(key).orElseThrow(() -> new NotFoundException("Không có công việc đang mở số " + key));
        if (Collections.disjoint(task.candidateGroups(), user.groups())) {
            throw new ForbiddenException("Công việc này thuộc nhóm " + String.join(", ", task.candidateGroups())
                    + ", không phải của bạn");
        }
        return task;
    }
}
