package vn.dti.cycle;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dti.assessment.Assessment;
import vn.dti.assessment.AssessmentService;
import vn.dti.assessment.AssessmentStatus;
import vn.dti.calendar.CalendarChange;
import vn.dti.calendar.CalendarField;
import vn.dti.calendar.CalendarService;
import vn.dti.calendar.CycleCalendar;
import vn.dti.framework.ConflictException;
import vn.dti.framework.FieldProblem;
import vn.dti.framework.InvalidInputException;
import vn.dti.framework.VietnameseFormat;
import vn.dti.indicator.IndicatorSetCatalog;
import vn.dti.indicator.Level;
import vn.dti.security.CurrentUser;
import vn.dti.security.DtiUser;
import vn.dti.unit.Province;
import vn.dti.unit.Unit;
import vn.dti.unit.UnitCatalog;
import vn.dti.workflow.EngineClock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The province administrator's pages of its cycles: the landing page that lists them and opens one, and each
 * cycle's calendar with its changes, extensions and history. The services decide; refusals are shown beside the form
 * that caused them, in their Vietnamese words.
 */
@Controller
@RequestMapping("/admin")
class CyclePages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter TIME_WITH_SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE_TYPED = DateTimeFormatter.ofPattern("d/M/yyyy");
    private static final String EXTENSION_FORM = "extension";

    private final CycleService cycles;
    private final CalendarService calendars;
    private final AssessmentService assessments;
    private final UnitCatalog units;
    private final IndicatorSetCatalog indicatorSets;
    private final CycleNames names;
    private final EngineClock clock;
    private final CurrentUser currentUser;

    CyclePages(CycleService cycles, CalendarService calendars, AssessmentService assessments, UnitCatalog units,
               IndicatorSetCatalog indicatorSets, CycleNames names, EngineClock clock, CurrentUser currentUser) {
        this.cycles = cycles;
        this.calendars = calendars;
        this.assessments = assessments;
        this.units = units;
        this.indicatorSets = indicatorSets;
        this.names = names;
        this.clock = clock;
        this.currentUser = currentUser;
    }

    @GetMapping
    String home(Model model) {
        return home(currentUser.get(), model);
    }

    @PostMapping("/cycles")
    String open(@RequestParam(required = false) String year, @RequestParam(required = false) String group,
                @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect,
                HttpServletResponse response) {
        DtiUser user = currentUser.get();
        String refused = refusal(response, model, () -> {
            int number = year(year);
            GroupChoice choice = GroupChoice.parse(group);
            Map<CalendarField, OffsetDateTime> dates = new EnumMap<>(CalendarField.class);
            for (CalendarField stage : calendars.notStated(user.province()).keySet()) {
                String date = form.get("date-" + stage.name());
                if (date != null && !date.isBlank()) {
                    dates.put(stage, at("dates." + stage.name(), date, form.get("time-" + stage.name())));
                }
            }
            Cycle cycle = cycles.start(user.province(), number, choice.level(), choice.huyen(), dates, user);
            redirect.addFlashAttribute("notice", "Đã mở kỳ đánh giá năm " + number + " của " + groupLabel(cycle)
                    + " (bộ chỉ số " + cycle.getIndicatorSetId() + ").");
            redirect.addFlashAttribute("opened", cycle.getId());
            return "redirect:/admin";
        });
        if (refused != null) {
            return refused;
        }
        model.addAttribute("openYear", year);
        model.addAttribute("openGroup", group);
        model.addAttribute("openDates", form);
        return home(user, model);
    }

    @GetMapping("/cycles/{id}/calendar")
    String calendar(@PathVariable long id, Model model) {
        return calendar(id, currentUser.get(), model);
    }

    @PostMapping("/cycles/{id}/calendar")
    String changeDate(@PathVariable long id, @RequestParam(required = false) String field,
                      @RequestParam(required = false) String date, @RequestParam(required = false) String time,
                      @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect,
                      HttpServletResponse response) {
        DtiUser user = currentUser.get();
        String refused = refusal(response, model, () -> {
            CalendarField stage = stage(field);
            CycleCalendar changed = cycles.changeCalendar(id, stage, at("date", date, time), reason, user);
            redirect.addFlashAttribute("notice", "Đã đổi " + stage.label() + " thành " + text(changed.get(stage))
                    + ".");
            return "redirect:/admin/cycles/" + id + "/calendar";
        });
        if (refused != null) {
            return refused;
        }
        model.addAttribute("failed", new FormState(field, date, time, reason, null, problems(model)));
        return calendar(id, user, model);
    }

    @PostMapping("/cycles/{id}/extensions")
    String extend(@PathVariable long id, @RequestParam(required = false) String unit,
                  @RequestParam(required = false) String date, @RequestParam(required = false) String time,
                  @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        DtiUser user = currentUser.get();
        String refused = refusal(response, model, () -> {
            if (unit == null || unit.isBlank()) {
                throw new InvalidInputException("unit", "hãy chọn đơn vị được gia hạn");
            }
            OffsetDateTime deadline = cycles.extend(id, unit, at("date", date, time), reason, user);
            redirect.addFlashAttribute("notice", "Đã gia hạn cho " + unitName(unit) + " đến " + text(deadline) + ".");
            return "redirect:/admin/cycles/" + id + "/calendar";
        });
        if (refused != null) {
            return refused;
        }
        model.addAttribute("failed", new FormState(EXTENSION_FORM, date, time, reason, unit, problems(model)));
        return calendar(id, user, model);
    }

    private String home(DtiUser user, Model model) {
        List<Cycle> administered = cycles.administeredCycles(user);
        model.addAttribute("province", units.province(user.province()).map(Province::getName).orElse(user.province()));
        model.addAttribute("cycles", administered.stream().map(cycle -> {
            CycleCalendar calendar = calendars.calendar(cycle.getId());
            return new CycleRow(cycle.getId(), cycle.getYear(), groupLabel(cycle), cycle.getIndicatorSetId(),
                    cycle.getStatus().label(), date(calendar.selfAssessmentDeadline()),
                    date(calendar.appraisalStart()), date(calendar.publicationAt()));
        }).toList());
        model.addAttribute("groups", groups(user.province()));
        model.addAttribute("sets", indicatorSets.all().stream().filter(set -> set.province().equals(user.province()))
                .map(set -> new SetHint(set.id(), capitalized(set.level().label()), set.effectiveFrom() == null
                        ? "chưa có ngày hiệu lực" : "hiệu lực từ " + VietnameseFormat.date(set.effectiveFrom()),
                        set.complete()))
                .toList());
        model.addAttribute("notStated", calendars.notStated(user.province()).entrySet().stream()
                .map(stage -> new UnstatedStage(stage.getKey().name(), capitalized(stage.getKey().label()),
                        stage.getValue()))
                .toList());
        if (!model.containsAttribute("openDates")) {
            model.addAttribute("openDates", Map.of());
        }
        if (!model.containsAttribute("openYear")) {
            model.addAttribute("openYear", String.valueOf(clock.now().atOffset(CycleCalendar.VIETNAM).getYear()));
        }
        return "admin/index";
    }

    private String calendar(long id, DtiUser user, Model model) {
        Cycle cycle = cycles.administrable(id, user);
        CycleCalendar calendar = calendars.calendar(id);
        Instant now = clock.now();
        List<Assessment> unitAssessments = assessments.ofCycle(id);
        model.addAttribute("cycle", new CycleRow(cycle.getId(), cycle.getYear(), groupLabel(cycle),
                cycle.getIndicatorSetId(), cycle.getStatus().label(), date(calendar.selfAssessmentDeadline()),
                date(calendar.appraisalStart()), date(calendar.publicationAt())));
        model.addAttribute("editable", cycle.getStatus() != CycleStatus.PUBLISHED);
        model.addAttribute("now", text(now.atOffset(CycleCalendar.VIETNAM)));
        model.addAttribute("stages", Arrays.stream(CalendarField.values()).map(field -> {
            OffsetDateTime value = calendar.get(field);
            return new StageRow(field.name(), capitalized(field.label()), text(value), date(value), timeInput(value),
                    !value.toInstant().isAfter(now));
        }).toList());
        model.addAttribute("reminders", calendar.reminderOffsets().stream().map(CyclePages::duration).toList());
        model.addAttribute("replyTime", duration(calendar.explanationReplyTime()));
        model.addAttribute("units", unitAssessments.stream().map(assessment -> {
            OffsetDateTime deadline = calendars.deadlineFor(id, assessment.getUnitCode());
            return new UnitRow(assessment.getUnitCode(), unitName(assessment.getUnitCode()),
                    statusLabel(assessment.getStatus()), text(deadline),
                    deadline.isAfter(calendar.selfAssessmentDeadline()),
                    assessment.getStatus() == AssessmentStatus.OPEN);
        }).toList());
        model.addAttribute("extensionDefault", new FormState(EXTENSION_FORM,
                date(calendar.selfAssessmentDeadline().plusDays(7)), timeInput(calendar.selfAssessmentDeadline()), null,
                null, List.of()));
        model.addAttribute("history", calendars.history(id).stream().map(this::historyRow).toList());
        return "admin/calendar";
    }

    private HistoryRow historyRow(CalendarChange change) {
        String what = CalendarChange.UNIT_DEADLINE.equals(change.field())
                ? "Gia hạn cho " + unitName(change.unitCode()) + " (" + change.unitCode() + ")"
                : capitalized(CalendarField.valueOf(change.field()).label());
        return new HistoryRow(text(change.changedAt().atOffset(CycleCalendar.VIETNAM)), change.actor(), what,
                text(change.before()), text(change.after()), change.reason());
    }

    /** Runs a form's action; a refusal sets the answer's status and the problems and returns null to show the page. */
    private static String refusal(HttpServletResponse response, Model model, Supplier<String> action) {
        try {
            return action.get();
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problems", e.problems().stream().map(FieldProblem::reason).toList());
        } catch (ConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("problems", List.of(e.getMessage()));
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static List<String> problems(Model model) {
        return (List<String>) model.getAttribute("problems");
    }

    private List<GroupChoice> groups(String province) {
        List<GroupChoice> groups = new ArrayList<>();
        if (!units.units(province, Level.SO).isEmpty()) {
            groups.add(new GroupChoice(Level.SO, null, "Các sở, ban, ngành (cấp sở)"));
        }
        List<Unit> huyen = units.units(province, Level.HUYEN);
        if (!huyen.isEmpty()) {
            groups.add(new GroupChoice(Level.HUYEN, null, "Các UBND huyện (cấp huyện)"));
        }
        List<Unit> xa = units.units(province, Level.XA);
        huyen.stream().filter(parent -> xa.stream().anyMatch(unit -> parent.getCode().equals(unit.getParentCode())))
                .forEach(parent -> groups.add(new GroupChoice(Level.XA, parent.getCode(),
                        "Các xã của " + parent.getName() + " (cấp xã)")));
        return groups;
    }

    private String groupLabel(Cycle cycle) {
        return names.group(cycle);
    }

    private String unitName(String code) {
        return names.unit(code);
    }

    private static int year(String year) {
        try {
            return Integer.parseInt(year == null ? "" : year.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("year", "năm đánh giá phải là một số, ví dụ 2025");
        }
    }

    private static CalendarField stage(String field) {
        try {
            return CalendarField.valueOf(field == null ? "" : field);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("field", "không có mốc lịch '" + field + "'");
        }
    }

    /**
     * The date (dd/MM/yyyy, or ISO as a browser's date field sends it) and time (HH:mm, seconds optional, midnight
     * when left empty) typed in a form, at +07:00.
     */
    static OffsetDateTime at(String field, String date, String time) {
        if (date == null || date.isBlank()) {
            throw new InvalidInputException(field, "hãy chọn ngày");
        }
        LocalDate day;
        try {
            day = date.contains("/") ? LocalDate.parse(date.strip(), DATE_TYPED) : LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "ngày '" + date + "' không đúng dạng dd/MM/yyyy");
        }
        LocalTime clockTime;
        try {
            clockTime = time == null || time.isBlank() ? LocalTime.MIDNIGHT : LocalTime.parse(time.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("time", "giờ '" + time + "' không đúng dạng HH:mm");
        }
        return OffsetDateTime.of(day, clockTime, CycleCalendar.VIETNAM);
    }

    private static String date(OffsetDateTime value) {
        return VietnameseFormat.date(value.toLocalDate());
    }

    /** A time as the form shows it: with its seconds only when it has some ("23:59:59", the end of a day). */
    private static String timeInput(OffsetDateTime value) {
        return (value.getSecond() == 0 ? TIME : TIME_WITH_SECONDS).format(value);
    }

    /** "30/11/2025 23:59": the time decides on a deadline's last day. */
    private static String text(OffsetDateTime value) {
        OffsetDateTime local = value.withOffsetSameInstant(CycleCalendar.VIETNAM);
        return VietnameseFormat.date(local.toLocalDate()) + " " + TIME.format(local);
    }

    private static String duration(Duration duration) {
        if (duration.toMinutes() % (24 * 60) == 0) {
            return duration.toDays() + " ngày";
        }
        return duration.toMinutes() % 60 == 0 ? duration.toHours() + " giờ" : duration.toMinutes() + " phút";
    }

    private static String statusLabel(AssessmentStatus status) {
        return switch (status) {
            case OPEN -> "Đang tự đánh giá";
            case SUBMITTED -> "Đã nộp";
            case NOT_REPORTED -> "Không báo cáo";
            case APPRAISED -> "Đã thẩm định";
        };
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase() + text.substring(1);
    }

    /** The ranking group a cycle is opened for, as the form's one choice: {@code SO}, {@code HUYEN}, {@code XA:<huyện>}. */
    record GroupChoice(Level level, String huyen, String label) {

        public String value() {
            return huyen == null ? level.name() : level.name() + ":" + huyen;
        }

        static GroupChoice parse(String value) {
            if (value == null || value.isBlank()) {
                throw new InvalidInputException("group", "hãy chọn nhóm đơn vị được đánh giá");
            }
            String[] parts = value.split(":", 2);
            try {
                return new GroupChoice(Level.valueOf(parts[0]), parts.length == 2 ? parts[1] : null, value);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("group", "không có nhóm '" + value + "'");
            }
        }
    }

    record CycleRow(long id, int year, String group, String indicatorSet, String status, String deadline,
                    String appraisalStart, String publication) {
    }

    record SetHint(String id, String level, String effective, boolean complete) {
    }

    record StageRow(String field, String label, String text, String date, String time, boolean passed) {
    }

    record UnitRow(String code, String name, String status, String deadline, boolean extended, boolean open) {
    }

    record HistoryRow(String at, String actor, String what, String before, String after, String reason) {
    }

    /** A stage the province's calendar does not state, which the open form asks for; {@code source}: what it says. */
    record UnstatedStage(String field, String label, String source) {
    }

    /** What a refused form sent, shown again with its problems; {@code form} is the stage's field or "extension". */
    record FormState(String form, String date, String time, String reason, String unit, List<String> problems) {
    }
}
