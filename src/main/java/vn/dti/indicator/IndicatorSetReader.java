package vn.dti.indicator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Reads the indicator set file format (YAML, documented in the README) and validates it.
 * Unknown keys are errors, so that a misspelt key never silently drops data.
 */
public final class IndicatorSetReader {

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private IndicatorSetReader() {
    }

    /** Parses and validates; {@code sourceName} (the file name) is used in every error. */
    public static IndicatorSet read(InputStream in, String sourceName) {
        Document document;
        try {
            document = YAML.readValue(in, Document.class);
        } catch (JsonMappingException e) {
            throw new InvalidIndicatorSetException(sourceName, List.of(e.getOriginalMessage()
                    + (e.getLocation() != null ? " (dòng " + e.getLocation().getLineNr() + ")" : "")));
        } catch (IOException e) {
            throw new InvalidIndicatorSetException(sourceName, List.of("không đọc được tệp: " + e.getMessage()));
        }
        if (document == null) {
            throw new InvalidIndicatorSetException(sourceName, List.of("tệp trống"));
        }
        IndicatorSet set = document.toSet();
        List<String> problems = IndicatorSetValidator.problems(set);
        if (!problems.isEmpty()) {
            throw new InvalidIndicatorSetException(sourceName, problems);
        }
        return set;
    }

    record Document(String province, Level level, String version, LocalDate effectiveFrom, Source source,
                    BigDecimal scale, Boolean complete, List<String> notes, List<Node> items) {

        IndicatorSet toSet() {
            return new IndicatorSet(province, level, version, effectiveFrom,
                    source == null ? new SourceDecision(null, null, null, null) : source.toDecision(),
                    scale, complete == null || complete, notes,
                    items == null ? List.of() : items.stream().map(Node::toNode).toList());
        }
    }

    record Source(String number, LocalDate date, String title, String seed) {
        SourceDecision toDecision() {
            return new SourceDecision(number, date, title, seed);
        }
    }

    record Node(String code, String name, NodeType type, BigDecimal points, ItemKind kind, List<String> parts,
                List<Node> children) {
        IndicatorNode toNode() {
            return new IndicatorNode(code, name, type, points, kind, parts,
                    children == null ? List.of() : children.stream().map(Node::toNode).toList());
        }
    }
}
