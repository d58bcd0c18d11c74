package vn.dti.cycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import vn.dti.framework.ForbiddenException;
import vn.dti.security.CurrentUser;
import vn.dti.security.DtiUser;
import vn.dti.security.Role;

import java.util.List;
import java.util.Map;

/** The process view of a cycle: its models drawn by bpmn-js with where the units stand, and the same as lists. */
@Controller
@RequestMapping("/admin")
class ProcessPages {

    private final CycleProcessView processView;
    private final BpmnModels models;
    private final CurrentUser currentUser;
    private final ObjectMapper json;

    ProcessPages(CycleProcessView processView, BpmnModels models, CurrentUser currentUser, ObjectMapper json) {
        this.processView = processView;
        this.models = models;
        this.currentUser = currentUser;
        this.json = json;
    }

    @GetMapping("/cycles/{id}/process")
    String process(@PathVariable long id, Model model) {
        CycleProcessView.View view = processView.of(id, currentUser.get());
        Cycle cycle = view.cycle();
        model.addAttribute("cycleId", cycle.getId());
        model.addAttribute("title", "Kỳ đánh giá năm " + cycle.getYear() + " của " + view.group());
        model.addAttribute("status", cycle.getStatus().label());
        model.addAttribute("unitCount", view.unitCount());
        model.addAttribute("operateLinks", view.operateLinks());
        model.addAttribute("diagrams", view.diagrams().stream()
                .map(diagram -> new DiagramPage(diagram, counts(diagram.counts()))).toList());
        return "admin/process";
    }

    /** A model's XML for the drawing, read by the page's script. */
    @GetMapping("/processes/{processId}.bpmn")
    ResponseEntity<String> model(@PathVariable String processId) {
        DtiUser user = currentUser.get();
        if (user.role() != Role.ADMIN) {
            throw new ForbiddenException("Sơ đồ quy trình ở trang quản trị chỉ dành cho quản trị viên tỉnh");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(models.model(processId).xml());
    }

    private String counts(Map<String, Integer> counts) {
        try {
            return json.writeValueAsString(counts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    record DiagramPage(CycleProcessView.Diagram diagram, String countsJson) {

        public List<CycleProcessView.Station> stations() {
            return diagram.stations();
        }
    }
}
