package vn.dti.workflow;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.Error;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The canonical models and {@link ProcessModel} agree: every id the application names is in the models, every
 * service task's job type is its own id, every linked form is in {@code forms/}, and the models validate.
 */
class ProcessModelsTest {

    private final List<BpmnModelInstance> models = new ArrayList<>();

    ProcessModelsTest() throws IOException {
        try (var files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                Bpmn.validateModel(model);
                models.add(model);
            }
        }
    }

    @Test
    void everyIdTheApplicationNamesIsInTheModels() {
        Set<String> ids = new HashSet<>();
        models.forEach(model -> model.getModelElementsByType(BaseElement.class).forEach(e -> ids.add(e.getId())));
        Set<String> messages = new HashSet<>();
        models.forEach(model -> model.getModelElementsByType(Message.class).forEach(m -> messages.add(m.getName())));
        Set<String> errors = new HashSet<>();
        models.forEach(model -> model.getModelElementsByType(Error.class).forEach(e -> errors.add(e.getErrorCode())));

        for (Class<?> group : ProcessModel.class.getDeclaredClasses()) {
            Set<String> expected = switch (group.getSimpleName()) {
                case "Messages" -> messages;
                case "Errors" -> errors;
                case "Forms" -> formIds();
                default -> ids;
            };
            for (String value : constants(group)) {
                assertThat(expected).as(group.getSimpleName() + " " + value).contains(value);
            }
        }
    }

    @Test
    void everyServiceTaskRunsTheJobTypeOfItsOwnIdAndEveryFormIsThere() {
        for (BpmnModelInstance model : models) {
            for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
                assertThat(task.getSingleExtensionElement(ZeebeTaskDefinition.class).getType()).isEqualTo(task.getId());
            }
            for (ZeebeFormDefinition form : model.getModelElementsByType(ZeebeFormDefinition.class)) {
                assertThat(formIds()).contains(form.getFormId());
            }
        }
    }

    private static Set<String> formIds() {
        try (var files = Files.list(Path.of("forms"))) {
            Set<String> ids = new HashSet<>();
            files.filter(f -> f.toString().endsWith(".form"))
                    .forEach(f -> ids.add(f.getFileName().toString().replace(".form", "")));
            return ids;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> constants(Class<?> group) {
        List<String> values = new ArrayList<>();
        for (Field field : group.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    values.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return values;
    }
}
