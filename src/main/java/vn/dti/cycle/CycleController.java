package vn.dti.cycle;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.dti.assessment.AssessmentService;
import vn.dti.calendar.CalendarChange;
import vn.dti.calendar.CalendarField;
import vn.dti.calendar.CalendarService;
import vn.dti.calendar.CycleCalendar;
import vn.dti.framework.InvalidInputException;
import vn.dti.indicator.Level;
import vn.dti.security.CurrentUser;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/cycles")
@Tag(name = "Kỳ đánh giá")
class CycleController {

    private final CycleService cycles;
    private final AssessmentService assessments;
    private final CalendarService calendars;
    private final CurrentUser currentUser;

    CycleController(CycleService cycles, AssessmentService assessments, CalendarService calendars,
                    CurrentUser currentUser) {
        this.cycles = cycles;
        this.assessments = assessments;
        this.calendars = calendars;
        this.currentUser = currentUser;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Mở kỳ đánh giá của một nhóm (quản trị viên tỉnh); với cấp xã, group là mã huyện")
    CycleView start(@RequestBody StartRequest request) {
        if (request.province() == null || request.year() == null || request.level() == null) {
            throw new InvalidInputException("body", "cần province, year và level");
        }
        Cycle cycle = cycles.start(request.province(), request.year(), request.level(), request.group(),
                request.dates() == null ? Map.of() : request.dates(), currentUser.get());
        return view(cycle);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Trạng thái kỳ đánh giá: bước hiện tại, lịch, phiếu của từng đơn vị, các quyết định")
    CycleView get(@PathVariable long id) {
        return view(cycles.readable(id, currentUser.get()));
    }

    @PutMapping("/{id}/calendar")
    @Operation(summary = "Đổi một mốc của lịch (quản trị viên): các quy trình đang chạy nhận mốc mới")
    CycleCalendar changeCalendar(@PathVariable long id, @RequestBody CalendarChangeRequest request) {
        if (request.field() == null || request.value() == null) {
            throw new InvalidInputException("body", "cần field và value");
        }
        return cycles.changeCalendar(id, request.field(), request.value(), request.reason(), currentUser.get());
    }

    @PostMapping("/{id}/extensions")
    @Operation(summary = "Gia hạn nộp phiếu cho một đơn vị (quản trị viên)")
    OffsetDateTime extend(@PathVariable long id, @RequestBody ExtensionRequest request) {
        if (request.unit() == null || request.deadline() == null) {
            throw new InvalidInputException("body", "cần unit và deadline");
        }
        return cycles.extend(id, request.unit(), request.deadline(), request.reason(), currentUser.get());
    }

    @GetMapping("/{id}/calendar/history")
    @Operation(summary = "Lịch sử thay đổi lịch của kỳ đánh giá")
    List<CalendarChange> history(@PathVariable long id) {
        cycles.readable(id, currentUser.get());
        return calendars.history(id);
    }

    private CycleView view(Cycle cycle) {
        return new CycleView(cycle.getId(), cycle.getProvinceCode(), cycle.getYear(), cycle.getLevel(),
                cycle.getGroupCode(), cycle.getIndicatorSetId(), cycle.getStatus().name(), cycle.getStatus().label(),
                cycle.getStep(), cycle.getProcessInstanceKey(), cycle.getStartedAt(), calendars.calendar(cycle.getId()),
                assessments.ofCycle(cycle.getId()).stream().map(a -> new AssessmentSummary(a.getId(), a.getUnitCode(),
                        a.getStatus().name(), a.getSubmittedAt())).toList(),
                cycles.decisions(cycle.getId()).stream().map(d -> new DecisionView(d.isApproved(), d.getComment(),
                        d.getDecidedBy(), d.getDecidedAt())).toList());
    }

    /** {@code dates}: the stages the province's calendar does not state, by field (SELF_ASSESSMENT_DEADLINE…). */
    record StartRequest(String province, Integer year, Level level, String group,
                        Map<CalendarField, OffsetDateTime> dates) {
    }

    record CalendarChangeRequest(CalendarField field, OffsetDateTime value, String reason) {
    }

    record ExtensionRequest(String unit, OffsetDateTime deadline, String reason) {
    }

    record AssessmentSummary(long id, String unitCode, String status, Instant submittedAt) {
    }

    record DecisionView(boolean approved, String comment, String decidedBy, Instant decidedAt) {
    }

    record CycleView(long id, String province, int year, Level level, String group, String indicatorSet,
                     String status, String statusLabel, String step, Long processInstanceKey, Instant startedAt,
                     CycleCalendar calendar, List<AssessmentSummary> assessments, List<DecisionView> decisions) {
    }
}
