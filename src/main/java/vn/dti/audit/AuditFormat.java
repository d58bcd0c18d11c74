package vn.dti.audit;

import com.fasterxml.jackson.databind.JsonNode;
import vn.dti.calendar.CalendarField;
import vn.dti.framework.VietnameseFormat;
import vn.dti.indicator.Level;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The state before and after an action as people read it: one line per field with a Vietnamese label, dates as
 * dd/MM/yyyy HH:mm, decimal commas, yes/no, Vietnamese names of statuses and calendar stages. Empty fields are left
 * out; nested values are flattened; very long texts are cut.
 */
final class AuditFormat {

    record Line(String label, String value) {
    }

    private static final int LONGEST = 300;

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("field", "Mốc"), Map.entry("value", "Thời điểm"), Map.entry("reason", "Lý do"),
            Map.entry("unitCode", "Đơn vị"), Map.entry("unit", "Đơn vị"), Map.entry("status", "Trạng thái"),
            Map.entry("comment", "Ý kiến"), Map.entry("approved", "Phê duyệt"), Map.entry("request", "Yêu cầu số"),
            Map.entry("items", "Các mục"), Map.entry("question", "Nội dung yêu cầu"), Map.entry("answer", "Trả lời"),
            Map.entry("evidence", "Tài liệu kiểm chứng"), Map.entry("met", "Đạt"), Map.entry("numerator", "Tử số"),
            Map.entry("denominator", "Mẫu số"), Map.entry("percent", "Tỷ lệ (%)"), Map.entry("points", "Điểm"),
            Map.entry("notApplicable", "Không áp dụng"), Map.entry("explanation", "Giải trình"),
            Map.entry("appraised", "Điểm thẩm định"), Map.entry("added", "Thêm tệp"),
            Map.entry("replyDeadline", "Hạn trả lời"), Map.entry("province", "Tỉnh"), Map.entry("year", "Năm"),
            Map.entry("level", "Cấp"), Map.entry("group", "Nhóm"), Map.entry("indicatorSet", "Bộ chỉ số"),
            Map.entry("element", "Bước quy trình"), Map.entry("processInstance", "Quy trình số"),
            Map.entry("assessmentId", "Phiếu số"), Map.entry("cycleId", "Kỳ số"),
            Map.entry("completedBy", "Người hoàn thành"), Map.entry("now", "Thời điểm"), Map.entry("units", "Đơn vị"),
            Map.entry("rank", "Hạng"), Map.entry("total", "Tổng điểm"), Map.entry("band", "Xếp loại"),
            Map.entry("file", "Tệp"), Map.entry("sha256", "SHA-256"), Map.entry("discrepancies", "Số liệu không khớp"),
            Map.entry("step", "Bước"), Map.entry("startedBefore", "Chạy lại trước bước"),
            Map.entry("decision", "Quyết định"), Map.entry("generalInfo", "Thông tin chung"));

    private static final Map<String, String> STATUSES = Map.ofEntries(
            Map.entry("OPEN", "đang mở"), Map.entry("SUBMITTED", "đã nộp"), Map.entry("NOT_REPORTED", "không báo cáo"),
            Map.entry("APPRAISED", "đã thẩm định"), Map.entry("ANSWERED", "đã trả lời"),
            Map.entry("UNANSWERED", "quá hạn, không trả lời"), Map.entry("PUBLISHED", "đã công bố"));

    private AuditFormat() {
    }

    static List<Line> lines(JsonNode state) {
        List<Line> lines = new ArrayList<>();
        if (state == null || state.isNull() || state.isMissingNode()) {
            return lines;
        }
        if (state.isObject()) {
            state.fields().forEachRemaining(field ->
                    add(lines, label(field.getKey()), field.getKey(), field.getValue()));
        } else {
            add(lines, "Giá trị", "", state);
        }
        return lines;
    }

    private static void add(List<Line> lines, String label, String key, JsonNode value) {
        if (value == null || value.isNull() || value.isArray() && value.isEmpty()) {
            return;
        }
        if (value.isObject()) {
            value.fields().forEachRemaining(field ->
                    add(lines, label + " › " + label(field.getKey()), field.getKey(), field.getValue()));
        } else if (value.isArray() && value.get(0).isObject()) {
            for (int i = 0; i < value.size(); i++) {
                lines.add(new Line(label + " " + (i + 1), cut(compact(value.get(i)))));
            }
        } else {
            lines.add(new Line(label, cut(text(key, value))));
        }
    }

    /** An object on one line: "BN-S01 · hạng 1 · 162,08 · Tốt" reads better than one line per field. */
    private static String compact(JsonNode object) {
        List<String> parts = new ArrayList<>();
        object.fields().forEachRemaining(field -> {
            if (!field.getValue().isNull()) {
                parts.add(label(field.getKey()).toLowerCase(Locale.ROOT) + ": "
                        + text(field.getKey(), field.getValue()));
            }
        });
        return String.join(" · ", parts);
    }

    private static String text(String key, JsonNode value) {
        if (value.isArray()) {
            List<String> each = new ArrayList<>();
            value.forEach(item -> each.add(item.isObject() ? compact(item) : text(key, item)));
            return String.join(", ", each);
        }
        if (value.isObject()) {
            return compact(value);
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? "có" : "không";
        }
        if (value.isNumber()) {
            return key.endsWith("Id") || key.equals("processInstance") || key.equals("request") || key.equals("year")
                    ? value.asText() : decimal(value.decimalValue());
        }
        String text = value.asText();
        if (key.equals("status") && STATUSES.containsKey(text)) {
            return STATUSES.get(text);
        }
        if (key.equals("field")) {
            return Arrays.stream(CalendarField.values()).filter(f -> f.name().equals(text)).findFirst()
                    .map(CalendarField::label).orElse(text.equals("UNIT_DEADLINE") ? "hạn nộp của đơn vị" : text);
        }
        if (key.equals("level")) {
            return Arrays.stream(Level.values()).filter(l -> l.name().equals(text)).findFirst()
                    .map(Level::label).orElse(text);
        }
        return dateTime(text);
    }

    private static String decimal(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /** ISO date-times (how the log stores instants) as dd/MM/yyyy HH:mm in Việt Nam's time; other texts unchanged. */
    private static String dateTime(String text) {
        if (text.length() >= 16 && text.length() <= 40 && text.charAt(4) == '-' && text.charAt(10) == 'T') {
            try {
                return VietnameseFormat.dateTime(OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException e) {
                return text;
            }
        }
        return text;
    }

    private static String label(String key) {
        return LABELS.getOrDefault(key, key);
    }

    private static String cut(String text) {
        return text.length() <= LONGEST ? text : text.substring(0, LONGEST) + "…";
    }
}
