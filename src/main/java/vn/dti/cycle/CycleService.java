package vn.dti.cycle;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dti.assessment.Assessment;
import vn.dti.assessment.AssessmentService;
import vn.dti.assessment.AssessmentStatus;
import vn.dti.assessment.DeadlineVariables;
import vn.dti.calendar.CalendarField;
import vn.dti.calendar.CalendarService;
import vn.dti.calendar.CycleCalendar;
import vn.dti.framework.AuditLog;
import vn.dti.framework.ConflictException;
import vn.dti.framework.ForbiddenException;
import vn.dti.framework.InvalidInputException;
import vn.dti.framework.NotFoundException;
import vn.dti.framework.VietnameseFormat;
import vn.dti.indicator.IndicatorSet;
import vn.dti.indicator.IndicatorSetCatalog;
import vn.dti.indicator.Level;
import vn.dti.security.DtiUser;
import vn.dti.security.Role;
import vn.dti.unit.Unit;
import vn.dti.unit.UnitCatalog;
import vn.dti.workflow.EngineClock;
import vn.dti.workflow.EngineEpoch.JobId;
import vn.dti.workflow.ProcessDates;
import vn.dti.workflow.ProcessEngine;
import vn.dti.workflow.ProcessModel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Starts cycles, follows their steps, and carries an administrator's calendar changes into the running processes. */
@Service
@Transactional
public class CycleService {

    /**
     * The years a cycle may be opened for: four digits, as dates are written (the embedded engine's clock may be moved
     * years ahead, so no nearer bound); far beyond, a year overflows the dates derived from it.
     */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 9999;

    private final CycleRepository cycles;
    private final CycleDecisionRepository decisions;
    private final IndicatorSetCatalog indicatorSets;
    private final UnitCatalog units;
    private final AssessmentService assessments;
    private final CalendarService calendars;
    private final ProcessEngine engine;
    private final EngineClock clock;
    private final AuditLog audit;
    private final CycleStartLock startLock;

    CycleService(CycleRepository cycles, CycleDecisionRepository decisions, IndicatorSetCatalog indicatorSets,
                 UnitCatalog units, AssessmentService assessments, CalendarService calendars, ProcessEngine engine,
                 EngineClock clock, AuditLog audit, CycleStartLock startLock) {
        this.cycles = cycles;
        this.decisions = decisions;
        this.indicatorSets = indicatorSets;
        this.units = units;
        this.assessments = assessments;
        this.calendars = calendars;
        this.engine = engine;
        this.clock = clock;
        this.audit = audit;
        this.startLock = startLock;
    }

    /**
     * Opens a cycle for one group: the Sở or the huyện of a province, or the xã of one huyện ({@code group} is then
     * the huyện's code). The indicator set in force on 31/12 of the year is bound to it.
     */
    public Cycle start(String province, int year, Level level, String group, DtiUser user) {
        return start(province, year, level, group, Map.of(), user);
    }

