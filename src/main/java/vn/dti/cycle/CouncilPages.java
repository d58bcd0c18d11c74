package vn.dti.cycle;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dti.appraisal.AppraisalService;
import vn.dti.appraisal.ExplanationRequest;
import vn.dti.assessment.Assessment;
import vn.dti.assessment.AssessmentService;
import vn.dti.calendar.CalendarService;
import vn.dti.calendar.CycleCalendar;
import vn.dti.framework.ConflictException;
import vn.dti.framework.ForbiddenException;
import vn.dti.framework.VietnameseFormat;
import vn.dti.security.CurrentUser;
import vn.dti.security.DtiUser;
import vn.dti.security.Role;
import vn.dti.unit.Unit;
import vn.dti.workflow.EngineClock;
import vn.dti.workflow.ProcessModel;
import vn.dti.workflow.UserTasks;
import vn.dti.workflow.UserTask;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The council's home: its inbox (the open tasks of its candidate group) and a board of every unit of the cycles it
 * appraises, with where each unit stands, filterable, each unit a link to its review page.
 */
@Controller
class CouncilPages {

    /** Where a unit stands, as the council follows it; one per unit. */
    enum Progress {
        SELF_ASSESSING("Đang tự đánh giá"),
        LATE("Quá hạn, chưa nộp"),
        SUBMITTED("Đã nộp"),
        EXPLAINING("Đang giải trình"),
        APPRAISED("Đã thẩm định"),
        MISSING("Không báo cáo");

        private final String label;

