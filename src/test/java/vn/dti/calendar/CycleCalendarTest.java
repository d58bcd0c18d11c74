package vn.dti.calendar;

import org.junit.jupiter.api.Test;
import vn.dti.framework.InvalidInputException;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static vn.dti.calendar.CalendarField.APPRAISAL_END;
import static vn.dti.calendar.CalendarField.APPRAISAL_START;
import static vn.dti.calendar.CalendarField.DATA_PERIOD_END;
import static vn.dti.calendar.CalendarField.PUBLICATION_AT;
import static vn.dti.calendar.CalendarField.SELF_ASSESSMENT_DEADLINE;

class CycleCalendarTest {

    /** The reference cycle of 2025: deadline 30/11, appraisal in December, publication 15/01/2026. */
    static final CycleCalendar REFERENCE = new CycleCalendar(
            at("2024-11-01T00:00"), at("2025-11-01T23:59:59"), at("2025-11-30T23:59:59"),
            List.of(Duration.ofDays(7), Duration.ofDays(1)), Duration.ofDays(5),
            at("2025-12-01T00:00"), at("2025-12-31T23:59:59"), at("2026-01-15T08:00"));
    /** With a week between the deadline and the appraisal. */
    static final CycleCalendar EXTENDABLE = REFERENCE.with(APPRAISAL_START, at("2025-12-08T00:00"));
    static final Instant MID_NOVEMBER = at("2025-11-15T10:00").toInstant();

    static OffsetDateTime at(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+07:00");
    }

    @Test
    void keepsEveryDateAtPlusSevenWhateverOffsetItWasGivenIn() {
        CycleCalendar moved = REFERENCE.change(SELF_ASSESSMENT_DEADLINE,
                OffsetDateTime.parse("2025-11-28T16:59:59Z"), MID_NOVEMBER, Map.of());

        assertThat(moved.selfAssessmentDeadline()).isEqualTo(at("2025-11-28T23:59:59"));
        assertThat(moved.selfAssessmentDeadline().getOffset()).isEqualTo(CycleCalendar.VIETNAM);
    }

    @Test
    void movesADeadlineThatHasNotPassedAndLeavesTheOtherStagesAlone() {
        CycleCalendar moved = REFERENCE.change(SELF_ASSESSMENT_DEADLINE, at("2025-11-28T17:00"), MID_NOVEMBER,
                Map.of());

        assertThat(moved).isEqualTo(REFERENCE.with(SELF_ASSESSMENT_DEADLINE, at("2025-11-28T17:00")));
        assertThat(moved.appraisalStart()).isEqualTo(REFERENCE.appraisalStart());
        assertThat(moved.dataPeriodEnd()).isEqualTo(REFERENCE.dataPeriodEnd());
    }

    @Test
    void refusesAValueInThePastNamingItAndNow() {
        assertThatThrownBy(() -> REFERENCE.change(PUBLICATION_AT, at("2025-11-10T08:00"), MID_NOVEMBER, Map.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(problem -> {
                        assertThat(problem.field()).isEqualTo("PUBLICATION_AT");
                        assertThat(problem.reason()).isEqualTo("không thể dời ngày công bố vào quá khứ: 10/11/2025"
                                + " 08:00 không sau thời điểm hiện tại 15/11/2025 10:00");
                    });
                });
    }

