package vn.dti.indicator;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

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
        } catch (JsonProcessingException e) {
            throw new InvalidIndicatorSetException(sourceName, List.of(describe(e)));
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

    /** Jackson's reason, in Vietnamese, with the line and the key's path: the administrator reads it, not a developer. */
    static String describe(JsonProcessingException e) {
        // A syntax error deep in the file reaches here wrapped in a mapping error of the key being read.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException syntax) {
                return (syntax.getLocation() != null ? "dòng " + syntax.getLocation().getLineNr() + ", cột "
                        + syntax.getLocation().getColumnNr() + ": " : "")
                        + "lỗi cú pháp YAML: hãy kiểm tra thụt lề, dấu hai chấm và các dấu ngoặc";
            }
        }
        String line = e.getLocation() != null && e.getLocation().getLineNr() > 0
                ? "dòng " + e.getLocation().getLineNr() + ": " : "";
        String path = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String what = path.isEmpty() ? "nội dung tệp" : "'" + path + "'";
        return line + switch (e) {
            case UnrecognizedPropertyException unknown -> "khóa '" + unknown.getPropertyName()
                    + "' không có trong định dạng" + (path.contains(".") ? " (ở '" + parent(path) + "')" : "")
                    + "; các khóa được nhận: " + unknown.getKnownPropertyIds().stream().map(Object::toString)
                    .sorted().collect(Collectors.joining(", "));
            case InvalidFormatException format -> "giá trị '" + format.getValue() + "' của " + what
                    + " không hợp lệ: cần " + expected(format.getTargetType());
            case InvalidNullException missing -> what + " không được để trống";
            case MismatchedInputException mismatch -> what + " không đúng dạng: cần " + expected(mismatch.getTargetType());
            default -> "không đọc được " + what;
        };
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    private static String parent(String path) {
        return path.substring(0, path.lastIndexOf('.'));
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "giá trị khác";
        }
        if (type.isEnum()) {
            return "một trong " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (Number.class.isAssignableFrom(type)) {
            return "một số (phần thập phân viết sau dấu chấm, ví dụ 12.5)";
        }
        if (type == LocalDate.class) {
            return "một ngày dạng năm-tháng-ngày, ví dụ 2024-01-31";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true hoặc false";
        }
        if (type == String.class) {
            return "một chuỗi chữ";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "một danh sách";
        }
        return "một nhóm khóa (khóa: giá trị)";
    }

    record Document(String province, Level level, String version, LocalDate effectiveFrom, Source source,
                    BigDecimal scale, Boolean complete, List<String> notes, List<Node> items,
                    RegulationProfile profile) {

        IndicatorSet toSet() {
            return new IndicatorSet(province, level, version, effectiveFrom,
                    source == null ? new SourceDecision(null, null, null, null) : source.toDecision(),
                    scale, complete == null || complete, notes,
                    items == null ? List.of() : items.stream().map(Node::toNode).toList(), profile);
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
