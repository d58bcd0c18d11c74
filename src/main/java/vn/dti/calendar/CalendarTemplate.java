package vn.dti.calendar;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import vn.dti.framework.FieldProblem;
import vn.dti.framework.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A province's calendar with every date given as month, day and time plus a year offset from the cycle's year, so
 * one file serves every year. Each date names its source; a date the province's decision does not state is
 * {@code notStated}, and the administrator gives it when opening a cycle: the platform never supplies one.
 */
record CalendarTemplate(String province, TemplateDate dataPeriodStart, TemplateDate dataPeriodEnd,
                        TemplateDate selfAssessmentDeadline, List<Duration> reminderOffsets,
                        Duration explanationReplyTime, TemplateDate appraisalStart, TemplateDate appraisalEnd,
                        TemplateDate publicationAt, List<String> notes) {

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    // Any year serves to check the order: without 29/02 a template's dates fall the same way every year.
    private static final int SAMPLE_YEAR = 2025;

    CalendarTemplate {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * {@code yearOffset}: 0 the cycle's year, -1 the year before, 1 the year after. {@code source}: the article the
     * date comes from, or why the decision gives none.
     */
    record TemplateDate(Integer month, Integer day, LocalTime time, int yearOffset, boolean notStated,
                        String source) {

        OffsetDateTime in(int year) {
            return OffsetDateTime.of(LocalDate.of(year + yearOffset, month, day), time, CycleCalendar.VIETNAM);
        }
    }

    /** Reads and validates one template; a bad one is refused with the file's name and every problem found. */
    static CalendarTemplate read(InputStream in, String fileName) {
        CalendarTemplate template;
        try {
            template = YAML.readValue(in, CalendarTemplate.class);
        } catch (IOException e) {
            throw new IllegalStateException("Lịch mẫu " + fileName + " không đọc được: " + e.getMessage(), e);
        }
        List<String> problems = template == null ? List.of("tệp trống") : template.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Lịch mẫu " + fileName + " không hợp lệ:\n  - "
                    + String.join("\n  - ", problems));
        }
        return template;
    }

    TemplateDate date(CalendarField field) {
        return switch (field) {
            case DATA_PERIOD_START -> dataPeriodStart;
            case DATA_PERIOD_END -> dataPeriodEnd;
            case SELF_ASSESSMENT_DEADLINE -> selfAssessmentDeadline;
            case APPRAISAL_START -> appraisalStart;
            case APPRAISAL_END -> appraisalEnd;
            case PUBLICATION_AT -> publicationAt;
        };
    }

    /** The stages the province's decision gives no date for, in their order. */
    List<CalendarField> notStated() {
        return List.of(CalendarField.values()).stream().filter(field -> date(field).notStated()).toList();
    }

    /** The calendar of a template that states every date. */
    CycleCalendar forYear(int year) {
        return forYear(year, Map.of());
    }

    /**
     * The calendar of {@code year}, with {@code given} supplying the dates the template does not state. Refused,
     * naming each field ({@code dates.<FIELD>}): a date not stated and not given, a date given that the template
     * states (it is changed once the cycle is open, with a reason), and stages out of order.
     */
    CycleCalendar forYear(int year, Map<CalendarField, OffsetDateTime> given) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<CalendarField, OffsetDateTime> dates = new EnumMap<>(CalendarField.class);
        for (CalendarField field : CalendarField.values()) {
            TemplateDate date = date(field);
            OffsetDateTime value = given.get(field);
            if (!date.notStated()) {
                dates.put(field, date.in(year));
                if (value != null) {
                    problems.add(new FieldProblem("dates." + field.name(), "lịch của tỉnh " + province + " đã định "
                            + field.label() + " (" + date.source() + "); đổi ngày sau khi mở kỳ, kèm lý do"));
                }
            } else if (value == null) {
                problems.add(new FieldProblem("dates." + field.name(), "lịch của tỉnh " + province + " không định "
                        + field.label() + " (" + date.source() + "): quản trị viên nhập ngày này khi mở kỳ"));
            } else {
                dates.put(field, value);
            }
        }
        if (problems.isEmpty()) {
            CycleCalendar calendar = calendar(dates);
            calendar.orderProblems().forEach((field, problem) ->
                    problems.add(new FieldProblem("dates." + field.name(), problem)));
            if (problems.isEmpty()) {
                return calendar;
            }
        }
        throw new InvalidInputException(problems);
    }

    private CycleCalendar calendar(Map<CalendarField, OffsetDateTime> dates) {
        return new CycleCalendar(dates.get(CalendarField.DATA_PERIOD_START), dates.get(CalendarField.DATA_PERIOD_END),
                dates.get(CalendarField.SELF_ASSESSMENT_DEADLINE), reminderOffsets, explanationReplyTime,
                dates.get(CalendarField.APPRAISAL_START), dates.get(CalendarField.APPRAISAL_END),
                dates.get(CalendarField.PUBLICATION_AT));
    }

    private List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (CalendarField field : CalendarField.values()) {
            check(name(field), date(field), problems);
        }
        if (reminderOffsets == null) {
            problems.add("reminderOffsets: thiếu (danh sách khoảng thời gian trước hạn, ví dụ [P7D, P1D];"
                    + " [] nếu không nhắc)");
        } else if (reminderOffsets.stream().anyMatch(offset -> offset == null || !offset.isPositive())) {
            problems.add("reminderOffsets: mỗi khoảng nhắc trước hạn phải dương, ví dụ P7D");
        }
        if (explanationReplyTime == null || !explanationReplyTime.isPositive()) {
            problems.add("explanationReplyTime: thời gian trả lời giải trình phải dương, ví dụ P5D");
        }
        if (problems.isEmpty()) {
            statedOrderProblems().forEach(problem ->
                    problems.add("thứ tự các giai đoạn (năm " + SAMPLE_YEAR + "): " + problem));
        }
        return problems;
    }

    /** The order of the stated dates among themselves: a stage not stated between two is skipped over. */
    private List<String> statedOrderProblems() {
        List<String> problems = new ArrayList<>();
        CalendarField previous = null;
        boolean mayEqual = true;
        for (CalendarField field : CalendarField.values()) {
            mayEqual = mayEqual && field.mayEqualPrevious();
            if (date(field).notStated()) {
                continue;
            }
            if (previous != null) {
                CycleCalendar.orderProblem(field, date(field).in(SAMPLE_YEAR), previous,
                        date(previous).in(SAMPLE_YEAR), mayEqual).ifPresent(problems::add);
            }
            previous = field;
            mayEqual = true;
        }
        return problems;
    }

    /** The field as the file spells it: SELF_ASSESSMENT_DEADLINE is selfAssessmentDeadline. */
    static String name(CalendarField field) {
        StringBuilder name = new StringBuilder();
        for (String word : field.name().toLowerCase().split("_")) {
            name.append(name.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name.toString();
    }

    private static void check(String name, TemplateDate date, List<String> problems) {
        if (date == null) {
            problems.add(name + ": thiếu; ghi ngày {month, day, time, yearOffset, source} hoặc {notStated: true,"
                    + " source} khi quyết định của tỉnh không định ngày này");
            return;
        }
        if (date.source() == null || date.source().isBlank()) {
            problems.add(name + ": thiếu nguồn (source): điều, khoản của quyết định, hoặc vì sao văn bản không định");
        }
        if (date.notStated()) {
            if (date.month() != null || date.day() != null || date.time() != null) {
                problems.add(name + ": ngày đã ghi notStated: true thì không ghi month, day, time");
            }
            return;
        }
        if (date.month() == null || date.day() == null || date.time() == null) {
            problems.add(name + ": cần month, day và time, ví dụ {month: 11, day: 30, time: \"23:59:59\","
                    + " yearOffset: 0}");
            return;
        }
        try {
            MonthDay.of(date.month(), date.day());
        } catch (DateTimeException e) {
            problems.add(name + ": không có ngày " + date.day() + "/" + date.month());
            return;
        }
        if (date.month() == 2 && date.day() == 29) {
            problems.add(name + ": ngày 29/02 không có trong mọi năm");
        }
    }
}