    @Test
    void refusesChangingAStageThatHasAlreadyPassed() {
        Instant december = at("2025-12-02T09:00").toInstant();

        assertThatThrownBy(() -> REFERENCE.change(SELF_ASSESSMENT_DEADLINE, at("2025-12-20T23:59:59"), december,
                Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("SELF_ASSESSMENT_DEADLINE: hạn tự đánh giá 30/11/2025 23:59 đã qua (bây giờ là"
                        + " 02/12/2025 09:00): giai đoạn đã diễn ra thì không sửa được");
    }

    @Test
    void refusesADeadlineAtOrAfterTheAppraisalStartNamingThatStageAndItsDate() {
        assertThatThrownBy(() -> REFERENCE.change(SELF_ASSESSMENT_DEADLINE, at("2025-12-01T00:00"), MID_NOVEMBER,
                Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("SELF_ASSESSMENT_DEADLINE: hạn tự đánh giá 01/12/2025 00:00 phải trước ngày bắt đầu"
                        + " thẩm định 01/12/2025 00:00");
    }

    @Test
    void refusesAnAppraisalStartBeforeTheDeadlineNamingTheDeadline() {
        assertThatThrownBy(() -> REFERENCE.change(APPRAISAL_START, at("2025-11-25T00:00"), MID_NOVEMBER, Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("APPRAISAL_START: ngày bắt đầu thẩm định 25/11/2025 00:00 phải sau hạn tự đánh giá"
                        + " 30/11/2025 23:59");
    }

    @Test
    void letsTheDeadlineFallOnTheEndOfTheDataPeriodButNotBeforeIt() {
        Instant october = at("2025-10-01T00:00").toInstant();
        OffsetDateTime endOfData = REFERENCE.dataPeriodEnd();

        assertThat(REFERENCE.change(SELF_ASSESSMENT_DEADLINE, endOfData, october, Map.of()).selfAssessmentDeadline())
                .isEqualTo(endOfData);
        assertThatThrownBy(() -> REFERENCE.change(SELF_ASSESSMENT_DEADLINE, endOfData.minusSeconds(1), october,
                Map.of()))
                .hasMessage("SELF_ASSESSMENT_DEADLINE: hạn tự đánh giá 01/11/2025 23:59 không được trước ngày kết thúc"
                        + " kỳ số liệu 01/11/2025 23:59");
    }

    @Test
    void letsTheAppraisalEndOnItsStartButNotBeforeItNorOnThePublication() {
        assertThat(REFERENCE.change(APPRAISAL_END, at("2025-12-01T00:00"), MID_NOVEMBER, Map.of()).appraisalEnd())
                .isEqualTo(at("2025-12-01T00:00"));
        assertThatThrownBy(() -> REFERENCE.change(APPRAISAL_END, at("2025-11-30T23:59:59"), MID_NOVEMBER, Map.of()))
                .hasMessageContaining("không được trước ngày bắt đầu thẩm định 01/12/2025 00:00");
        assertThatThrownBy(() -> REFERENCE.change(APPRAISAL_END, at("2026-01-15T08:00"), MID_NOVEMBER, Map.of()))
                .hasMessage("APPRAISAL_END: ngày kết thúc thẩm định 15/01/2026 08:00 phải trước ngày công bố"
                        + " 15/01/2026 08:00");
    }

    @Test
    void refusesADataPeriodEndAfterTheDeadline() {
        Instant october = at("2025-10-01T00:00").toInstant();

        assertThatThrownBy(() -> REFERENCE.change(DATA_PERIOD_END, at("2025-12-01T00:00"), october, Map.of()))
                .hasMessage("DATA_PERIOD_END: ngày kết thúc kỳ số liệu 01/12/2025 00:00 không được sau hạn tự đánh giá"
                        + " 30/11/2025 23:59");
    }

    @Test
    void refusesAnAppraisalEndThatWouldCutAUnitsExtendedDeadlineShort() {
        Map<String, OffsetDateTime> extended = Map.of("BN-S03", at("2025-12-20T23:59:59"),
                "BN-S01", at("2025-12-02T23:59:59"));

        assertThatThrownBy(() -> REFERENCE.change(APPRAISAL_END, at("2025-12-15T00:00"), MID_NOVEMBER, extended))
                .hasMessage("APPRAISAL_END: ngày kết thúc thẩm định 15/12/2025 00:00 phải sau hạn đã gia hạn"
                        + " cho đơn vị BN-S03 20/12/2025 23:59");
        assertThat(REFERENCE.change(APPRAISAL_END, at("2025-12-21T00:00"), MID_NOVEMBER, extended).appraisalEnd())
                .isEqualTo(at("2025-12-21T00:00"));
        // The appraisal may start before an extension ends: the cycle's appraisal waits for every unit.
        assertThat(REFERENCE.change(APPRAISAL_START, at("2025-12-03T00:00"), MID_NOVEMBER, extended).appraisalStart())
                .isEqualTo(at("2025-12-03T00:00"));
    }

    @Test
    void findsEveryBreakInTheOrderOfAWholeCalendar() {
        CycleCalendar broken = REFERENCE.with(DATA_PERIOD_END, at("2024-10-01T00:00"))
                .with(PUBLICATION_AT, at("2025-12-31T23:59:59"));

        assertThat(REFERENCE.orderProblems()).isEmpty();
        assertThat(broken.orderProblems()).containsExactly(
                entry(DATA_PERIOD_END,
                        "ngày kết thúc kỳ số liệu 01/10/2024 00:00 phải sau ngày bắt đầu kỳ số liệu 01/11/2024 00:00"),
                entry(PUBLICATION_AT,
                        "ngày công bố 31/12/2025 23:59 phải sau ngày kết thúc thẩm định 31/12/2025 23:59"));
    }

    @Test
    void acceptsAnExtensionBetweenTheCommonDeadlineAndTheAppraisal() {
        Instant lastDay = at("2025-11-30T12:00").toInstant();

        assertThat(EXTENDABLE.extension(OffsetDateTime.parse("2025-12-05T10:00:00Z"), lastDay))
                .isEqualTo(at("2025-12-05T17:00"));
    }

    @Test
    void refusesAnExtensionAtOrBeforeNow() {
        Instant december = at("2025-12-02T09:00").toInstant();

        assertThatThrownBy(() -> EXTENDABLE.extension(at("2025-12-02T08:59"), december))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.problems().getFirst().field()).isEqualTo("deadline"))
                .hasMessage("deadline: không thể gia hạn vào quá khứ: 02/12/2025 08:59 không sau thời điểm hiện tại"
                        + " 02/12/2025 09:00");
        assertThatThrownBy(() -> EXTENDABLE.extension(december.atOffset(CycleCalendar.VIETNAM), december))
                .hasMessageContaining("vào quá khứ");
        assertThat(EXTENDABLE.extension(at("2025-12-02T09:01"), december)).isEqualTo(at("2025-12-02T09:01"));
    }

    @Test
    void refusesAnExtensionAtOrAfterTheEndOfTheAppraisal() {
        assertThatThrownBy(() -> EXTENDABLE.extension(at("2025-12-31T23:59:59"), MID_NOVEMBER))
                .hasMessage("deadline: hạn gia hạn 31/12/2025 23:59 phải trước ngày kết thúc thẩm định"
                        + " 31/12/2025 23:59");
        assertThatThrownBy(() -> EXTENDABLE.extension(at("2026-01-02T00:00"), MID_NOVEMBER))
                .hasMessageContaining("phải trước ngày kết thúc thẩm định");
        assertThat(EXTENDABLE.extension(at("2025-12-30T23:59:59"), MID_NOVEMBER)).isEqualTo(at("2025-12-30T23:59:59"));
    }

    @Test
    void refusesAnExtensionThatGivesNoMoreTimeThanTheCommonDeadline() {
        assertThatThrownBy(() -> EXTENDABLE.extension(at("2025-11-30T23:59:59"), MID_NOVEMBER))
                .hasMessage("deadline: hạn gia hạn 30/11/2025 23:59 phải sau hạn tự đánh giá chung 30/11/2025 23:59");
    }

    @Test
    void theReferenceCycleAllowsAnExtensionIntoTheAppraisalWindow() {
        assertThat(REFERENCE.extension(at("2025-12-05T12:00"), MID_NOVEMBER)).isEqualTo(at("2025-12-05T12:00"));
    }

    @Test
    void aUnitsDeadlineIsItsExtensionUnlessTheCommonDeadlineHasMovedPastIt() {
        OffsetDateTime extension = at("2025-12-03T23:59:59");
        CycleCalendar later = EXTENDABLE.with(SELF_ASSESSMENT_DEADLINE, at("2025-12-05T23:59:59"));

        assertThat(EXTENDABLE.deadlineFor(Optional.empty())).isEqualTo(EXTENDABLE.selfAssessmentDeadline());
        assertThat(EXTENDABLE.deadlineFor(Optional.of(extension))).isEqualTo(extension);
        assertThat(later.deadlineFor(Optional.of(extension))).isEqualTo(at("2025-12-05T23:59:59"));
    }

    @Test
    void theNextReminderIsTheEarliestOneStrictlyAfterTheGivenInstant() {
        OffsetDateTime deadline = REFERENCE.selfAssessmentDeadline();

        assertThat(REFERENCE.nextReminder(deadline, MID_NOVEMBER)).contains(at("2025-11-23T23:59:59"));
        assertThat(REFERENCE.nextReminder(deadline, at("2025-11-23T23:59:59").toInstant()))
                .contains(at("2025-11-29T23:59:59"));
        assertThat(REFERENCE.nextReminder(deadline, at("2025-11-29T23:59:59").toInstant())).isEmpty();
    }

    @Test
    void remindersFollowAnExtendedDeadline() {
        OffsetDateTime extended = EXTENDABLE.deadlineFor(Optional.of(
                EXTENDABLE.extension(at("2025-12-05T23:59:59"), MID_NOVEMBER)));
        Instant afterTheLastCommonReminder = at("2025-11-29T23:59:59").toInstant();

        assertThat(EXTENDABLE.nextReminder(extended, MID_NOVEMBER)).contains(at("2025-11-28T23:59:59"));
        assertThat(EXTENDABLE.nextReminder(extended, afterTheLastCommonReminder)).contains(at("2025-12-04T23:59:59"));
    }
}
