package vn.dti.cycle;

import org.springframework.stereotype.Service;
import vn.dti.assessment.Assessment;
import vn.dti.assessment.AssessmentService;
import vn.dti.assessment.AssessmentStatus;
import vn.dti.security.DtiUser;
import vn.dti.workflow.EngineProperties;
import vn.dti.workflow.ProcessModel;
import vn.dti.workflow.TaskInbox;
import vn.dti.workflow.UserTask;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the process view shows of a cycle: for each model it runs, how many units stand on each element and which,
 * derived from the open user tasks and the assessments' statuses, and in camunda mode a link to Operate for each
 * process instance.
 */
@Service
class CycleProcessView {

    private final CycleService cycles;
    private final AssessmentService assessments;
    private final CycleNames names;
    private final TaskInbox inbox;
    private final BpmnModels models;
    private final OperateProperties operate;
    private final boolean camundaMode;

    CycleProcessView(CycleService cycles, AssessmentService assessments, CycleNames names, TaskInbox inbox,
                     BpmnModels models, OperateProperties operate, EngineProperties engine) {
        this.cycles = cycles;
        this.assessments = assessments;
        this.names = names;
        this.inbox = inbox;
        this.models = models;
        this.operate = operate;
        this.camundaMode = engine.mode().equals("camunda");
    }

    record View(Cycle cycle, String group, int unitCount, boolean operateLinks, List<Diagram> diagrams) {
    }

    /** One model: counts by element id for the drawing, and the same as a list to read without it. */
    record Diagram(String processId, String name, Map<String, Integer> counts, List<Station> stations) {
    }

    /** An element where someone stands: the units there, or (on the cycle's model) the whole cycle. */
    record Station(String elementId, String name, List<UnitAt> units, String operateUrl) {
    }

    record UnitAt(String code, String name, String operateUrl) {
    }

    View of(long cycleId, DtiUser user) {
        Cycle cycle = cycles.administrable(cycleId, user);
        List<Assessment> unitAssessments = assessments.ofCycle(cycleId);
        Set<Long> ids = new HashSet<>(unitAssessments.stream().map(Assessment::getId).toList());
        List<UnitPositions.OpenTask> tasks = inbox.openTasks().stream().map(CycleProcessView::openTask)
                .filter(task -> ids.contains(task.assessmentId()) || Long.valueOf(cycleId).equals(task.cycleId()))
                .toList();

        Map<String, Map<String, List<UnitAt>>> placed = new LinkedHashMap<>();
        BpmnModels.CYCLE_MODELS.forEach(model -> placed.put(model, new LinkedHashMap<>()));
        for (Assessment assessment : unitAssessments) {
            UnitPositions.Position position = UnitPositions.ofUnit(assessment.getId(), assessment.getStatus(),
                    cycle.getStatus(), tasks);
            Long instance = position.processInstanceKey() != null ? position.processInstanceKey()
                    : position.processId().equals(ProcessModel.UnitAssessment.PROCESS_ID)
                    ? assessment.getProcessInstanceKey() : null;
            String name = names.unit(assessment.getUnitCode());
            placed.get(position.processId()).computeIfAbsent(position.elementId(), k -> new ArrayList<>())
                    .add(new UnitAt(assessment.getUnitCode(), name, link(instance)));
        }
        int unitCount = unitAssessments.isEmpty() ? cycles.groupUnits(cycle).size() : unitAssessments.size();
        boolean stillOpen = unitAssessments.stream()
                .anyMatch(a -> a.getStatus() == AssessmentStatus.OPEN);
        String cycleElement = UnitPositions.ofCycle(cycleId, cycle.getStep(), stillOpen, tasks);

        List<Diagram> diagrams = new ArrayList<>();
        for (String processId : BpmnModels.CYCLE_MODELS) {
            BpmnModels.Model model = models.model(processId);
            Map<String, Integer> counts = new LinkedHashMap<>();
            List<Station> stations = new ArrayList<>();
            if (processId.equals(ProcessModel.Cycle.PROCESS_ID)) {
                counts.put(cycleElement, unitCount);
                stations.add(new Station(cycleElement, model.elementNames().getOrDefault(cycleElement, cycleElement),
                        List.of(), link(cycle.getProcessInstanceKey())));
            } else {
                Map<String, List<UnitAt>> here = placed.get(processId);
                // In the model's own order, so the list reads as the process runs.
                for (String element : ordered(model, here.keySet())) {
                    counts.put(element, here.get(element).size());
                    stations.add(new Station(element, model.elementNames().getOrDefault(element, element),
                            here.get(element), null));
                }
            }
            diagrams.add(new Diagram(processId, model.name(), counts, stations));
        }
        return new View(cycle, names.group(cycle), unitCount, camundaMode && operate.configured(), diagrams);
    }

    private static List<String> ordered(BpmnModels.Model model, Set<String> elements) {
        List<String> ordered = new ArrayList<>(model.elementNames().keySet().stream().filter(elements::contains).toList());
        elements.stream().filter(element -> !ordered.contains(element)).forEach(ordered::add);
        return ordered;
    }

    private String link(Long processInstanceKey) {
        return camundaMode ? operate.instance(processInstanceKey) : null;
    }

    private static UnitPositions.OpenTask openTask(UserTask task) {
        return new UnitPositions.OpenTask(task.bpmnProcessId(), task.elementId(), number(task, "assessmentId"),
                number(task, "cycleId"), task.processInstanceKey());
    }

    private static Long number(UserTask task, String variable) {
        return task.variables() != null && task.variables().get(variable) instanceof Number n ? n.longValue() : null;
    }
}
