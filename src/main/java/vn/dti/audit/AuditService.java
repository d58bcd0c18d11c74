package vn.dti.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dti.framework.FieldProblem;
import vn.dti.framework.ForbiddenException;
import vn.dti.framework.InvalidInputException;
import vn.dti.framework.VietnameseFormat;
import vn.dti.indicator.Level;
import vn.dti.security.DtiUser;
import vn.dti.security.Role;
import vn.dti.unit.Unit;
import vn.dti.unit.UnitCatalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the audit log for the council and the administrator: a province's administrator and council read every
 * entry of its units and cycles (an administrator also who moved the engine's clock); a huyện's council reads those
 * of its xã's cycles. Anyone else is refused. Newest first, filtered by unit, action and dates, a page at a time.
 */
@Service
@Transactional(readOnly = true)
class AuditService {

    static final int MAX_SIZE = 200;
    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final UnitCatalog units;

    AuditService(JdbcTemplate jdbc, ObjectMapper json, UnitCatalog units) {
        this.jdbc = jdbc;
        this.json = json;
        this.units = units;
    }

    /** Filters as typed: dates dd/MM/yyyy or ISO ({@code 2025-06-05}, or an instant with its offset). */
    record Query(String unit, String action, String from, String to, int page, int size) {
    }

    record Entry(long id, Instant at, String atText, String actor, String action, String actionLabel,
                 String subjectType, String subjectId, String subjectText, String unit, String unitName,
                 String province, JsonNode before, JsonNode after) {
    }

    record Result(List<Entry> entries, long total, int page, int size) {
    }

    Result read(Query query, DtiUser user) {
        StringBuilder where = new StringBuilder();
        List<Object> arguments = new ArrayList<>();
        scope(user, where, arguments);

        List<FieldProblem> problems = new ArrayList<>();
        String unitCode = blankToNull(query.unit());
        Optional<Unit> unit = unitCode == null ? Optional.empty() : units.unit(unitCode.toUpperCase(Locale.ROOT));
        if (unitCode != null && unit.isEmpty()) {
            problems.add(new FieldProblem("unit", "không có đơn vị mã '" + unitCode + "'"));
        }
        Instant from = instant("from", query.from(), false, problems);
        Instant to = instant("to", query.to(), true, problems);
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add(new FieldProblem("to", "ngày kết thúc trước ngày bắt đầu"));
        }
        if (query.page() < 0) {
            problems.add(new FieldProblem("page", "số trang bắt đầu từ 0, đã nhập " + query.page()));
        }
        if (query.size() < 1 || query.size() > MAX_SIZE) {
            problems.add(new FieldProblem("size", "số dòng mỗi trang từ 1 đến " + MAX_SIZE + ", đã nhập "
                    + query.size()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (unit.isPresent()) {
            if (!mayRead(user, unit.get())) {
                throw new ForbiddenException("Bạn không được xem nhật ký của " + unit.get().getName());
            }
            where.append(" and unit_code = ?");
            arguments.add(unit.get().getCode());
        }
        String action = blankToNull(query.action());
        if (action != null) {
            where.append(" and action = ?");
            arguments.add(action);
        }
        if (from != null) {
            where.append(" and at >= ?");
            arguments.add(Timestamp.from(from));
        }
        if (to != null) {
            where.append(" and at < ?");
            arguments.add(Timestamp.from(to));
        }

        Long total = jdbc.queryForObject("select count(*) from audit_entry where " + where, Long.class,
                arguments.toArray());
        List<Object> paged = new ArrayList<>(arguments);
        paged.add(query.size());
        paged.add((long) query.page() * query.size());
        List<Entry> entries = jdbc.query("select id, at, actor, action, subject_type, subject_id, before::text,"
                        + " after::text, unit_code, province_code from audit_entry where " + where
                        + " order by at desc, id desc limit ? offset ?",
                (rs, n) -> {
                    Instant at = rs.getTimestamp("at").toInstant();
                    String code = rs.getString("unit_code");
                    return new Entry(rs.getLong("id"), at, VietnameseFormat.dateTime(at), rs.getString("actor"),
                            rs.getString("action"), AuditActions.label(rs.getString("action")),
                            rs.getString("subject_type"), rs.getString("subject_id"),
                            subjectText(rs.getString("subject_type"), rs.getString("subject_id")), code,
                            code == null ? null : units.unit(code).map(Unit::getName).orElse(code),
                            rs.getString("province_code"), parse(rs.getString(7)), parse(rs.getString(8)));
                }, paged.toArray());
        return new Result(entries, total == null ? 0 : total, query.page(), query.size());
    }

    /** What an entry is about, in words: "phiếu số 12, mục 1.1", "kỳ đánh giá số 3". */
    static String subjectText(String type, String id) {
        return switch (type) {
            case "assessment" -> {
                int slash = id.indexOf('/');
                yield slash < 0 ? "phiếu số " + id : "phiếu số " + id.substring(0, slash) + ", mục "
                        + id.substring(slash + 1);
            }
            case "cycle" -> "kỳ đánh giá số " + id;
            case "task" -> "công việc số " + id;
            case "results-import" -> "lần nhập bảng kết quả số " + id;
            case "engine-clock" -> "đồng hồ quy trình";
            default -> type + " " + id;
        };
    }

    /** The units whose entries this user may read, in the catalog's order: the page offers them as a filter. */
    List<Unit> readableUnits(DtiUser user) {
        requireReader(user);
        return units.units(user.province()).stream().filter(unit -> mayRead(user, unit)).toList();
    }

    private static void scope(DtiUser user, StringBuilder where, List<Object> arguments) {
        requireReader(user);
        if (user.role() == Role.ADMIN) {
            where.append("(province_code = ? or subject_type = 'engine-clock')");
            arguments.add(user.province());
        } else if (provinceWide(user)) {
            where.append("province_code = ?");
            arguments.add(user.province());
        } else {
            // A huyện's council: its xã's cycles, whose group is the huyện.
            where.append("province_code = ? and group_code = ?");
            arguments.add(user.province());
            arguments.add(user.scope());
        }
    }

    private static void requireReader(DtiUser user) {
        if (user.role() != Role.ADMIN && user.role() != Role.COUNCIL) {
            throw new ForbiddenException("Chỉ Hội đồng thẩm định và quản trị viên được xem nhật ký thay đổi");
        }
    }

    private static boolean provinceWide(DtiUser user) {
        return user.role() == Role.ADMIN || user.scope().equals(user.province());
    }

    private static boolean mayRead(DtiUser user, Unit unit) {
        if (!unit.getProvinceCode().equals(user.province())) {
            return false;
        }
        return provinceWide(user) || unit.getLevel() == Level.XA && user.scope().equals(unit.getParentCode());
    }

    private static Instant instant(String field, String text, boolean endOfDay, List<FieldProblem> problems) {
        String value = blankToNull(text);
        if (value == null) {
            return null;
        }
        try {
            LocalDate date = value.contains("/") ? LocalDate.parse(value, VIETNAMESE_DATE) : LocalDate.parse(value);
            return (endOfDay ? date.plusDays(1) : date).atStartOfDay(VietnameseFormat.VIETNAM).toInstant();
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException notAnInstant) {
                problems.add(new FieldProblem(field, "'" + value + "' không phải ngày dd/MM/yyyy hay ISO 8601"));
                return null;
            }
        }
    }

    private JsonNode parse(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