    /**
     * The same, with {@code dates} for the stages the province's calendar does not state: a cycle of such a province
     * is refused, naming each missing stage, until the administrator gives them.
     */
    public Cycle start(String province, int year, Level level, String group, Map<CalendarField, OffsetDateTime> dates,
                       DtiUser user) {
        if (!user.isAdminOf(province)) {
            throw new ForbiddenException("Chỉ quản trị viên của tỉnh " + province + " được mở kỳ đánh giá");
        }
        units.province(province).orElseThrow(() -> new InvalidInputException("province", "không có tỉnh mã " + province));
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidInputException("year", "năm từ " + FIRST_YEAR + " đến " + LAST_YEAR + ", đã nhập " + year);
        }
        String groupCode = level == Level.XA ? huyen(province, group).getCode() : level.name();
        IndicatorSet set = indicatorSets.inForce(province, level, LocalDate.of(year, 12, 31))
                .orElseThrow(() -> new InvalidInputException("level", "tỉnh " + province + " chưa có bộ chỉ số "
                        + level.label() + " có hiệu lực trong năm " + year + unusable(province, level)));
        if (!set.complete()) {
            throw new InvalidInputException("level", "bộ chỉ số " + set.id() + " chưa đủ điểm các mục, chưa dùng được");
        }
        if (groupUnits(province, level, groupCode).isEmpty()) {
            throw new InvalidInputException("level", "nhóm " + groupCode + " của tỉnh " + province + " chưa có đơn vị nào");
        }
        calendars.plan(province, year, dates);
        ConflictException alreadyOpen = new ConflictException("Kỳ đánh giá năm " + year + " của nhóm " + groupCode
                + " tỉnh " + province + " đã được mở");
        if (cycles.findByProvinceCodeAndYearAndLevelAndGroupCode(province, year, level, groupCode).isPresent()) {
            throw alreadyOpen;
        }
        String scope = level == Level.XA ? groupCode : province;
        Instant now = clock.now();
        Cycle cycle;
        try {
            cycle = cycles.save(new Cycle(province, year, level, groupCode, set.id(), Role.COUNCIL.group(scope),
                    Role.CHAIRMAN.group(scope), ProcessModel.Cycle.OPEN_PERIOD, now));
        } catch (DataIntegrityViolationException e) {
            // A parallel start of the same cycle got there first: the table's unique key decides, and this one
            // waited for it to commit.
            throw alreadyOpen;
        }
        startLock.hold(cycle.getId());
        CycleCalendar calendar = calendars.createFor(cycle.getId(), province, year, dates);
        audit.record(now, user.username(), "cycle.start", "cycle", cycle.getId().toString(), null,
                Map.of("province", province, "year", year, "level", level, "group", groupCode, "indicatorSet", set.id()));
        cycle.attachProcess(engine.start(ProcessModel.Cycle.PROCESS_ID, variables(cycle, calendar)));
        return cycle;
    }

    /** The sets of the province and level that exist but can bind no year, and why: a refusal names them. */
    private String unusable(String province, Level level) {
        List<String> reasons = indicatorSets.all().stream()
                .filter(set -> set.province().equals(province) && set.level() == level && set.effectiveFrom() == null)
                .map(set -> set.id() + " chưa có ngày hiệu lực" + (set.complete() ? "" : " và chưa đủ điểm các mục"))
                .toList();
        return reasons.isEmpty() ? "" : " (" + String.join("; ", reasons) + ", nên chưa dùng được)";
    }

    /**
     * A cycle's dates end with its publication, the year after: a date years later would overflow the engine's timers
     * and the database's timestamps (one in the past is refused by the calendar, with its own reason).
     */
    private static void requireWithinCycle(Cycle cycle, String field, OffsetDateTime value) {
        if (value.getYear() > cycle.getYear() + 2) {
            throw new InvalidInputException(field, "ngày " + VietnameseFormat.date(value.toLocalDate())
                    + " quá xa: các mốc của kỳ đánh giá năm " + cycle.getYear() + " không sau năm "
                    + (cycle.getYear() + 2));
        }
    }

    /** The variables a cycle's process starts with (or restarts with after an embedded engine's restart). */
    Map<String, Object> variables(Cycle cycle, CycleCalendar calendar) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("cycleId", cycle.getId());
        variables.put("provinceCode", cycle.getProvinceCode());
        variables.put("councilGroup", cycle.getCouncilGroup());
        variables.put("approverGroup", cycle.getApproverGroup());
        variables.put("appraisalStartAt", ProcessDates.format(calendar.appraisalStart()));
        variables.put("publicationAt", ProcessDates.format(calendar.publicationAt()));
        return variables;
    }

    /** The units of the group as they are now: frozen into assessments when the period opens. */
    public List<String> groupUnits(Cycle cycle) {
        return groupUnits(cycle.getProvinceCode(), cycle.getLevel(), cycle.getGroupCode());
    }

    private List<String> groupUnits(String province, Level level, String groupCode) {
        return units.units(province, level).stream()
                .filter(unit -> level != Level.XA || groupCode.equals(unit.getParentCode()))
                .map(Unit::getCode).toList();
    }

    /** The group as people name it: "Các sở, ban, ngành", "Các xã thuộc UBND huyện Một". */
    public String groupName(Cycle cycle) {
        return switch (cycle.getLevel()) {
            case SO -> "Các sở, ban, ngành";
            case HUYEN -> "UBND các huyện, thị xã, thành phố";
            case XA -> "Các xã thuộc " + units.unit(cycle.getGroupCode()).map(Unit::getName)
                    .orElse(cycle.getGroupCode());
        };
    }

    private Unit huyen(String province, String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException("group", "với cấp xã, hãy chọn huyện (mã đơn vị cấp huyện) có các xã được đánh giá");
        }
        return units.unit(code).filter(unit -> unit.getLevel() == Level.HUYEN && unit.getProvinceCode().equals(province))
                .orElseThrow(() -> new InvalidInputException("group", "không có đơn vị cấp huyện mã " + code
                        + " của tỉnh " + province));
    }

    @Transactional(readOnly = true)
    public Cycle get(long id) {
        return cycles.findById(id).orElseThrow(() -> new NotFoundException("Không có kỳ đánh giá số " + id));
    }

    /** The cycle whose period opens, read once the start that created it has committed: its first job may come sooner. */
    @Transactional(readOnly = true)
    public Cycle opening(long id) {
        startLock.awaitStart(id);
        return get(id);
    }

    /** The province's administrator, council and chairman follow its cycles; for xã, those of the huyện too. */
    @Transactional(readOnly = true)
    public Cycle readable(long id, DtiUser user) {
        Cycle cycle = get(id);
        boolean allowed = switch (user.role()) {
            case ADMIN -> user.province().equals(cycle.getProvinceCode());
            case COUNCIL, CHAIRMAN -> user.scope().equals(cycle.getProvinceCode())
                    || user.scope().equals(cycle.getGroupCode());
            case UNIT_OFFICER, PLATFORM_ADMIN -> false;
        };
        if (!allowed) {
            throw new ForbiddenException("Bạn không theo dõi được kỳ đánh giá này");
        }
        return cycle;
    }

    /** The administrator's province's cycles, the latest year first. */
    @Transactional(readOnly = true)
    public List<Cycle> administeredCycles(DtiUser user) {
        if (user.role() != Role.ADMIN) {
            throw new ForbiddenException("Chỉ quản trị viên tỉnh xem được danh sách kỳ đánh giá để quản trị");
        }
        return cycles.findByProvinceCodeOrderById(user.province()).stream()
                .sorted(Comparator.comparing(Cycle::getYear).reversed()
                        .thenComparing(Cycle::getId, Comparator.reverseOrder()))
                .toList();
    }

    /** A cycle its province's administrator follows, published ones included. */
    @Transactional(readOnly = true)
    public Cycle administrable(long id, DtiUser user) {
        Cycle cycle = get(id);
        if (!user.isAdminOf(cycle.getProvinceCode())) {
            throw new ForbiddenException("Chỉ quản trị viên của tỉnh " + cycle.getProvinceCode()
                    + " quản trị được kỳ đánh giá này");
        }
        return cycle;
    }

    @Transactional(readOnly = true)
    public List<Cycle> openCycles() {
        return cycles.findByStatusNotOrderById(CycleStatus.PUBLISHED);
    }

    public void reached(long id, String step, CycleStatus status) {
        get(id).reached(step, status, clock.now());
    }

    public void attachProcess(long id, long processInstanceKey) {
        get(id).attachProcess(processInstanceKey);
    }

    /** Idempotent: the same job (a redelivery) records the decision once; another run's job is another decision. */
    public void recordDecision(long id, boolean approved, String comment, String by, JobId job) {
        if (decisions.existsByJobEpochAndJobKey(job.epoch(), job.key())) {
            return;
        }
        Instant now = clock.now();
        decisions.save(new CycleDecision(id, approved, comment, by, now, job));
        audit.record(now, by, approved ? "cycle.approve" : "cycle.return", "cycle", String.valueOf(id), null,
                comment == null ? Map.of("approved", approved) : Map.of("approved", approved, "comment", comment));
        reached(id, approved ? ProcessModel.Cycle.AWAIT_PUBLICATION : ProcessModel.Cycle.REVISE_RANKING,
                approved ? CycleStatus.AWAITING_PUBLICATION : CycleStatus.REVISION);
    }

    @Transactional(readOnly = true)
    public List<CycleDecision> decisions(long id) {
        return decisions.findByCycleIdOrderById(id);
    }

    /** An administrator moves a date of the cycle's calendar; the running processes re-arm their timers. */
    public CycleCalendar changeCalendar(long id, CalendarField field, OffsetDateTime value, String reason, DtiUser user) {
        Cycle cycle = administered(id, user);
        requireWithinCycle(cycle, "value", value);
        CycleCalendar calendar = calendars.change(id, field, value, user.username(), reason, clock.now());
        switch (field) {
            case SELF_ASSESSMENT_DEADLINE -> assessments.ofCycle(id).forEach(this::rearmDeadline);
            case APPRAISAL_START, PUBLICATION_AT -> {
                if (cycle.getProcessInstanceKey() != null) {
                    engine.setVariables(cycle.getProcessInstanceKey(), Map.of(
                            "appraisalStartAt", ProcessDates.format(calendar.appraisalStart()),
                            "publicationAt", ProcessDates.format(calendar.publicationAt())));
                    engine.publish(ProcessModel.Messages.CALENDAR_CHANGED, String.valueOf(id));
                }
            }
            default -> {
                // The data period and the end of the appraisal window arm no timer.
            }
        }
        return calendar;
    }

    /** An administrator extends one unit's deadline. */
    public OffsetDateTime extend(long id, String unitCode, OffsetDateTime deadline, String reason, DtiUser user) {
        requireWithinCycle(administered(id, user), "deadline", deadline);
        Assessment assessment = assessments.ofCycle(id).stream().filter(a -> a.getUnitCode().equals(unitCode))
                .findFirst().orElseThrow(() -> new InvalidInputException("unit", "đơn vị " + unitCode
                        + " không có trong kỳ đánh giá này"));
        if (assessment.getStatus() != AssessmentStatus.OPEN) {
            throw new ConflictException("Phiếu của " + unitCode + " đã đóng, không gia hạn được");
        }
        OffsetDateTime extended = calendars.extend(id, unitCode, deadline, user.username(), reason, clock.now());
        rearmDeadline(assessment);
        return extended;
    }

    private void rearmDeadline(Assessment assessment) {
        if (assessment.getStatus() == AssessmentStatus.OPEN && assessment.getProcessInstanceKey() != null) {
            engine.setVariables(assessment.getProcessInstanceKey(), DeadlineVariables.of(calendars, clock, assessment));
            engine.publish(ProcessModel.Messages.DEADLINE_CHANGED, String.valueOf(assessment.getId()));
        }
    }

    private Cycle administered(long id, DtiUser user) {
        Cycle cycle = get(id);
        if (!user.isAdminOf(cycle.getProvinceCode())) {
            throw new ForbiddenException("Chỉ quản trị viên của tỉnh " + cycle.getProvinceCode() + " được đổi lịch");
        }
        if (cycle.getStatus() == CycleStatus.PUBLISHED) {
            throw new ConflictException("Kỳ đánh giá đã công bố, lịch không đổi được nữa");
        }
        return cycle;
    }
}
