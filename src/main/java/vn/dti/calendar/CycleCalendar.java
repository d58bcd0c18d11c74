package vn.dti.calendar;

import vn.dti.framework.InvalidInputException;
import vn.dti.framework.VietnameseFormat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One cycle's dates and the rules for changing them. All instants are OffsetDateTime at +07:00
 * (Asia/Ho_Chi_Minh); durations ISO-8601. Reminders fall {@code deadline − offset}; an explanation request gives the
 * unit {@code explanationReplyTime} to answer.
 */
public record CycleCalendar(OffsetDateTime dataPeriodStart, OffsetDateTime dataPeriodEnd,
                            OffsetDateTime selfAssessmentDeadline, List<Duration> reminderOffsets,
                            Duration explanationReplyTime, OffsetDateTime appraisalStart, OffsetDateTime appraisalEnd,
                            OffsetDateTime publicationAt) {

    /** Asia/Ho_Chi_Minh has kept +07:00 without daylight saving since 1975, so a fixed offset is exact. */
    public static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    public CycleCalendar {
        dataPeriodStart = inVietnam(dataPeriodStart);
        dataPeriodEnd = inVietnam(dataPeriodEnd);
        selfAssessmentDeadline = inVietnam(selfAssessmentDeadline);
        reminderOffsets = List.copyOf(reminderOffsets);
        Objects.requireNonNull(explanationReplyTime, "explanationReplyTime");
        appraisalStart = inVietnam(appraisalStart);
        appraisalEnd = inVietnam(appraisalEnd);
        publicationAt = inVietnam(publicationAt);
    }

    public OffsetDateTime get(CalendarField field) {
        return switch (field) {
            case DATA_PERIOD_START -> dataPeriodStart;
            case DATA_PERIOD_END -> dataPeriodEnd;
            case SELF_ASSESSMENT_DEADLINE -> selfAssessmentDeadline;
            case APPRAISAL_START -> appraisalStart;
            case APPRAISAL_END -> appraisalEnd;
            case PUBLICATION_AT -> publicationAt;
        };
    }

    CycleCalendar with(CalendarField field, OffsetDateTime value) {
        return new CycleCalendar(
                field == CalendarField.DATA_PERIOD_START ? value : dataPeriodStart,
                field == CalendarField.DATA_PERIOD_END ? value : dataPeriodEnd,
                field == CalendarField.SELF_ASSESSMENT_DEADLINE ? value : selfAssessmentDeadline,
                reminderOffsets, explanationReplyTime,
                field == CalendarField.APPRAISAL_START ? value : appraisalStart,
                field == CalendarField.APPRAISAL_END ? value : appraisalEnd,
                field == CalendarField.PUBLICATION_AT ? value : publicationAt);
    }

    /** Every stage out of order with the one before it, by stage, each naming both stages and their dates. */
    Map<CalendarField, String> orderProblems() {
        Map<CalendarField, String> problems = new LinkedHashMap<>();
        CalendarField[] fields = CalendarField.values();
        for (int i = 1; i < fields.length; i++) {
            CalendarField field = fields[i];
            orderProblem(field, get(field), fields[i - 1], get(fields[i - 1]))
                    .ifPresent(problem -> problems.put(field, problem));
        }
        return problems;
    }

    /**
     * This calendar with {@code field} moved to {@code value}, or the reason it may not be: a stage already passed is
     * history, nothing moves into the past, the order of the stages holds, and the appraisal starts after every
     * deadline granted to a unit ({@code unitDeadlines} by unit code).
     */
    CycleCalendar change(CalendarField field, OffsetDateTime value, Instant now,
                         Map<String, OffsetDateTime> unitDeadlines) {
        value = inVietnam(value);
        OffsetDateTime current = get(field);
        if (!current.toInstant().isAfter(now)) {
            throw refusal(field, field.label() + " " + at(current) + " đã qua (bây giờ là " + at(now)
                    + "): giai đoạn đã diễn ra thì không sửa được");
        }
        if (!value.toInstant().isAfter(now)) {
            throw refusal(field, "không thể dời " + field.label() + " vào quá khứ: " + at(value)
                    + " không sau thời điểm hiện tại " + at(now));
        }
        CalendarField[] fields = CalendarField.values();
        for (int index : new int[]{field.ordinal() - 1, field.ordinal() + 1}) {
            if (index < 0 || index == fields.length) {
                continue;
            }
            Optional<String> problem = orderProblem(field, value, fields[index], get(fields[index]));
            if (problem.isPresent()) {
                throw refusal(field, problem.get());
            }
        }
        if (field == CalendarField.APPRAISAL_END) {
            for (var unit : new TreeMap<>(unitDeadlines).entrySet()) {
                if (!value.isAfter(unit.getValue())) {
                    throw refusal(field, field.label() + " " + at(value) + " phải sau hạn đã gia hạn cho đơn vị "
                            + unit.getKey() + " " + at(unit.getValue()));
                }
            }
        }
        return with(field, value);
    }

    /**
     * {@code deadline} as one unit's own self-assessment deadline, or the reason it may not be: it must lie ahead,
     * give more time than the common deadline, and end before the appraisal window closes. It may run into that
     * window: the cycle's appraisal waits for every unit, and the reference calendars leave no gap before it.
     */
    OffsetDateTime extension(OffsetDateTime deadline, Instant now) {
        deadline = inVietnam(deadline);
        if (!deadline.toInstant().isAfter(now)) {
            throw new InvalidInputException("deadline", "không thể gia hạn vào quá khứ: " + at(deadline)
                    + " không sau thời điểm hiện tại " + at(now));
        }
        if (!deadline.isAfter(selfAssessmentDeadline)) {
            throw new InvalidInputException("deadline", "hạn gia hạn " + at(deadline)
                    + " phải sau hạn tự đánh giá chung " + at(selfAssessmentDeadline));
        }
        if (!deadline.isBefore(appraisalEnd)) {
            throw new InvalidInputException("deadline", "hạn gia hạn " + at(deadline)
                    + " phải trước ngày kết thúc thẩm định " + at(appraisalEnd));
        }
        return deadline;
    }

    /**
     * A unit's deadline: its extension if it has one, but never earlier than the common deadline, which an
     * administrator may have moved past the extension since it was granted.
     */
    OffsetDateTime deadlineFor(Optional<OffsetDateTime> extension) {
        return extension.filter(own -> own.isAfter(selfAssessmentDeadline)).orElse(selfAssessmentDeadline);
    }

    /** The earliest {@code deadline − offset} strictly after {@code after}. */
    Optional<OffsetDateTime> nextReminder(OffsetDateTime deadline, Instant after) {
        return reminderOffsets.stream()
                .map(deadline::minus)
                .filter(reminder -> reminder.toInstant().isAfter(after))
                .min(Comparator.naturalOrder());
    }

    /** Why {@code value} for {@code field} does not fit beside the adjacent stage {@code other}, if it does not. */
    private static Optional<String> orderProblem(CalendarField field, OffsetDateTime value, CalendarField other,
                                                 OffsetDateTime otherValue) {
        boolean otherIsEarlier = other.ordinal() < field.ordinal();
        return orderProblem(field, value, other, otherValue,
                otherIsEarlier ? field.mayEqualPrevious() : other.mayEqualPrevious());
    }

    /** The same for any two stages: {@code mayEqual} when they may fall on the same instant. */
    static Optional<String> orderProblem(CalendarField field, OffsetDateTime value, CalendarField other,
                                         OffsetDateTime otherValue, boolean mayEqual) {
        boolean otherIsEarlier = other.ordinal() < field.ordinal();
        OffsetDateTime earlier = otherIsEarlier ? otherValue : value;
        OffsetDateTime later = otherIsEarlier ? value : otherValue;
        if (mayEqual ? !later.isBefore(earlier) : later.isAfter(earlier)) {
            return Optional.empty();
        }
        String relation = otherIsEarlier ? (mayEqual ? " không được trước " : " phải sau ")
                : (mayEqual ? " không được sau " : " phải trước ");
        return Optional.of(field.label() + " " + at(value) + relation + other.label() + " " + at(otherValue));
    }

    private static InvalidInputException refusal(CalendarField field, String reason) {
        return new InvalidInputException(field.name(), reason);
    }

    /** "30/11/2025 23:59": the date as people read it, with the time, which decides on a deadline's last day. */
    static String at(OffsetDateTime instant) {
        OffsetDateTime local = instant.withOffsetSameInstant(VIETNAM);
        return VietnameseFormat.date(local.toLocalDate()) + " " + TIME.format(local);
    }

    static String at(Instant instant) {
        return at(instant.atOffset(VIETNAM));
    }

    /** Whole seconds: finer is noise in a calendar, and what is stored must read back equal. */
    private static OffsetDateTime inVietnam(OffsetDateTime instant) {
        return Objects.requireNonNull(instant, "a calendar date").withOffsetSameInstant(VIETNAM)
                .truncatedTo(ChronoUnit.SECONDS);
    }
}
