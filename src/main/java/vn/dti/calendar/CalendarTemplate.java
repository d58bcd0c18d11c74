package vn.dti.calendar;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A province's calendar with every date given as month, day and time plus a year offset from the cycle's year, so
 * one file serves every year. {@code province} is absent only in the default template.
 */
record CalendarTemplate(String province, TemplateDate dataPeriodStart, TemplateDate dataPeriodEnd,
                        TemplateDate selfAssessmentDeadline, List<Duration> reminderOffsets,
                        Duration explanationReplyTime, TemplateDate appraisalStart, TemplateDate appraisalEnd,
                        TemplateDate publicationAt) {

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    // Any year serves to check the order: without 29/02 a template's dates fall the same way every year.
    private static final int SAMPLE_YEAR = 2025;

    /** {@code yearOffset}: 0 the cycle's year, -1 the year before, 1 the year after. */
    record TemplateDate(Integer month, Integer day, LocalTime time, int yearOffset) {

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

    CycleCalendar forYear(int year) {
        return new CycleCalendar(dataPeriodStart.in(year), dataPeriodEnd.in(year), selfAssessmentDeadline.in(year),
                reminderOffsets, explanationReplyTime, appraisalStart.in(year), appraisalEnd.in(year),
                publicationAt.in(year));
    }

    private List<String> problems() {
        List<String> problems = new ArrayList<>();
        check("dataPeriodStart", dataPeriodStart, problems);
        check("dataPeriodEnd", dataPeriodEnd, problems);
        check("selfAssessmentDeadline", selfAssessmentDeadline, problems);
        check("appraisalStart", appraisalStart, problems);
        check("appraisalEnd", appraisalEnd, problems);
        check("publicationAt", publicationAt, problems);
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
            forYear(SAMPLE_YEAR).orderProblems().forEach(problem ->
                    problems.add("thứ tự các giai đoạn (năm " + SAMPLE_YEAR + "): " + problem));
        }
        return problems;
    }

    private static void check(String name, TemplateDate date, List<String> problems) {
        if (date == null || date.month() == null || date.day() == null || date.time() == null) {
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
