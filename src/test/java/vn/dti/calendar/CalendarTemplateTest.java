package vn.dti.calendar;

import org.junit.jupiter.api.Test;
import vn.dti.calendar.CalendarTemplates.TemplateFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.dti.calendar.CycleCalendarTest.at;

class CalendarTemplateTest {

    static final CalendarTemplates SHIPPED = CalendarTemplates.read(List.of(
            shipped(CalendarTemplates.DEFAULT_FILE), shipped("bac-ninh.yaml")));

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

    @Test
    void theDefaultTemplateGivesTheReferenceCycleOf2025() {
        CycleCalendar calendar = SHIPPED.forProvince("KT").forYear(2025);

        assertThat(calendar).isEqualTo(new CycleCalendar(
                at("2024-11-01T00:00"), at("2025-11-01T23:59:59"), at("2025-11-30T23:59:59"),
                List.of(Duration.ofDays(7), Duration.ofDays(1)), Duration.ofDays(5),
                at("2025-12-01T00:00"), at("2025-12-31T23:59:59"), at("2026-01-15T08:00")));
    }

    @Test
    void bacNinhHasItsOwnCalendar() {
        CycleCalendar calendar = SHIPPED.forProvince("BN").forYear(2025);

        assertThat(calendar.dataPeriodStart()).isEqualTo(at("2024-10-01T00:00"));
        assertThat(calendar.dataPeriodEnd()).isEqualTo(at("2025-09-30T23:59:59"));
        assertThat(calendar.selfAssessmentDeadline()).isEqualTo(at("2025-10-10T23:59:59"));
        assertThat(calendar.appraisalStart()).isEqualTo(at("2025-10-11T00:00"));
        assertThat(calendar.appraisalEnd()).isEqualTo(at("2025-10-31T23:59:59"));
        assertThat(calendar.publicationAt()).isEqualTo(at("2025-11-20T08:00"));
    }

    @Test
    void oneTemplateServesEveryYear() {
        CycleCalendar calendar = SHIPPED.forProvince("BN").forYear(2028);

        assertThat(calendar.dataPeriodStart()).isEqualTo(at("2027-10-01T00:00"));
        assertThat(calendar.selfAssessmentDeadline()).isEqualTo(at("2028-10-10T23:59:59"));
    }

    @Test
    void refusesStagesOutOfOrderNamingTheFileAndBothStages() {
        String late = """
                province: QNA
                dataPeriodStart: {month: 1, day: 1, time: "00:00"}
                dataPeriodEnd: {month: 12, day: 31, time: "23:59:59"}
                selfAssessmentDeadline: {month: 3, day: 31, time: "23:59:59", yearOffset: 1}
                reminderOffsets: [P3D]
                explanationReplyTime: P5D
                appraisalStart: {month: 3, day: 15, time: "00:00", yearOffset: 1}
                appraisalEnd: {month: 4, day: 15, time: "23:59:59", yearOffset: 1}
                publicationAt: {month: 4, day: 30, time: "08:00", yearOffset: 1}
                """;

        assertThatThrownBy(() -> CalendarTemplates.read(List.of(shipped(CalendarTemplates.DEFAULT_FILE),
                file("quang-nam.yaml", late))))
                .hasMessage("Lịch mẫu quang-nam.yaml không hợp lệ:\n  - thứ tự các giai đoạn (năm 2025): ngày bắt"
                        + " đầu thẩm định 15/03/2026 00:00 phải sau hạn tự đánh giá 31/03/2026 23:59");
    }

    @Test
    void refusesMissingAndImpossibleDatesAndNonPositiveDurations() {
        String bad = """
                province: QNA
                dataPeriodStart: {month: 2, day: 30, time: "00:00"}
                dataPeriodEnd: {month: 2, day: 29, time: "23:59:59"}
                selfAssessmentDeadline: {month: 3, day: 31}
                reminderOffsets: [P3D, PT0S]
                explanationReplyTime: -P1D
                appraisalStart: {month: 4, day: 1, time: "00:00"}
                appraisalEnd: {month: 4, day: 15, time: "23:59:59"}
                """;

        assertThatThrownBy(() -> CalendarTemplates.read(List.of(shipped(CalendarTemplates.DEFAULT_FILE),
                file("quang-nam.yaml", bad))))
                .hasMessage(String.join("\n  - ", "Lịch mẫu quang-nam.yaml không hợp lệ:",
                        "dataPeriodStart: không có ngày 30/2",
                        "dataPeriodEnd: ngày 29/02 không có trong mọi năm",
                        "selfAssessmentDeadline: cần month, day và time, ví dụ {month: 11, day: 30, time: \"23:59:59\","
                                + " yearOffset: 0}",
                        "publicationAt: cần month, day và time, ví dụ {month: 11, day: 30, time: \"23:59:59\","
                                + " yearOffset: 0}",
                        "reminderOffsets: mỗi khoảng nhắc trước hạn phải dương, ví dụ P7D",
                        "explanationReplyTime: thời gian trả lời giải trình phải dương, ví dụ P5D"));
    }

    @Test
    void refusesAnUnknownKeyOrAnUnreadableValueNamingTheFile() {
        assertThatThrownBy(() -> CalendarTemplates.read(List.of(file(CalendarTemplates.DEFAULT_FILE,
                "deadline: {month: 11, day: 30, time: \"23:59:59\"}\n"))))
                .hasMessageStartingWith("Lịch mẫu default.yaml không đọc được: ")
                .hasMessageContaining("\"deadline\"");
        assertThatThrownBy(() -> CalendarTemplates.read(List.of(file(CalendarTemplates.DEFAULT_FILE,
                "explanationReplyTime: 5 ngày\n"))))
                .hasMessageStartingWith("Lịch mẫu default.yaml không đọc được: ");
    }

    @Test
    void needsADefaultWithoutProvinceAndOneFilePerProvince() {
        String bacNinh = new String(shipped("bac-ninh.yaml").content(), StandardCharsets.UTF_8);
        String withoutProvince = bacNinh.replace("province: BN", "");

        assertThatThrownBy(() -> CalendarTemplates.read(List.of(shipped("bac-ninh.yaml"))))
                .hasMessage("Thiếu lịch mẫu default.yaml cho các tỉnh không có lịch riêng");
        assertThatThrownBy(() -> CalendarTemplates.read(List.of(file("default.yaml", bacNinh),
                shipped("bac-ninh.yaml"), file("bac-ninh-2.yaml", bacNinh), file("kon-tum.yaml", withoutProvince))))
                .hasMessage(String.join("\n",
                        "Lịch mẫu default.yaml dùng cho mọi tỉnh không có lịch riêng: bỏ province: BN",
                        "Tỉnh BN có hai lịch mẫu: bac-ninh.yaml và bac-ninh-2.yaml",
                        "Lịch mẫu kon-tum.yaml thiếu mã tỉnh (province), như trong units/*.yaml"));
    }
}
