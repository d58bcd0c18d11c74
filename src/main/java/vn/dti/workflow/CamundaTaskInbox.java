package vn.dti.workflow;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.JsonMapper;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.filter.UserTaskFilter;
import io.camunda.client.api.search.request.SearchRequestPage;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.client.api.search.response.Variable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The task inbox of camunda mode: Camunda user tasks through the Orchestration Cluster REST API
 * ({@code /v2/user-tasks}), with the starter's client. Errors of the cluster reach the caller as the client's
 * exceptions, with the cluster's message.
 */
class CamundaTaskInbox implements TaskInbox {

    static final int PAGE_SIZE = 100;

    private final CamundaClient client;
    private final JsonMapper json;

    CamundaTaskInbox(CamundaClient client) {
        this.client = client;
        this.json = client.getConfiguration().getJsonMapper();
    }

    @Override
    public List<UserTask> openTasks() {
        return searchOpen(filter -> { });
    }

    @Override
    public Optional<UserTask> task(long key) {
        return searchOpen(filter -> filter.userTaskKey(key)).stream().findFirst();
    }

    @Override
    public void assign(long key, String assignee) {
        client.newAssignUserTaskCommand(key).assignee(assignee).send().join();
    }

    @Override
    public void complete(long key, Map<String, Object> variables) {
        var command = client.newCompleteUserTaskCommand(key);
        if (variables != null && !variables.isEmpty()) {
            command = command.variables(variables);
        }
        command.send().join();
    }

    @Override
    public String epoch() {
        return "cluster";
    }

    /** Open means CREATED: an assigned task returns to CREATED once the assignment is done. */
    private List<UserTask> searchOpen(Consumer<UserTaskFilter> filter) {
        return allPages(page -> client.newUserTaskSearchRequest()
                .filter(f -> filter.accept(f.state(UserTaskState.CREATED)))
                .page(page)
                .send().join())
                .stream().map(this::view).toList();
    }

    private UserTask view(io.camunda.client.api.search.response.UserTask task) {
        return new UserTask(task.getUserTaskKey(), task.getElementId(),
                Objects.requireNonNullElse(task.getName(), task.getElementId()), task.getProcessInstanceKey(),
                task.getBpmnProcessId(), Objects.requireNonNullElse(task.getCandidateGroups(), List.of()),
                task.getAssignee(), task.getDueDate(),
                task.getFormKey() != null ? String.valueOf(task.getFormKey()) : task.getExternalFormReference(),
                variables(task));
    }

    /**
     * The variables the task sees. The search returns each scope's variable of a name separately; the one nearest
     * the task wins (its own input mappings, then an enclosing sub-process, then the process instance). Values too
     * long for a search result come truncated and are fetched whole.
     */
    private Map<String, Object> variables(io.camunda.client.api.search.response.UserTask task) {
        Map<String, Variable> nearest = new HashMap<>();
        for (Variable variable : allPages(page -> client.newUserTaskVariableSearchRequest(task.getUserTaskKey())
                .page(page).send().join())) {
            nearest.merge(variable.getName(), variable, (kept, other) ->
                    distance(other, task) < distance(kept, task) ? other : kept);
        }
        Map<String, Object> values = new HashMap<>();
        nearest.forEach((name, variable) -> values.put(name, json.fromJson(value(variable), Object.class)));
        return Collections.unmodifiableMap(values);
    }

    private static int distance(Variable variable, io.camunda.client.api.search.response.UserTask task) {
        if (Objects.equals(variable.getScopeKey(), task.getElementInstanceKey())) {
            return 0;
        }
        return Objects.equals(variable.getScopeKey(), task.getProcessInstanceKey()) ? 2 : 1;
    }

    private String value(Variable variable) {
        return Boolean.TRUE.equals(variable.isTruncated())
                ? client.newVariableGetRequest(variable.getVariableKey()).send().join().getValue()
                : variable.getValue();
    }

    /** Follows the search cursor until every match is read: a province has more open tasks than one page. */
    private static <T> List<T> allPages(Function<Consumer<SearchRequestPage>, SearchResponse<T>> search) {
        List<T> items = new ArrayList<>();
        String cursor = null;
        while (true) {
            String after = cursor;
            SearchResponse<T> response = search.apply(page -> {
                page.limit(PAGE_SIZE);
                if (after != null) {
                    page.after(after);
                }
            });
            items.addAll(response.items());
            Long total = response.page() == null ? null : response.page().totalItems();
            cursor = response.page() == null ? null : response.page().endCursor();
            if (response.items().isEmpty() || cursor == null || total == null || items.size() >= total) {
                return items;
            }
        }
    }
}
