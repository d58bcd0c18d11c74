package vn.dti.calendar;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dti.framework.AuditLog;
import vn.dti.framework.InvalidInputException;
import vn.dti.framework.NotFoundException;
import vn.dti.unit.UnitCatalog;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Each cycle's calendar: created from its province's template, changed by administrators while the cycle runs.
 * A change or extension is checked, stored, kept in the history and written to the audit log in one transaction,
 * so a refused one leaves no trace. "Now" is passed in: it is the engine's clock, which may run ahead of the wall's.
 */
@Service
@Transactional
public class CalendarService {

    private final CalendarTemplates templates;
    private final StoredCalendarRepository calendars;
    private final StoredCalendarChangeRepository changes;
    private final UnitDeadlineRepository unitDeadlines;
    private final UnitCatalog units;
    private final AuditLog audit;

    CalendarService(CalendarTemplates templates, StoredCalendarRepository calendars,
                    StoredCalendarChangeRepository changes, UnitDeadlineRepository unitDeadlines, UnitCatalog units,
                    AuditLog audit) {
        this.templates = templates;
        this.calendars = calendars;
        this.changes = changes;
        this.unitDeadlines = unitDeadlines;
        this.units = units;
        this.audit = audit;
    }

    /**
     * The calendar a cycle of {@code year} would get (province code as in units/*.yaml: BN, DLK, KT, NA, QNA, TN…):
     * the province's template, with {@code dates} supplying the stages its decision does not state. Refused,
     * naming the field, when the province has no template, a date not stated is not given, or the stages are out of
     * order; nothing is stored.
     */
    @Transactional(readOnly = true)
    public CycleCalendar plan(String provinceCode, int year, Map<CalendarField, OffsetDateTime> dates) {
        return template(provinceCode).forYear(year, dates);
    }

    /**
     * The stages the province's calendar does not state, in their order, each with what its decision says instead:
     * the administrator gives them when opening a cycle.
     */
    @Transactional(readOnly = true)
    public Map<CalendarField, String> notStated(String provinceCode) {
        Map<CalendarField, String> stages = new LinkedHashMap<>();
        templates.forProvince(provinceCode).ifPresent(template -> template.notStated()
                .forEach(field -> stages.put(field, template.date(field).source())));
        return stages;
    }

    /** {@link #createFor(long, String, int, Map)} for a province whose calendar states every date. */
    public CycleCalendar createFor(long cycleId, String provinceCode, int year) {
        return createFor(cycleId, provinceCode, year, Map.of());
    }

    /**
     * The planned calendar, stored for the cycle. A cycle that already has a calendar keeps it: a retried start must
     * not undo an administrator's changes.
     */
    public CycleCalendar createFor(long cycleId, String provinceCode, int year,
                                   Map<CalendarField, OffsetDateTime> dates) {
        Optional<StoredCalendar> existing = calendars.findById(cycleId);
        if (existing.isPresent()) {
            return existing.get().toCalendar();
        }
        CycleCalendar calendar = plan(provinceCode, year, dates);
        calendars.save(new StoredCalendar(cycleId, provinceCode, calendar));
        return calendar;
    }

    private CalendarTemplate template(String provinceCode) {
        return templates.forProvince(provinceCode).orElseThrow(() -> new InvalidInputException("province",
                "tỉnh " + provinceCode + " chưa có lịch (tệp calendars/*.yaml, hoặc trong thư mục"
                        + " DTI_CALENDARS_DIRECTORY): thêm lịch của tỉnh trước khi mở kỳ đánh giá"));
    }

    @Transactional(readOnly = true)
    public CycleCalendar calendar(long cycleId) {
        return stored(cycleId).toCalendar();
    }

    /**
     * Moves one stage's date, if it has not passed, the new date lies ahead of {@code now} and the stages stay in
     * order; refusals are InvalidInputException on the field's name with the reason, naming both dates.
     */
    public CycleCalendar change(long cycleId, CalendarField field, OffsetDateTime value, String actor, String reason,
                                Instant now) {
        requireReason(reason);
        StoredCalendar stored = calendars.findForUpdate(cycleId).orElseThrow(() -> notFound(cycleId));
        CycleCalendar before = stored.toCalendar();
        CycleCalendar after = before.change(field, value, now, extendedDeadlines(cycleId));
        stored.apply(after);
        record("calendar.change", cycleId, field.name(), null, before.get(field), after.get(field), actor, reason,
                now);
        return after;
    }

