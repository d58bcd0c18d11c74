package vn.dti.cycle;

import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.util.FileSystemUtils;
import vn.dti.DtiPlatformApplication;
import vn.dti.assessment.AppraisedItem;
import vn.dti.assessment.Assessment;
import vn.dti.assessment.AssessmentService;
import vn.dti.assessment.AssessmentStatus;
import vn.dti.assessment.SelfItem;
import vn.dti.calendar.CalendarService;
import vn.dti.calendar.CycleCalendar;
import vn.dti.indicator.IndicatorNode;
import vn.dti.indicator.ItemKind;
import vn.dti.indicator.Level;
import vn.dti.publication.PublicationService;
import vn.dti.security.DtiUser;
import vn.dti.security.Role;
import vn.dti.workflow.EngineClock;
import vn.dti.workflow.ProcessModel.Appraisal;
import vn.dti.workflow.ProcessModel.UnitAssessment;
import vn.dti.workflow.TaskInbox;
import vn.dti.workflow.UserTask;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;

import static vn.dti.workflow.ProcessModel.Cycle.APPROVE_RANKING;
import static vn.dti.workflow.ProcessModel.Cycle.REVISE_RANKING;

/**
 * Runs one year's whole cycle for a synthetic province the size of Đắk Lắk (18 Sở, 15 huyện, 187 xã: 17 ranking
 * groups) on the embedded engine, driven through the application's beans the way its people act: officers
 * self-assess and submit (a few late after an extension, a few never), the clock reaches the deadline, the councils
 * appraise (asking some units to explain, changing some scores with their reason), the chairmen approve (one ranking
 * returned once), the clock reaches the publication date. Prints the wall time from the first start to the last
 * publication and the share of it spent in the application's own code. Run with
 * {@code ./mvnw -q -Pbenchmark test-compile exec:java@whole-cycle}. It prints figures and asserts nothing: the
 * 60-second target is reported, not enforced.
 */
public final class WholeCycleBenchmark {

    private static final String PROVINCE = "BM";
    private static final String PROVINCE_NAME = "Tỉnh Đo Hiệu Năng";
    private static final int SO = 18;
    private static final int HUYEN = 15;
    private static final int XA = 187;
    /** Shipped sets whose structure the province's sets copy, by level. */
    private static final Map<Level, String> SET_MODELS = new EnumMap<>(Map.of(
            Level.SO, "indicator-sets/dak-lak-so-2021.yaml",
            Level.HUYEN, "indicator-sets/dak-lak-huyen-2021.yaml",
            Level.XA, "indicator-sets/kon-tum-xa-2022.yaml"));
    private static final int LATE_PERCENT = 5;
    private static final int SILENT_PERCENT = 5;
    private static final int EXPLANATION_PERCENT = 10;
    private static final int CHANGED_PERCENT = 15;
    private static final long SEED = 20220504L;
    private static final Duration TARGET = Duration.ofSeconds(60);
    /** A driver that has nothing to do looks again after this long, as a person refreshing the task list. */
    private static final long IDLE_MILLIS = 10;
    /** With nothing happening for this long the run is stuck, not slow. */
    private static final Duration STALL = Duration.ofMinutes(3);

    private WholeCycleBenchmark() {
    }

    /** What each unit does in the year. */
    private enum Conduct { ON_TIME, LATE, SILENT }

    /** What the council does with a reported unit. */
    private enum Review { CONFIRM, EXPLAIN, CHANGE }