        Progress(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final CycleService cycles;
    private final AssessmentService assessments;
    private final AppraisalService appraisals;
    private final CalendarService calendars;
    private final UserTasks tasks;
    private final EngineClock clock;
    private final CurrentUser currentUser;

    CouncilPages(CycleService cycles, AssessmentService assessments, AppraisalService appraisals,
                 CalendarService calendars, UserTasks tasks, EngineClock clock,
                 CurrentUser currentUser) {
        this.cycles = cycles;
        this.assessments = assessments;
        this.appraisals = appraisals;
        this.calendars = calendars;
        this.tasks = tasks;
        this.clock = clock;
        this.currentUser = currentUser;
    }

    /** {@code group}: the cycle the task belongs to, as "Các xã thuộc UBND huyện Một · năm 2027". */
    public record InboxEntry(String kind, String title, String group, String detail, String due, String link,
                             Long assessmentId, Long cycleId, String comment) {
    }

    public record Row(long assessmentId, String unitCode, String unitName, Progress progress, boolean lateSubmission,
                      String submittedAt, String deadline, boolean extended, String explanations) {
    }

    public record Count(Progress progress, int count) {
    }

    public record Board(long cycleId, String title, String status, String deadline, List<Count> counts,
                        int unitCount, List<Row> rows) {
    }

    @GetMapping("/council")
    String board(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
                 Model model) {
        DtiUser user = council();
        Progress wanted = Arrays.stream(Progress.values()).filter(p -> p.name().equals(status)).findFirst()
                .orElse(null);
        String query = q == null ? "" : fold(q.strip());
        Instant now = clock.now();

        List<Cycle> appraised = cycles.openCycles().stream()
                .filter(cycle -> user.groups().contains(cycle.getCouncilGroup())).toList();
        List<Board> boards = new ArrayList<>();
        for (Cycle cycle : appraised) {
            CycleCalendar calendar = calendars.calendar(cycle.getId());
            List<Assessment> all = assessments.ofCycle(cycle.getId());
            Map<Long, List<ExplanationRequest>> requests = appraisals.requests(all.stream().map(Assessment::getId)
                    .toList());
            Map<Progress, Integer> counts = new EnumMap<>(Progress.class);
            Arrays.stream(Progress.values()).forEach(p -> counts.put(p, 0));
            List<Row> rows = new ArrayList<>();
            for (Assessment assessment : all) {
                Row row = row(cycle, calendar, assessment, requests.getOrDefault(assessment.getId(), List.of()), now);
                counts.merge(row.progress(), 1, Integer::sum);
                if ((wanted == null || row.progress() == wanted)
                        && (query.isEmpty() || fold(row.unitName()).contains(query)
                        || fold(row.unitCode()).contains(query))) {
                    rows.add(row);
                }
            }
            boards.add(new Board(cycle.getId(), title(cycle), cycle.getStatus().label(),
                    VietnameseFormat.dateTime(calendar.selfAssessmentDeadline().toInstant()),
                    counts.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList(), all.size(),
                    rows));
        }
        Map<Long, String> titles = new HashMap<>();
        appraised.forEach(cycle -> titles.put(cycle.getId(), title(cycle)));
        model.addAttribute("inbox", inbox(user, titles));
        model.addAttribute("boards", boards);
        model.addAttribute("progresses", Progress.values());
        model.addAttribute("status", wanted == null ? "" : wanted.name());
        model.addAttribute("q", q == null ? "" : q);
        return "council/board";
    }

    /** After the chairman returned the ranking: the council has looked again, and the ranking goes back up. */
    @PostMapping("/council/cycles/{id}/revision")
    String revised(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        DtiUser user = council();
        // Another scope's council is refused as such, not told that nothing is waiting for it.
        if (!user.groups().contains(cycles.get(id).getCouncilGroup())) {
            throw new ForbiddenException("Kỳ đánh giá này do Hội đồng thẩm định khác xem xét");
        }
        UserTask task = tasks.find(user, ProcessModel.Cycle.REVISE_RANKING, UserTasks.having("cycleId", id))
                .orElseThrow(() -> new ConflictException(
                        "Kỳ đánh giá này không có việc xem xét lại đang chờ Hội đồng"));
        tasks.complete(task.key(), note == null || note.isBlank() ? Map.of() : Map.of("revisionNote", note.strip()),
                user);
        tasks.awaitGone(task.key(), Duration.ofSeconds(10));
        redirect.addFlashAttribute("notice", "Đã trình lại kết quả lên Chủ tịch.");
        return "redirect:/council";
    }

    private DtiUser council() {
        DtiUser user = currentUser.get();
        if (user.role() != Role.COUNCIL) {
            throw new ForbiddenException("Trang này dành cho Hội đồng thẩm định");
        }
        return user;
    }

    /** {@code titles}: the council's open cycles by id; a task of another cycle is shown without its cycle. */
    private List<InboxEntry> inbox(DtiUser user, Map<Long, String> titles) {
        List<InboxEntry> entries = new ArrayList<>();
        for (UserTask task : tasks.mine(user)) {
            String due = task.dueDate() == null ? "" : VietnameseFormat.dateTime(task.dueDate().toInstant());
            Object unitName = task.variables().get("unitName");
            Long assessmentId = UserTasks.number(task, "assessmentId").orElse(null);
            String group = UserTasks.number(task, "cycleId").map(id -> titles.getOrDefault(id, "")).orElse("");
            switch (task.elementId()) {
                case ProcessModel.Appraisal.COUNCIL_REVIEW -> entries.add(new InboxEntry("Thẩm định",
                        String.valueOf(unitName), group, reviewDetail(assessmentId), due,
                        "/council/assessments/" + assessmentId, assessmentId, null, null));
                case ProcessModel.Appraisal.REQUEST_EXPLANATION -> entries.add(new InboxEntry("Yêu cầu giải trình",
                        String.valueOf(unitName), group, "Đã chọn yêu cầu giải trình, chưa gửi nội dung", due,
                        "/council/assessments/" + assessmentId, assessmentId, null, null));
                case ProcessModel.Cycle.REVISE_RANKING -> {
                    long cycleId = UserTasks.number(task, "cycleId").orElseThrow();
                    String comment = cycles.decisions(cycleId).stream().filter(d -> !d.isApproved())
                            .reduce((first, second) -> second).map(CycleDecision::getComment).orElse(null);
                    entries.add(new InboxEntry("Xem xét lại", titles.getOrDefault(cycleId, "Kỳ đánh giá số " + cycleId),
                            "", "Chủ tịch trả lại kết quả xếp hạng", due, null, null, cycleId, comment));
                }
                default -> entries.add(new InboxEntry(task.name(), String.valueOf(unitName), group, "", due, null,
                        assessmentId, null, null));
            }
        }
        return entries;
    }

    private String reviewDetail(Long assessmentId) {
        if (assessmentId == null) {
            return "";
        }
        List<ExplanationRequest> requests = appraisals.requests(assessmentId);
        if (requests.isEmpty()) {
            return "Chờ Hội đồng xem xét";
        }
        return switch (requests.getLast().getStatus()) {
            case ANSWERED -> "Đơn vị đã giải trình: chờ Hội đồng kết luận";
            case UNANSWERED -> "Quá hạn giải trình, đơn vị không trả lời";
            case OPEN -> "Đang chờ đơn vị giải trình";
        };
    }

    private Row row(Cycle cycle, CycleCalendar calendar, Assessment assessment, List<ExplanationRequest> requests,
                    Instant now) {
        Unit unit = assessments.unitOf(assessment);
        OffsetDateTime deadline = calendars.deadlineFor(cycle.getId(), unit.getCode());
        boolean extended = deadline.isAfter(calendar.selfAssessmentDeadline());
        boolean explaining = requests.stream().anyMatch(r -> r.getStatus() == ExplanationRequest.Status.OPEN);
        Progress progress = switch (assessment.getStatus()) {
            case OPEN -> now.isAfter(calendar.selfAssessmentDeadline().toInstant()) ? Progress.LATE
                    : Progress.SELF_ASSESSING;
            case SUBMITTED -> explaining ? Progress.EXPLAINING : Progress.SUBMITTED;
            case APPRAISED -> Progress.APPRAISED;
            case NOT_REPORTED -> Progress.MISSING;
        };
        boolean lateSubmission = assessment.getSubmittedAt() != null
                && assessment.getSubmittedAt().isAfter(calendar.selfAssessmentDeadline().toInstant());
        long answered = requests.stream().filter(r -> r.getStatus() == ExplanationRequest.Status.ANSWERED).count();
        String explanations = requests.isEmpty() ? "" : requests.size() + " yêu cầu, " + answered + " đã trả lời";
        return new Row(assessment.getId(), unit.getCode(), unit.getName(), progress, lateSubmission,
                VietnameseFormat.dateTime(assessment.getSubmittedAt()),
                VietnameseFormat.dateTime(deadline.toInstant()), extended, explanations);
    }

    private String title(Cycle cycle) {
        return cycles.groupName(cycle) + " · năm " + cycle.getYear();
    }

    /** Lower case without diacritics, đ as d: "Một" is found by "mot". */
    static String fold(String text) {
        return Normalizer.normalize(text.toLowerCase(Locale.ROOT).replace('đ', 'd'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
    }
}
