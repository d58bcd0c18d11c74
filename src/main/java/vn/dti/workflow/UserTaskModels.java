package vn.dti.workflow;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the deployed models say about each user task: its name and the id of its Camunda Form. Read from the same
 * {@code bpmn/} and {@code forms/} resources that are deployed, so the pages show what Tasklist shows. (A task's form
 * key is the deployed form's numeric key; the form id comes from the model.)
 */
final class UserTaskModels {

    record Definition(String name, String formId) {
    }

    private final Map<String, Definition> byElement = new HashMap<>();
    private final Map<String, String> forms = new HashMap<>();

    UserTaskModels() {
        var resources = new PathMatchingResourcePatternResolver();
        try {
            for (Resource bpmn : resources.getResources("classpath*:/bpmn/*.bpmn")) {
                try (InputStream in = bpmn.getInputStream()) {
                    for (UserTask task : Bpmn.readModelFromStream(in).getModelElementsByType(UserTask.class)) {
                        ZeebeFormDefinition form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
                        byElement.put(task.getId(), new Definition(task.getName(), form == null ? null : form.getFormId()));
                    }
                }
            }
            for (Resource form : resources.getResources("classpath*:/forms/*.form")) {
                try (InputStream in = form.getInputStream()) {
                    forms.put(form.getFilename().replace(".form", ""), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Không đọc được các mô hình quy trình và biểu mẫu", e);
        }
    }

    Optional<Definition> definition(String elementId) {
        return Optional.ofNullable(byElement.get(elementId));
    }

    /** The form-js JSON of a form id, as deployed. */
    Optional<String> form(String formId) {
        return Optional.ofNullable(formId).map(forms::get);
    }
}
