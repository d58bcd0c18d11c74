package vn.dti.cycle;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import vn.dti.framework.NotFoundException;
import vn.dti.workflow.ProcessModel;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The canonical models the engine runs (classpath {@code bpmn/}), for drawing: their XML and their elements' names. */
@Component
class BpmnModels {

    /** The models a cycle's units pass through, in the order the process view shows them. */
    static final List<String> CYCLE_MODELS = List.of(ProcessModel.Cycle.PROCESS_ID,
            ProcessModel.UnitAssessment.PROCESS_ID, ProcessModel.Appraisal.PROCESS_ID);

    private final Map<String, Model> models = new ConcurrentHashMap<>();

    record Model(String xml, String name, Map<String, String> elementNames) {
    }

    /** One of {@link #CYCLE_MODELS}; any other id is not found (nothing else is read from the class path). */
    Model model(String processId) {
        if (!CYCLE_MODELS.contains(processId)) {
            throw new NotFoundException("Không có sơ đồ quy trình " + processId);
        }
        return models.computeIfAbsent(processId, BpmnModels::read);
    }

    private static Model read(String processId) {
        try (InputStream in = new ClassPathResource("bpmn/" + processId + ".bpmn").getInputStream()) {
            byte[] bytes = in.readAllBytes();
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
            Element process = (Element) document.getElementsByTagNameNS("*", "process").item(0);
            Map<String, String> names = new LinkedHashMap<>();
            NodeList elements = process.getElementsByTagNameNS("*", "*");
            for (int i = 0; i < elements.getLength(); i++) {
                Element element = (Element) elements.item(i);
                if (element.hasAttribute("id") && element.hasAttribute("name")) {
                    names.put(element.getAttribute("id"), element.getAttribute("name"));
                }
            }
            return new Model(new String(bytes, StandardCharsets.UTF_8), process.getAttribute("name"), names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("bpmn/" + processId + ".bpmn không đọc được", e);
        }
    }
}
