package vn.dti.calendar;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.dti.framework.AuditLog;
import vn.dti.framework.InvalidInputException;
import vn.dti.framework.NotFoundException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static vn.dti.calendar.CalendarField.APPRAISAL_END;
import static vn.dti.calendar.CalendarField.APPRAISAL_START;
import static vn.dti.calendar.CalendarField.PUBLICATION_AT;
import static vn.dti.calendar.CalendarField.SELF_ASSESSMENT_DEADLINE;
import static vn.dti.calendar.CycleCalendarTest.at;

/** CalendarService against the real database, each change committed or rolled back as in production. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CalendarServiceTest {

    /** Bắc Ninh 2025 before the deadline of 10/10: appraisal 11/10–31/10, publication 20/11. */
    static final Instant EARLY_OCTOBER = at("2025-10-01T10:00").toInstant();

    @Autowired
    CalendarService calendars;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcTemplate jdbc;

    private final List<Long> cycles = new ArrayList<>();

    long cycle(String province, String indicatorSet) {
        Long id = jdbc.queryForObject("insert into cycle (province_code, year, level, group_code, indicator_set_id,"
                        + " council_group, approver_group, status, step, started_at)"
                        + " values (?, 2025, 'SO', 'SO', ?, ?, ?, 'OPEN', 'start', now()) returning id", Long.class,
                province, indicatorSet, "council:" + province, "chairman:" + province);
        cycles.add(id);
        return id;
    }

    /** Each test's cycle goes, so the next can be Bắc Ninh's Sở cycle of 2025 again. The audit log stays. */
    @AfterEach
    void removeCycles() {
        for (long id : cycles) {
            jdbc.update("delete from unit_deadline where cycle_id = ?", id);
            jdbc.update("delete from calendar_change where cycle_id = ?", id);
            jdbc.update("delete from cycle_calendar where cycle_id = ?", id);
            jdbc.update("delete from cycle where id = ?", id);
        }
    }

    @Test
    void storesEachProvincesOwnCalendarForTheCycleWithTheDatesItsDecisionLeavesToTheAdministrator() {
        long bacNinh = cycle("BN", "BN-SO-2023");
        long dakLak = cycle("DLK", "DLK-SO-2021");

        CycleCalendar created = calendars.createFor(bacNinh, "BN", 2025);
        assertThatThrownBy(() -> calendars.createFor(dakLak, "DLK", 2025))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("dates.SELF_ASSESSMENT_DEADLINE: lịch của tỉnh DLK không định hạn tự đánh giá");
        assertThat(calendars.notStated("DLK")).containsOnlyKeys(SELF_ASSESSMENT_DEADLINE);
        calendars.createFor(dakLak, "DLK", 2025, Map.of(SELF_ASSESSMENT_DEADLINE, at("2026-01-15T23:59:59")));

        assertThat(calendars.calendar(bacNinh)).isEqualTo(created);
        assertThat(created.selfAssessmentDeadline()).isEqualTo(at("2025-10-10T23:59:59"));
        assertThat(jdbc.queryForObject("select self_assessment_deadline = '2025-10-10 23:59:59+07'"
                + " from cycle_calendar where cycle_id = ?", Boolean.class, bacNinh)).isTrue();
        assertThat(calendars.calendar(dakLak).selfAssessmentDeadline()).isEqualTo(at("2026-01-15T23:59:59"));
        assertThat(calendars.calendar(dakLak).appraisalStart()).isEqualTo(at("2026-03-04T00:00"));
        assertThat(calendars.calendar(dakLak).publicationAt()).isEqualTo(at("2026-05-04T08:00"));
        assertThat(calendars.history(bacNinh)).isEmpty();
    }

    @Test
    void aProvinceWithoutACalendarFileGetsNoneNotAnotherProvincesDates() {
        assertThatThrownBy(() -> calendars.plan("XX", 2025, Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("province: tỉnh XX chưa có lịch (tệp calendars/*.yaml, hoặc trong thư mục"
                        + " DTI_CALENDARS_DIRECTORY)");
    }

    @Test
    void aRetriedCreateKeepsTheDatesAnAdministratorHasChanged() {
        long id = cycle("BN", "BN-SO-2023");
        calendars.createFor(id, "BN", 2025);
        calendars.change(id, PUBLICATION_AT, at("2025-11-25T08:00"), "admin:BN", "Chủ tịch đi công tác", EARLY_OCTOBER);

        assertThat(calendars.createFor(id, "BN", 2025).publicationAt()).isEqualTo(at("2025-11-25T08:00"));
    }

    @Test
    void aChangeIsStoredKeptInTheHistoryAndAudited() {
        long id = cycle("BN", "BN-SO-2023");
        calendars.createFor(id, "BN", 2025);

        calendars.change(id, APPRAISAL_START, at("2025-10-16T00:00"), "admin:BN", "Hội đồng họp từ 16/10",
                EARLY_OCTOBER);
        CycleCalendar changed = calendars.change(id, SELF_ASSESSMENT_DEADLINE, at("2025-10-15T23:59:59"), "admin:BN",
                "Phần mềm chấm điểm gián đoạn", EARLY_OCTOBER.plusSeconds(60));

        assertThat(calendars.calendar(id)).isEqualTo(changed);
        assertThat(changed.selfAssessmentDeadline()).isEqualTo(at("2025-10-15T23:59:59"));
        assertThat(changed.appraisalStart()).isEqualTo(at("2025-10-16T00:00"));
        assertThat(calendars.history(id))
                .extracting(CalendarChange::cycleId, CalendarChange::field, CalendarChange::unitCode,
                        CalendarChange::before, CalendarChange::after, CalendarChange::actor, CalendarChange::reason,
                        CalendarChange::changedAt)
                .containsExactly(
                        tuple(id, "APPRAISAL_START", null, at("2025-10-11T00:00"), at("2025-10-16T00:00"), "admin:BN",
                                "Hội đồng họp từ 16/10", EARLY_OCTOBER),
                        tuple(id, "SELF_ASSESSMENT_DEADLINE", null, at("2025-10-10T23:59:59"),
                                at("2025-10-15T23:59:59"), "admin:BN", "Phần mềm chấm điểm gián đoạn",
                                EARLY_OCTOBER.plusSeconds(60)));
        assertThat(audit.entries("cycle", String.valueOf(id))).satisfiesExactly(
                first -> assertThat(first.action()).isEqualTo("calendar.change"),
                second -> {
                    assertThat(second.action()).isEqualTo("calendar.change");
                    assertThat(second.actor()).isEqualTo("admin:BN");
                    assertThat(second.at()).isEqualTo(EARLY_OCTOBER.plusSeconds(60));
                    assertThat(second.before()).contains("\"field\": \"SELF_ASSESSMENT_DEADLINE\"")
                            .contains("2025-10-10T23:59:59+07:00").doesNotContain("reason");
                    assertThat(second.after()).contains("2025-10-15T23:59:59+07:00")
                            .contains("\"reason\": \"Phần mềm chấm điểm gián đoạn\"");
                });
    }

    @Test
    void aRefusedChangeLeavesTheCalendarHistoryAndAuditLogAsTheyWere() {
        long id = cycle("BN", "BN-SO-2023");
        calendars.createFor(id, "BN", 2025);
        calendars.change(id, PUBLICATION_AT, at("2025-11-25T08:00"), "admin:BN", "Chủ tịch đi công tác", EARLY_OCTOBER);
        CycleCalendar before = calendars.calendar(id);
        List<CalendarChange> history = calendars.history(id);
        List<AuditLog.Entry> entries = audit.entries("cycle", String.valueOf(id));

        assertThatThrownBy(() -> calendars.change(id, SELF_ASSESSMENT_DEADLINE, at("2025-10-12T23:59:59"),
                "admin:BN", "Cho thêm hai ngày", EARLY_OCTOBER))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.problems()).singleElement().satisfies(problem -> {
                            assertThat(problem.field()).isEqualTo("SELF_ASSESSMENT_DEADLINE");
                            assertThat(problem.reason()).isEqualTo("hạn tự đánh giá 12/10/2025 23:59 phải trước ngày"
                                    + " bắt đầu thẩm định 11/10/2025 00:00");
                        }));
        assertThatThrownBy(() -> calendars.change(id, SELF_ASSESSMENT_DEADLINE, at("2025-09-30T23:59:59"),
                "admin:BN", "Nộp sớm", EARLY_OCTOBER))
                .hasMessageContaining("vào quá khứ");
        assertThatThrownBy(() -> calendars.change(id, SELF_ASSESSMENT_DEADLINE, at("2025-10-10T23:59:59"),
                "admin:BN", " ", EARLY_OCTOBER))
                .hasMessage("reason: bắt buộc: ghi lý do thay đổi lịch");

        assertThat(calendars.calendar(id)).isEqualTo(before);
        assertThat(calendars.history(id)).isEqualTo(history);
        assertThat(audit.entries("cycle", String.valueOf(id))).isEqualTo(entries);
    }

    @Test
    void oneUnitsDeadlineIsExtendedTheLaterExtensionReplacingTheEarlierAndRemindersFollowIt() {
        long id = cycle("BN", "BN-SO-2023");
        calendars.createFor(id, "BN", 2025);
        calendars.change(id, APPRAISAL_START, at("2025-10-20T00:00"), "admin:BN", "Để gia hạn cho đơn vị",
                EARLY_OCTOBER);
        Instant afterTheDeadline = at("2025-10-11T09:00").toInstant();

        assertThat(calendars.extend(id, "BN-S03", at("2025-10-15T23:59:59"), "admin:BN", "Mất điện",
                EARLY_OCTOBER)).isEqualTo(at("2025-10-15T23:59:59"));
        assertThat(calendars.extend(id, "BN-S03", OffsetDateTime.parse("2025-10-17T16:59:59Z"), "admin:BN",
                "Mất điện kéo dài", afterTheDeadline)).isEqualTo(at("2025-10-17T23:59:59"));

        assertThat(calendars.deadlineFor(id, "BN-S03")).isEqualTo(at("2025-10-17T23:59:59"));
        assertThat(calendars.deadlineFor(id, "BN-S01")).isEqualTo(at("2025-10-10T23:59:59"));
        assertThat(calendars.nextReminder(id, "BN-S03", afterTheDeadline)).contains(at("2025-10-16T23:59:59"));
        assertThat(calendars.nextReminder(id, "BN-S01", afterTheDeadline)).isEmpty();
        assertThat(calendars.nextReminder(id, "BN-S01", EARLY_OCTOBER)).contains(at("2025-10-03T23:59:59"));
        assertThat(calendars.history(id)).filteredOn(change -> change.field().equals("UNIT_DEADLINE"))
                .extracting(CalendarChange::unitCode, CalendarChange::before, CalendarChange::after,
                        CalendarChange::reason)
                .containsExactly(
                        tuple("BN-S03", at("2025-10-10T23:59:59"), at("2025-10-15T23:59:59"), "Mất điện"),
                        tuple("BN-S03", at("2025-10-15T23:59:59"), at("2025-10-17T23:59:59"), "Mất điện kéo dài"));
        assertThat(audit.entries("cycle", String.valueOf(id))).extracting(AuditLog.Entry::action)
                .containsExactly("calendar.change", "calendar.extend", "calendar.extend");
        assertThat(audit.entries("cycle", String.valueOf(id)).getLast().after())
                .contains("\"unitCode\": \"BN-S03\"").contains("2025-10-17T23:59:59+07:00");
    }

    @Test
    void refusesExtensionsOutsideTheirBoundsAndAnAppraisalEndBeforeAnExtensionLeavingNoTrace() {
        long id = cycle("BN", "BN-SO-2023");
        calendars.createFor(id, "BN", 2025);
        calendars.change(id, APPRAISAL_START, at("2025-10-20T00:00"), "admin:BN", "Để gia hạn cho đơn vị",
                EARLY_OCTOBER);
        calendars.extend(id, "BN-S03", at("2025-10-25T23:59:59"), "admin:BN", "Mất điện", EARLY_OCTOBER);
        List<CalendarChange> history = calendars.history(id);
        List<AuditLog.Entry> entries = audit.entries("cycle", String.valueOf(id));

        assertThatThrownBy(() -> calendars.extend(id, "BN-S03", at("2025-10-31T23:59:59"), "admin:BN", "Thêm nữa",
                EARLY_OCTOBER))
                .hasMessage("deadline: hạn gia hạn 31/10/2025 23:59 phải trước ngày kết thúc thẩm định"
                        + " 31/10/2025 23:59");
        assertThatThrownBy(() -> calendars.extend(id, "BN-S03", at("2025-10-12T23:59:59"), "admin:BN", "Muộn",
                at("2025-10-13T08:00").toInstant()))
                .hasMessageContaining("không thể gia hạn vào quá khứ: 12/10/2025 23:59");
        assertThatThrownBy(() -> calendars.extend(id, "DLK-S01", at("2025-10-15T23:59:59"), "admin:BN", "Nhầm tỉnh",
                EARLY_OCTOBER))
                .hasMessage("unitCode: tỉnh BN không có đơn vị mã 'DLK-S01'");
        assertThatThrownBy(() -> calendars.change(id, APPRAISAL_END, at("2025-10-24T00:00"), "admin:BN",
                "Họp sớm", EARLY_OCTOBER))
                .hasMessage("APPRAISAL_END: ngày kết thúc thẩm định 24/10/2025 00:00 phải sau hạn đã gia hạn cho"
                        + " đơn vị BN-S03 25/10/2025 23:59");

        assertThat(calendars.deadlineFor(id, "BN-S03")).isEqualTo(at("2025-10-25T23:59:59"));
        assertThat(calendars.calendar(id).appraisalStart()).isEqualTo(at("2025-10-20T00:00"));
        assertThat(calendars.history(id)).isEqualTo(history);
        assertThat(audit.entries("cycle", String.valueOf(id))).isEqualTo(entries);
    }

    @Test
    void aCycleWithoutCalendarIsNotFound() {
        long id = cycle("BN", "BN-SO-2023");

        assertThatThrownBy(() -> calendars.calendar(id)).isInstanceOf(NotFoundException.class)
                .hasMessage("Chu kỳ " + id + " chưa có lịch");
        assertThatThrownBy(() -> calendars.change(id, PUBLICATION_AT, at("2025-11-25T08:00"), "admin:BN", "Dời",
                EARLY_OCTOBER)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> calendars.history(id)).isInstanceOf(NotFoundException.class);
    }
}