    public static void main(String[] args) {
        // Ends the JVM itself: the in-process engine's state monitor runs on a static, non-daemon java.util.Timer that
        // nothing stops (zeebe-process-test-engine's EngineStateMonitor), so neither the JVM nor exec:java, which
        // waits for the threads the program leaves, would ever end on their own.
        try {
            benchmark();
        } catch (IOException | RuntimeException | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void benchmark() throws IOException {
        Path units = Files.createTempDirectory("dti-benchmark-units-");
        Path sets = Files.createTempDirectory("dti-benchmark-sets-");
        Path calendars = Files.createTempDirectory("dti-benchmark-calendars-");
        try {
            Map<String, String> unitNames = writeProvince(units);
            writeIndicatorSets(sets);
            writeCalendar(calendars);
            ApplicationTime time = new ApplicationTime();
            try (ConfigurableApplicationContext application = new SpringApplicationBuilder(DtiPlatformApplication.class)
                    .profiles("test")
                    .bannerMode(Banner.Mode.OFF)
                    .initializers(context -> ((GenericApplicationContext) context)
                            .registerBean(ApplicationTime.class, () -> time))
                    .run("--server.port=0", "--dti.units.directory=" + units, "--dti.indicator-sets.directory=" + sets,
                            "--dti.calendars.directory=" + calendars, "--logging.level.root=warn")) {
                new Run(application, time, unitNames, new Random(SEED)).drive().print();
            }
        } finally {
            FileSystemUtils.deleteRecursively(units);
            FileSystemUtils.deleteRecursively(sets);
            FileSystemUtils.deleteRecursively(calendars);
        }
    }

    /** One year of the province, from the first start to the last publication. */
    private static final class Run {

        private final CycleService cycles;
        private final AssessmentService assessments;
        private final CalendarService calendars;
        private final PublicationService publications;
        private final TaskInbox inbox;
        private final EngineClock clock;
        private final ApplicationTime time;
        private final Random random;
        private final Map<String, String> unitNames;
        private final DtiUser admin = new DtiUser("quantri.bm", Role.ADMIN, PROVINCE, PROVINCE);
        private final Map<String, Conduct> conduct = new HashMap<>();
        private final Map<String, Review> review = new HashMap<>();
        private final List<Long> cycleIds = new ArrayList<>();
        private final Map<Long, Assessment> assessmentById = new HashMap<>();
        private final Map<Long, Map<String, SelfItem>> entered = new HashMap<>();
        private final Set<Long> completed = new HashSet<>();
        private final Set<String> extended = new HashSet<>();
        private final Set<Long> explained = new HashSet<>();
        private final Set<Long> returned = new HashSet<>();
        private long returnedCycle;
        private boolean deadlinePassed;
        private int tasksCompleted;
        private int scoresChanged;
        private int explanationsAnswered;
        private int year;

        Run(ConfigurableApplicationContext application, ApplicationTime time, Map<String, String> unitNames,
            Random random) {
            this.cycles = application.getBean(CycleService.class);
            this.assessments = application.getBean(AssessmentService.class);
            this.calendars = application.getBean(CalendarService.class);
            this.publications = application.getBean(PublicationService.class);
            this.inbox = application.getBean(TaskInbox.class);
            this.clock = application.getBean(EngineClock.class);
            this.time = time;
            this.random = random;
            this.unitNames = unitNames;
            List<String> shuffled = new ArrayList<>(unitNames.keySet());
            Collections.shuffle(shuffled, random);
            int late = share(unitNames.size(), LATE_PERCENT);
            int silent = share(unitNames.size(), SILENT_PERCENT);
            for (int i = 0; i < shuffled.size(); i++) {
                conduct.put(shuffled.get(i), i < late ? Conduct.LATE : i < late + silent ? Conduct.SILENT : Conduct.ON_TIME);
            }
            List<String> reporting = shuffled.subList(late + silent, shuffled.size());
            int explain = share(unitNames.size(), EXPLANATION_PERCENT);
            int change = share(unitNames.size(), CHANGED_PERCENT);
            for (int i = 0; i < reporting.size(); i++) {
                review.put(reporting.get(i), i < explain ? Review.EXPLAIN : i < explain + change ? Review.CHANGE
                        : Review.CONFIRM);
            }
            shuffled.subList(0, late).forEach(unit -> review.put(unit, Review.CONFIRM));
        }

        Result drive() {
            year = clock.now().atOffset(ZoneOffset.ofHours(7)).getYear() + 1;
            time.reset();
            long started = System.nanoTime();

            cycleIds.add(cycles.start(PROVINCE, year, Level.SO, null, admin).getId());
            cycleIds.add(cycles.start(PROVINCE, year, Level.HUYEN, null, admin).getId());
            for (int h = 1; h <= HUYEN; h++) {
                cycleIds.add(cycles.start(PROVINCE, year, Level.XA, huyen(h), admin).getId());
            }
            returnedCycle = cycleIds.getFirst();
            CycleCalendar calendar = calendars.calendar(returnedCycle);

            work("every unit on time has submitted and every late one has its extension", () -> extended.size()
                    == count(Conduct.LATE) && statuses().getOrDefault(AssessmentStatus.SUBMITTED, 0) == count(Conduct.ON_TIME));
            clock.advanceTo(calendar.selfAssessmentDeadline().plusSeconds(1).toInstant());
            deadlinePassed = true;
            work("every ranking approved", () -> cycleStatuses().getOrDefault(CycleStatus.AWAITING_PUBLICATION, 0)
                    == cycleIds.size());
            clock.advanceTo(calendar.publicationAt().plusSeconds(1).toInstant());
            work("every cycle published", () -> cycleStatuses().getOrDefault(CycleStatus.PUBLISHED, 0) == cycleIds.size());

            long wall = System.nanoTime() - started;
            long busy = time.busyNanos();
            int published = cycleIds.stream().mapToInt(id -> publications.publication(id).orElseThrow().results().size()).sum();
            return new Result(year, conduct.size(), published, cycleIds.size(), tasksCompleted, explanationsAnswered,
                    scoresChanged, returned.size(), statuses(), wall, busy, time.byMethod(), time.outsideTheApplication());
        }

        /** Acts on every open task a person would act on now, until {@code done}; looks again when idle. */
        private void work(String until, BooleanSupplier done) {
            long lastProgress = System.nanoTime();
            while (true) {
                boolean acted = false;
                for (UserTask task : inbox.openTasks()) {
                    if (!completed.contains(task.key()) && act(task)) {
                        acted = true;
                    }
                }
                if (acted) {
                    lastProgress = System.nanoTime();
                    continue;
                }
                if (time.polling(done::getAsBoolean)) {
                    return;
                }
                if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                    throw new IllegalStateException("Không tiến triển trong " + STALL.toMinutes() + " phút, đang chờ: "
                            + until + "; phiếu " + statuses() + ", kỳ " + cycleStatuses());
                }
                sleep();
            }
        }

        private boolean act(UserTask task) {
            return switch (task.elementId()) {
                case UnitAssessment.SELF_ASSESSMENT -> selfAssessment(task);
                case Appraisal.COUNCIL_REVIEW -> councilReview(task);
                case Appraisal.REQUEST_EXPLANATION -> complete(task, council(task), Map.of(
                        "explanationItems", List.of(setOf(task).getFirst().code()),
                        "explanationQuestion", "Đề nghị gửi văn bản chứng minh số liệu đã tự chấm.",
                        "replyDays", 5));
                case Appraisal.ANSWER_EXPLANATION -> {
                    explanationsAnswered++;
                    yield complete(task, officer(assessment(task).getUnitCode()), Map.of(
                            "explanationAnswer", "Gửi kèm Báo cáo số 21/BC-UBND bổ sung số liệu.",
                            "explanationEvidence", List.of("Báo cáo 21-BC-UBND.pdf")));
                }
                case APPROVE_RANKING -> approval(task);
                case REVISE_RANKING -> complete(task, council(cycles.get(cycleOf(task))),
                        Map.of("comment", "Đã rà soát lại theo ý kiến Chủ tịch."));
                default -> false;
            };
        }

        private boolean selfAssessment(UserTask task) {
            Assessment assessment = assessment(task);
            String unit = assessment.getUnitCode();
            DtiUser officer = officer(unit);
            Conduct kind = conduct.get(unit);
            if (kind == Conduct.SILENT) {
                return false;
            }
            if (kind == Conduct.LATE && extended.add(unit)) {
                cycles.extend(assessment.getCycleId(), unit, calendars.calendar(assessment.getCycleId())
                        .selfAssessmentDeadline().plusDays(5), "Đơn vị đề nghị gia hạn: thiếu số liệu quý IV", admin);
                return true;
            }
            if (kind == Conduct.LATE && !deadlinePassed) {
                return false;
            }
            Map<String, SelfItem> items = entered.computeIfAbsent(assessment.getId(), id -> sheet(setOf(task), unit));
            assessments.selfAssess(assessment.getId(), Map.of("name", unitNames.get(unit), "contact", officer.username()),
                    items, officer, clock.now());
            return complete(task, officer, Map.of());
        }

        private boolean councilReview(UserTask task) {
            Assessment assessment = assessment(task);
            DtiUser council = council(cycles.get(assessment.getCycleId()));
            Review decision = review.get(assessment.getUnitCode());
            if (decision == Review.EXPLAIN && explained.add(assessment.getId())) {
                return complete(task, council, Map.of("decision", "request-explanation"));
            }
            if (decision == Review.CHANGE) {
                IndicatorNode leaf = setOf(task).getFirst();
                assessments.appraise(assessment.getId(), Map.of(leaf.code(), lowered(leaf,
                        entered.get(assessment.getId()).get(leaf.code()))), council, clock.now());
                scoresChanged++;
            }
            return complete(task, council, Map.of("decision", "appraise"));
        }

        private boolean approval(UserTask task) {
            long cycleId = cycleOf(task);
            DtiUser chairman = chairman(cycles.get(cycleId));
            if (cycleId == returnedCycle && returned.add(cycleId)) {
                return complete(task, chairman, Map.of("approved", false,
                        "comment", "Đề nghị Hội đồng rà soát lại điểm các đơn vị xếp cuối."));
            }
            return complete(task, chairman, Map.of("approved", true));
        }

        /** As the task list's completion does: the completing user goes with the variables. */
        private boolean complete(UserTask task, DtiUser user, Map<String, Object> variables) {
            Map<String, Object> given = new HashMap<>(variables);
            given.put("completedBy", user.username());
            inbox.complete(task.key(), given);
            completed.add(task.key());
            tasksCompleted++;
            return true;
        }

        /** Valid entries, each scored above zero backed by an evidence document. */
        private Map<String, SelfItem> sheet(List<IndicatorNode> leaves, String unit) {
            Map<String, SelfItem> items = new LinkedHashMap<>();
            List<String> evidence = List.of("Báo cáo số " + (10 + random.nextInt(90)) + "/BC-" + unit + " ngày 20/10/"
                    + year + ".pdf");
            for (IndicatorNode leaf : leaves) {
                items.put(leaf.code(), switch (leaf.kind()) {
                    case YES_NO -> new SelfItem(random.nextInt(5) > 0, null, null, null, null, null, null, evidence);
                    case RATIO -> new SelfItem(null, BigDecimal.valueOf(random.nextInt(101)), BigDecimal.valueOf(100),
                            null, null, null, null, evidence);
                    case POINTS -> new SelfItem(null, null, null, null, leaf.points()
                            .multiply(BigDecimal.valueOf(40 + random.nextInt(61))).movePointLeft(2), null, null, evidence);
                });
            }
            return items;
        }

        /** The council takes a tenth of the maximum off a points item, and says why. */
        private static AppraisedItem lowered(IndicatorNode leaf, SelfItem self) {
            String reason = "Tài liệu kiểm chứng chưa chứng minh đủ mức điểm tự chấm";
            if (leaf.kind() != ItemKind.POINTS) {
                return new AppraisedItem(false, null, null, null, null, null, reason);
            }
            BigDecimal lowered = self.points().subtract(leaf.points().divide(BigDecimal.TEN, 2, RoundingMode.DOWN));
            return new AppraisedItem(null, null, null, null, lowered.max(BigDecimal.ZERO), null, reason);
        }

        private Assessment assessment(UserTask task) {
            long id = number(task, "assessmentId");
            return assessmentById.computeIfAbsent(id, assessments::get);
        }

        private List<IndicatorNode> setOf(UserTask task) {
            return assessments.setOf(assessment(task)).leaves();
        }

        private static long cycleOf(UserTask task) {
            return number(task, "cycleId");
        }

        private static long number(UserTask task, String variable) {
            if (task.variables().get(variable) instanceof Number number) {
                return number.longValue();
            }
            throw new IllegalStateException("Công việc " + task.key() + " (" + task.elementId() + ") không có biến "
                    + variable);
        }

        private static DtiUser officer(String unit) {
            return new DtiUser("canbo." + unit.toLowerCase(Locale.ROOT), Role.UNIT_OFFICER, unit, PROVINCE);
        }

        /** The province's council for Sở and huyện; the huyện's for its xã. */
        private static DtiUser council(Cycle cycle) {
            String scope = scope(cycle);
            return new DtiUser("hoidong." + scope.toLowerCase(Locale.ROOT), Role.COUNCIL, scope, PROVINCE);
        }

        private DtiUser council(UserTask task) {
            return council(cycles.get(assessment(task).getCycleId()));
        }

        private static DtiUser chairman(Cycle cycle) {
            String scope = scope(cycle);
            return new DtiUser("chutich." + scope.toLowerCase(Locale.ROOT), Role.CHAIRMAN, scope, PROVINCE);
        }

        private static String scope(Cycle cycle) {
            return cycle.getLevel() == Level.XA ? cycle.getGroupCode() : PROVINCE;
        }

        private Map<AssessmentStatus, Integer> statuses() {
            Map<AssessmentStatus, Integer> statuses = new EnumMap<>(AssessmentStatus.class);
            for (long cycleId : cycleIds) {
                assessments.ofCycle(cycleId).forEach(a -> statuses.merge(a.getStatus(), 1, Integer::sum));
            }
            return statuses;
        }

        private Map<CycleStatus, Integer> cycleStatuses() {
            Map<CycleStatus, Integer> statuses = new EnumMap<>(CycleStatus.class);
            cycleIds.forEach(id -> statuses.merge(cycles.get(id).getStatus(), 1, Integer::sum));
            return statuses;
        }

        private int count(Conduct kind) {
            return (int) conduct.values().stream().filter(kind::equals).count();
        }

        private static void sleep() {
            try {
                Thread.sleep(IDLE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private record Result(int year, int units, int published, int cycles, int tasksCompleted, int explanations, int scoresChanged,
                          int returned, Map<AssessmentStatus, Integer> statuses, long wallNanos, long busyNanos,
                          List<ApplicationTime.MethodTime> methods, List<ApplicationTime.MethodTime> outside) {

        void print() {
            long jobs = methods.stream().filter(m -> ApplicationTime.isWorker(m.method())).mapToLong(m -> m.calls()).sum();
            long summed = methods.stream().mapToLong(m -> m.nanos()).sum();
            System.out.printf("DTI whole-cycle benchmark: province %s (%s), %d Sở + %d huyện + %d xã, year %d,"
                    + " embedded engine%n", PROVINCE, PROVINCE_NAME, SO, HUYEN, XA, year);
            System.out.println("--- summary ---");
            line("units", "%d (assessments %s), %d ranked in the publications", units, statuses, published);
            line("cycles", "%d (Sở, huyện, and the xã of each of %d huyện), all published", cycles, HUYEN);
            line("user tasks completed", "%d (%d explanations answered, %d scores changed with a reason, %d ranking"
                    + " returned once)", tasksCompleted, explanations, scoresChanged, returned);
            line("jobs run", "%d (job worker invocations)", jobs);
            line("total wall time", "%.1f s (first start to last publication)", seconds(wallNanos));
            line("time in application code", "%.1f s, %.0f %% of the wall time (%.1f s summed over threads)",
                    seconds(busyNanos), 100.0 * busyNanos / wallNanos, seconds(summed));
            line("remainder", "%.1f s (engine, waiting, polling)", seconds(wallNanos - busyNanos));
            line("available processors", "%d", Runtime.getRuntime().availableProcessors());
            line("target (< " + TARGET.toSeconds() + " s)", wallNanos < TARGET.toNanos() ? "MET" : "MISSED");
            System.out.println("--- application time by method (outermost calls, engine commands awaited taken out) ---");
            methods.forEach(Result::print);
            System.out.println("--- outside the application, summed over threads: engine commands the application"
                    + " awaited, the benchmark's polling ---");
            outside.forEach(Result::print);
        }

        private static void line(String label, String format, Object... values) {
            System.out.printf("%-25s: %s%n", label, format.formatted(values));
        }

        private static void print(ApplicationTime.MethodTime method) {
            System.out.printf("%-52s %6d calls %9.1f ms%n", method.method(), method.calls(), method.nanos() / 1e6);
        }

        private static double seconds(long nanos) {
            return nanos / 1e9;
        }
    }

    // --- the synthetic province (not timed) ---

    private static String huyen(int number) {
        return "%s-H%02d".formatted(PROVINCE, number);
    }

    /** 18 Sở, 15 huyện, and 187 xã spread over the huyện in turn; returns every unit's name by code. */
    private static Map<String, String> writeProvince(Path directory) throws IOException {
        Map<String, String> names = new LinkedHashMap<>();
        StringBuilder yaml = new StringBuilder("""
                # A synthetic province the size of Đắk Lắk, written by WholeCycleBenchmark.
                code: %s
                name: "%s"
                units:
                """.formatted(PROVINCE, PROVINCE_NAME));
        for (int s = 1; s <= SO; s++) {
            String code = "%s-S%02d".formatted(PROVINCE, s);
            names.put(code, "Sở số %02d".formatted(s));
            yaml.append("  - {code: %s, name: \"%s\", level: SO}\n".formatted(code, names.get(code)));
        }
        for (int h = 1; h <= HUYEN; h++) {
            names.put(huyen(h), "UBND huyện Số %02d".formatted(h));
            yaml.append("  - {code: %s, name: \"%s\", level: HUYEN}\n".formatted(huyen(h), names.get(huyen(h))));
        }
        for (int x = 1; x <= XA; x++) {
            String code = "%s-X%03d".formatted(PROVINCE, x);
            names.put(code, "UBND xã Số %03d".formatted(x));
            yaml.append("  - {code: %s, name: \"%s\", level: XA, parent: %s}\n"
                    .formatted(code, names.get(code), huyen((x - 1) % HUYEN + 1)));
        }
        Files.writeString(directory.resolve("do-hieu-nang.yaml"), yaml);
        return names;
    }

    /** The test province's calendar (Kon Tum's dates), as the province's own. */
    private static void writeCalendar(Path directory) throws IOException {
        try (var in = WholeCycleBenchmark.class.getResourceAsStream("/calendars/thu-nghiem.yaml")) {
            Files.writeString(directory.resolve("do-hieu-nang.yaml"), new String(in.readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8).replace("province: TN", "province: " + PROVINCE));
        }
    }

    /** The shipped sets' structure, as the province's own. */
    private static void writeIndicatorSets(Path directory) throws IOException {
        for (var model : SET_MODELS.entrySet()) {
            String text;
            try (InputStream in = WholeCycleBenchmark.class.getClassLoader().getResourceAsStream(model.getValue())) {
                if (in == null) {
                    throw new IllegalStateException("resource not found on the classpath: " + model.getValue());
                }
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String copy = text.replaceFirst("(?m)^province: \\S+$", "province: " + PROVINCE);
            Files.writeString(directory.resolve("do-hieu-nang-" + model.getKey().name().toLowerCase(Locale.ROOT)
                    + ".yaml"), "# Copied by WholeCycleBenchmark from " + model.getValue() + "\n" + copy);
        }
    }

    private static int share(int total, int percent) {
        return Math.round(total * percent / 100f);
    }
}