    /**
     * One unit's own self-assessment deadline; it must be after now, after the common deadline and before the
     * appraisal start. A later extension replaces an earlier one; the history keeps both.
     */
    public OffsetDateTime extend(long cycleId, String unitCode, OffsetDateTime deadline, String actor, String reason,
                                 Instant now) {
        requireReason(reason);
        StoredCalendar stored = calendars.findForUpdate(cycleId).orElseThrow(() -> notFound(cycleId));
        if (units.unit(unitCode).filter(unit -> unit.getProvinceCode().equals(stored.provinceCode())).isEmpty()) {
            throw new InvalidInputException("unitCode", "tỉnh " + stored.provinceCode() + " không có đơn vị mã '"
                    + unitCode + "'");
        }
        CycleCalendar calendar = stored.toCalendar();
        Optional<UnitDeadline> current = unitDeadlines.findByCycleIdAndUnitCode(cycleId, unitCode);
        OffsetDateTime before = calendar.deadlineFor(current.map(UnitDeadline::deadline));
        OffsetDateTime after = calendar.extension(deadline, now);
        current.ifPresentOrElse(extension -> extension.extendTo(after),
                () -> unitDeadlines.save(new UnitDeadline(cycleId, unitCode, after)));
        record("calendar.extend", cycleId, CalendarChange.UNIT_DEADLINE, unitCode, before, after, actor, reason, now);
        return after;
    }

    /** The unit's extension, else the cycle's deadline. */
    @Transactional(readOnly = true)
    public OffsetDateTime deadlineFor(long cycleId, String unitCode) {
        return deadlineFor(calendar(cycleId), cycleId, unitCode);
    }

    /** The next reminder strictly after {@code after} for this unit ({@code deadline − each offset}), or empty. */
    @Transactional(readOnly = true)
    public Optional<OffsetDateTime> nextReminder(long cycleId, String unitCode, Instant after) {
        CycleCalendar calendar = calendar(cycleId);
        return calendar.nextReminder(deadlineFor(calendar, cycleId, unitCode), after);
    }

    /** Every change and extension, oldest first. */
    @Transactional(readOnly = true)
    public List<CalendarChange> history(long cycleId) {
        stored(cycleId);
        return changes.findByCycleIdOrderById(cycleId).stream().map(StoredCalendarChange::toChange).toList();
    }

    private OffsetDateTime deadlineFor(CycleCalendar calendar, long cycleId, String unitCode) {
        return calendar.deadlineFor(unitDeadlines.findByCycleIdAndUnitCode(cycleId, unitCode)
                .map(UnitDeadline::deadline));
    }

    private Map<String, OffsetDateTime> extendedDeadlines(long cycleId) {
        return unitDeadlines.findByCycleId(cycleId).stream()
                .collect(Collectors.toMap(UnitDeadline::unitCode, UnitDeadline::deadline));
    }

    private void record(String action, long cycleId, String field, String unitCode, OffsetDateTime before,
                        OffsetDateTime after, String actor, String reason, Instant now) {
        changes.save(new StoredCalendarChange(cycleId, field, unitCode, before.toInstant(), after.toInstant(), actor,
                reason, now));
        audit.record(now, actor, action, "cycle", String.valueOf(cycleId),
                new AuditedDate(field, unitCode, before, null), new AuditedDate(field, unitCode, after, reason));
    }

    private StoredCalendar stored(long cycleId) {
        return calendars.findById(cycleId).orElseThrow(() -> notFound(cycleId));
    }

    private static NotFoundException notFound(long cycleId) {
        return new NotFoundException("Chu kỳ " + cycleId + " chưa có lịch");
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "bắt buộc: ghi lý do thay đổi lịch");
        }
    }

    /** What the audit log keeps of a date before and after; the reason goes with the new one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AuditedDate(String field, String unitCode, OffsetDateTime value, String reason) {
    }
}
