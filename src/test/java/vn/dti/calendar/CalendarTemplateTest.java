package vn.dti.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dti.calendar.CalendarTemplates.TemplateFile;
import vn.dti.framework.FieldProblem;
import vn.dti.framework.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.dti.calendar.CalendarField.APPRAISAL_END;
import static vn.dti.calendar.CalendarField.APPRAISAL_START;
import static vn.dti.calendar.CalendarField.DATA_PERIOD_END;
import static vn.dti.calendar.CalendarField.DATA_PERIOD_START;
import static vn.dti.calendar.CalendarField.PUBLICATION_AT;
import static vn.dti.calendar.CalendarField.SELF_ASSESSMENT_DEADLINE;
import static vn.dti.calendar.CycleCalendarTest.at;

class CalendarTemplateTest {

    static final List<String> SHIPPED_FILES = List.of("kon-tum.yaml", "bac-ninh.yaml", "dak-lak.yaml", "nghe-an.yaml",
            "quang-nam.yaml");
    static final CalendarTemplates SHIPPED = CalendarTemplates.read(SHIPPED_FILES.stream()
            .map(CalendarTemplateTest::shipped).toList());

    static TemplateFile shipped(String name) {
        try (InputStream in = CalendarTemplateTest.class.getResourceAsStream("/calendars/" + name)) {
            return new TemplateFile(name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TemplateFile file(String name, String content) {
        return new TemplateFile(name, content.getBytes(StandardCharsets.UTF_8));
    }

    static CalendarTemplate template(String province) {
        return SHIPPED.forProvince(province).orElseThrow();
    }

    @Test
    void konTumsCalendarIsTheReferenceCycleOf2025AndNotesWhere000ContradictsItself() {
        CycleCalendar calendar = template("KT").forYear(2025);

        assertThat(calendar).isEqualTo(new CycleCalendar(
                at("2024-11-01T00:00"), at("2025-11-01T23:59:59"), at("2025-11-30T23:59:59"),
                List.of(Duration.ofDays(7), Duration.ofDays(1)), Duration.ofDays(5),
                at("2025-12-01T00:00"), at("2025-12-31T23:59:59"), at("2026-01-15T08:00")));
        assertThat(template("KT").notStated()).isEmpty();
        assertThat(template("KT").notes()).singleElement().asString()
                .contains("Điều 7.4", "tháng 12", "Điều 9.4", "Quý I");
    }

    @Test
    void bacNinhHasItsOwnCalendar() {
        CycleCalendar calendar = template("BN").forYear(2025);

        assertThat(calendar.dataPeriodStart()).isEqualTo(at("2024-10-01T00:00"));
        assertThat(calendar.dataPeriodEnd()).isEqualTo(at("2025-09-30T23:59:59"));
        assertThat(calendar.selfAssessmentDeadline()).isEqualTo(at("2025-10-10T23:59:59"));
        assertThat(calendar.appraisalStart()).isEqualTo(at("2025-10-11T00:00"));
        assertThat(calendar.appraisalEnd()).isEqualTo(at("2025-10-31T23:59:59"));
        assertThat(calendar.publicationAt()).isEqualTo(at("2025-11-20T08:00"));
    }

    @Test
    void dakLaksCalendarIsThe2021StepsOf004WithTheDeadlineLeftToTheAdministrator() {
        CalendarTemplate dakLak = template("DLK");

        assertThat(dakLak.notStated()).containsExactly(SELF_ASSESSMENT_DEADLINE);
        assertThat(dakLak.selfAssessmentDeadline().source()).startsWith("004 không nêu hạn");
        CycleCalendar calendar = dakLak.forYear(2021, Map.of(SELF_ASSESSMENT_DEADLINE, at("2022-01-15T23:59:59")));
        assertThat(calendar.dataPeriodStart()).isEqualTo(at("2021-01-01T00:00"));
        assertThat(calendar.dataPeriodEnd()).isEqualTo(at("2021-12-31T23:59:59"));
        assertThat(calendar.selfAssessmentDeadline()).isEqualTo(at("2022-01-15T23:59:59"));
        assertThat(calendar.appraisalStart()).isEqualTo(at("2022-03-04T00:00"));
        assertThat(calendar.appraisalEnd()).isEqualTo(at("2022-04-10T23:59:59"));
        assertThat(calendar.publicationAt()).isEqualTo(at("2022-05-04T08:00"));
        assertThat(dakLak.notes()).anySatisfy(note -> assertThat(note).contains("04/3/2021"));
    }

    @Test
    void ngheAnStatesOnlyItsEvaluationPeriod() {
        CalendarTemplate ngheAn = template("NA");

        assertThat(ngheAn.notStated())
                .containsExactly(SELF_ASSESSMENT_DEADLINE, APPRAISAL_START, APPRAISAL_END, PUBLICATION_AT);
        CycleCalendar calendar = ngheAn.forYear(2024, Map.of(SELF_ASSESSMENT_DEADLINE, at("2025-01-10T23:59:59"),
                APPRAISAL_START, at("2025-01-11T00:00"), APPRAISAL_END, at("2025-02-28T23:59:59"),
                PUBLICATION_AT, at("2025-03-15T08:00")));
        assertThat(calendar.dataPeriodStart()).isEqualTo(at("2024-01-01T00:00"));
        assertThat(calendar.dataPeriodEnd()).isEqualTo(at("2024-12-30T23:59:59"));
    }

    @Test
    void quangNamStatesOnlyItsPublicationBeforeMay() {
        CalendarTemplate quangNam = template("QNA");

        assertThat(quangNam.notStated()).containsExactly(DATA_PERIOD_START, DATA_PERIOD_END,
                SELF_ASSESSMENT_DEADLINE, APPRAISAL_START, APPRAISAL_END);
        assertThat(quangNam.publicationAt().in(2024)).isEqualTo(at("2025-04-30T08:00"));
        assertThat(quangNam.publicationAt().source()).contains("II.3", "trước tháng 5");
    }

    @Test
    void aDateNotStatedAndNotGivenIsRefusedNamingTheFieldAndWhatTheDecisionSays() {
        assertThatThrownBy(() -> template("NA").forYear(2024, Map.of(APPRAISAL_START, at("2025-01-11T00:00"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("dates.SELF_ASSESSMENT_DEADLINE",
                                "dates.APPRAISAL_END", "dates.PUBLICATION_AT"))
                .hasMessageContaining("dates.PUBLICATION_AT: lịch của tỉnh NA không định ngày công bố (001: công bố"
                        + " ngay sau khi hoàn thành thẩm định")
                .hasMessageContaining("quản trị viên nhập ngày này khi mở kỳ");
    }

    @Test
    void aDateGivenForAStatedStageOrOutOfOrderIsRefused() {
        assertThatThrownBy(() -> template("DLK").forYear(2021, Map.of(SELF_ASSESSMENT_DEADLINE,
                at("2022-01-15T23:59:59"), PUBLICATION_AT, at("2022-06-01T08:00"))))
                .hasMessage("dates.PUBLICATION_AT: lịch của tỉnh DLK đã định ngày công bố (QĐ 1026/QĐ-UBND ngày"
                        + " 04/5/2022 phê duyệt và công bố kết quả năm 2021); đổi ngày sau khi mở kỳ, kèm lý do");
        assertThatThrownBy(() -> template("DLK").forYear(2021, Map.of(SELF_ASSESSMENT_DEADLINE,
                at("2022-03-10T23:59:59"))))
                .hasMessage("dates.APPRAISAL_START: ngày bắt đầu thẩm định 04/03/2022 00:00 phải sau hạn tự đánh giá"
                        + " 10/03/2022 23:59");
    }

    @Test
    void oneTemplateServesEveryYear() {
        CycleCalendar calendar = template("BN").forYear(2028);

        assertThat(calendar.dataPeriodStart()).isEqualTo(at("2027-10-01T00:00"));
        assertThat(calendar.selfAssessmentDeadline()).isEqualTo(at("2028-10-10T23:59:59"));
    }

    @Test
    void aProvinceWithoutAFileHasNoCalendar() {
        assertThat(SHIPPED.forProvince("XX")).isEmpty();
    }

    @Test
    void refusesStatedStagesOutOfOrderAcrossOnesNotStated() {
        String late = """
                province: QNA
                dataPeriodStart: {month: 1, day: 1, time: "00:00", source: "thử"}
                dataPeriodEnd: {month: 12, day: 31, time: "23:59:59", source: "thử"}
                selfAssessmentDeadline: {notStated: true, source: "thử"}
                reminderOffsets: [P3D]
                explanationReplyTime: P5D
                appraisalStart: {month: 12, day: 31, time: "23:59:59", source: "thử"}
                appraisalEnd: {month: 4, day: 15, time: "23:59:59", yearOffset: 1, source: "thử"}
                publicationAt: {month: 4, day: 30, time: "08:00", yearOffset: 1, source: "thử"}
                """;

        assertThatThrownBy(() -> CalendarTemplates.read(List.of(file("quang-nam.yaml", late))))
                .hasMessage("Lịch mẫu quang-nam.yaml không hợp lệ:\n  - thứ tự các giai đoạn (năm 2025): ngày bắt"
                        + " đầu thẩm định 31/12/2025 23:59 phải sau ngày kết thúc kỳ số liệu 31/12/2025 23:59");
    }

    @Test
    void refusesMissingAndImpossibleDatesMissingSourcesAndNonPositiveDurations() {
        String bad = """
                province: QNA
                dataPeriodStart: {month: 2, day: 30, time: "00:00", source: "thử"}
                dataPeriodEnd: {month: 2, day: 29, time: "23:59:59", source: "thử"}
                selfAssessmentDeadline: {month: 3, day: 31, source: "thử"}
                reminderOffsets: [P3D, PT0S]
                explanationReplyTime: -P1D
                appraisalStart: {month: 4, day: 1, time: "00:00"}
                appraisalEnd: {notStated: true, month: 4, day: 15, source: "thử"}
                """;

        assertThatThrownBy(() -> CalendarTemplates.read(List.of(file("quang-nam.yaml", bad))))
                .hasMessage(String.join("\n  - ", "Lịch mẫu quang-nam.yaml không hợp lệ:",
                        "dataPeriodStart: không có ngày 30/2",
                        "dataPeriodEnd: ngày 29/02 không có trong mọi năm",
                        "selfAssessmentDeadline: cần month, day và time, ví dụ {month: 11, day: 30, time: \"23:59:59\","
                                + " yearOffset: 0}",
                        "appraisalStart: thiếu nguồn (source): điều, khoản của quyết định, hoặc vì sao văn bản không"
                                + " định",
                        "appraisalEnd: ngày đã ghi notStated: true thì không ghi month, day, time",
                        "publicationAt: thiếu; ghi ngày {month, day, time, yearOffset, source} hoặc {notStated: true,"
                                + " source} khi quyết định của tỉnh không định ngày này",
                        "reminderOffsets: mỗi khoảng nhắc trước hạn phải dương, ví dụ P7D",
                        "explanationReplyTime: thời gian trả lời giải trình phải dương, ví dụ P5D"));
    }

    @Test
    void refusesAnUnknownKeyOrAnUnreadableValueNamingTheFile() {
        assertThatThrownBy(() -> CalendarTemplates.read(List.of(file("kon-tum.yaml",
                "deadline: {month: 11, day: 30, time: \"23:59:59\"}\n"))))
                .hasMessageStartingWith("Lịch mẫu kon-tum.yaml không đọc được: ")
                .hasMessageContaining("\"deadline\"");
        assertThatThrownBy(() -> CalendarTemplates.read(List.of(file("kon-tum.yaml",
                "explanationReplyTime: 5 ngày\n"))))
                .hasMessageStartingWith("Lịch mẫu kon-tum.yaml không đọc được: ");
    }

    @Test
    void needsOneFilePerProvinceEachNamingIt() {
        String bacNinh = new String(shipped("bac-ninh.yaml").content(), StandardCharsets.UTF_8);
        String withoutProvince = bacNinh.replace("province: BN", "");

        assertThatThrownBy(() -> CalendarTemplates.read(List.of(shipped("bac-ninh.yaml"),
                file("bac-ninh-2.yaml", bacNinh), file("kon-tum.yaml", withoutProvince))))
                .hasMessage(String.join("\n",
                        "Tỉnh BN có hai lịch mẫu: bac-ninh.yaml và bac-ninh-2.yaml",
                        "Lịch mẫu kon-tum.yaml thiếu mã tỉnh (province), như trong units/*.yaml"));
    }

    @Test
    void theCalendarsDirectoryAddsOrReplacesAProvincesCalendarAndABadFileThereStopsTheStart(@TempDir Path directory)
            throws IOException {
        String own = new String(shipped("kon-tum.yaml").content(), StandardCharsets.UTF_8)
                .replace("province: KT", "province: TM");
        Files.writeString(directory.resolve("thu-muc.yaml"), own);

        // Đắk Lắk's own file, with the deadline its next decision might state: it replaces the shipped one.
        Files.writeString(directory.resolve("dak-lak-moi.yaml"), new String(shipped("dak-lak.yaml").content(),
                StandardCharsets.UTF_8).replace("{notStated: true,\n                         source: \"004",
                "{month: 1, day: 31, time: \"23:59:59\", yearOffset: 1,\n                         source: \"004"));
        CalendarTemplates withDirectory = new CalendarConfiguration().calendarTemplates(directory.toString());
        assertThat(withDirectory.forProvince("TM")).isPresent();
        assertThat(withDirectory.forProvince("DLK").orElseThrow().notStated()).isEmpty();
        assertThat(withDirectory.forProvince("DLK").orElseThrow().forYear(2025).selfAssessmentDeadline())
                .isEqualTo(at("2026-01-31T23:59:59"));
        assertThat(withDirectory.forProvince("BN")).isPresent();
        Files.delete(directory.resolve("dak-lak-moi.yaml"));

        Files.writeString(directory.resolve("sai.yaml"), own.replace("province: TM", "province: TS")
                .replace("day: 30, time: \"23:59:59\"", "day: 31, time: \"23:59:59\""));
        assertThatThrownBy(() -> new CalendarConfiguration().calendarTemplates(directory.toString()))
                .hasMessage("Lịch mẫu sai.yaml không hợp lệ:\n  - selfAssessmentDeadline: không có ngày 31/11");
    }
}
