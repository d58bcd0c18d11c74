package vn.dti.publication;

import org.junit.jupiter.api.Test;
import vn.dti.framework.FieldProblem;
import vn.dti.framework.InvalidInputException;
import vn.dti.indicator.Level;
import vn.dti.publication.ResultsVerifier.Average;
import vn.dti.publication.ResultsVerifier.Discrepancy;
import vn.dti.publication.ResultsVerifier.Verification;
import vn.dti.publication.ResultsVerifier.VerifiedRow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class ResultsVerifierTest {

    @Test
    void seed004HuyenTableDisagreesInKrongBongTotalAndTheXaHoiSoAverageOnly() {
        Verification verification = Seed004.verify(Seed004.huyenCsv(), Level.HUYEN);

        assertThat(verification.discrepancies()).containsExactly(
                new Discrepancy(8, "DLK-H07", "UBND huyện Krông Bông", "Tổng điểm", "159,99", "160,01",
                        "tổng điểm công bố khác tổng các cột điểm (Chính quyền số + Kinh tế số + Xã hội số)"),
                new Discrepancy(17, null, "Giá trị trung bình", "Xã hội số", "30,42", "31,45",
                        "giá trị trung bình công bố khác trung bình tính lại trên 15 đơn vị của bảng"
                                + " (đơn vị không báo cáo tính 0 điểm)"));
        assertThat(verification.warnings()).isEmpty();
    }

    @Test
    void seed004HuyenRanksAreThoseItPublished() {
        Verification verification = Seed004.verify(Seed004.huyenCsv(), Level.HUYEN);

        // The catalog numbers the huyện in the order of Bảng 2, which is the published ranking.
        assertThat(verification.rows()).extracting(VerifiedRow::unitCode, VerifiedRow::computedRank)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 15)
                        .mapToObj(rank -> tuple("DLK-H%02d".formatted(rank), rank)).toList());
        assertThat(verification.rows()).allSatisfy(row ->
                assertThat(row.computedRank()).isEqualTo(row.publishedRank()));

        VerifiedRow kronBong = verification.rows().get(6);
        assertThat(kronBong.computedTotal()).isEqualByComparingTo("160.01");
        assertThat(kronBong.publishedTotal()).isEqualByComparingTo("159.99");

        VerifiedRow mDrak = verification.rows().get(14);
        assertThat(mDrak.publishedName()).isEqualTo("UBND huyện M'Drắk");
        assertThat(mDrak.reported()).isFalse();
        assertThat(mDrak.computedTotal()).isNull();
        // 004 publishes no band, and Đắk Lắk's profile states none: no row gets one.
        assertThat(verification.rows()).extracting(VerifiedRow::band).containsOnlyNulls();
        assertThat(verification.statistics().reportedCount()).isEqualTo(14);
    }

    @Test
    void seed004HuyenAveragesAreOverAllFifteenWithTheSilentOneAsZero() {
        Verification verification = Seed004.verify(Seed004.huyenCsv(), Level.HUYEN);

        assertThat(verification.averages()).extracting(Average::code, Average::column,
                        average -> shown(average.published()), average -> shown(average.computed()))
                .containsExactly(
                        tuple("I", "Chính quyền số", "101.25", "101.25"),
                        tuple("II", "Kinh tế số", "29.64", "29.64"),
                        tuple("III", "Xã hội số", "30.42", "31.45"),
                        tuple(null, "Tổng điểm", "162.33", "162.33"));
    }

    @Test
    void seed004SoTableAddsUpWithItsPublishedRanksAverageAndTopBottomGap() {
        Verification verification = Seed004.verify(Seed004.soCsv(), Level.SO);

        assertThat(verification.discrepancies()).isEmpty();
        assertThat(verification.warnings()).isEmpty();
        assertThat(verification.rows()).hasSize(18);
        assertThat(verification.rows()).allSatisfy(row ->
                assertThat(row.computedRank()).isEqualTo(row.publishedRank()));
        assertThat(verification.rows()).extracting(VerifiedRow::unitCode).startsWith("DLK-S06", "DLK-S03", "DLK-S09")
                .endsWith("DLK-S16", "DLK-S05", "DLK-S18");
        assertThat(verification.averages()).singleElement().satisfies(average -> {
            assertThat(average.column()).isEqualTo("Tổng điểm");
            assertThat(shown(average.computed())).isEqualTo("128.20");
        });
        // Phần thứ ba II.2: top three 152,02, bottom three 110,46, a gap of 41,56.
        assertThat(shown(verification.statistics().topAverage())).isEqualTo("152.02");
        assertThat(shown(verification.statistics().bottomAverage())).isEqualTo("110.46");
        assertThat(shown(verification.statistics().gap())).isEqualTo("41.56");
        // 162,08 of 180 is 90,04%, yet 004 never calls Sở Nông nghiệp "Tốt": no band at all.
        assertThat(verification.rows()).extracting(VerifiedRow::band).containsOnlyNulls();
        assertThat(verification.statistics().bandCounts()).isEmpty();
    }

    @Test
    void warnsOfUnitsTheTableLeavesOutAndAveragesOverTheRowsItHas() {
        String withoutBanDanToc = new String(Seed004.soCsv(), StandardCharsets.UTF_8)
                .replace("18;Ban Dân tộc;107,34;18\n", "");

        Verification verification = Seed004.verify(withoutBanDanToc.getBytes(StandardCharsets.UTF_8), Level.SO);

        assertThat(verification.warnings()).containsExactly("Bảng không có 1 đơn vị cấp sở của tỉnh Đắk Lắk:"
                + " Ban Dân tộc tỉnh. Thứ hạng và giá trị trung bình được tính trên 17 đơn vị có trong bảng.");
        assertThat(verification.discrepancies()).singleElement()
                .extracting(Discrepancy::column, Discrepancy::published, Discrepancy::computed)
                .containsExactly("Tổng điểm", "128,20", "129,43");
    }

    @Test
    void reportsScoresAboveTheirMaximumAndRanksThatDoNotFollowTheTotals() {
        String csv = """
                Đơn vị;Chính quyền số;Kinh tế số;Xếp hạng
                UBND huyện Krông Pắc;150;96,5;2
                UBND huyện Lắk;190;20;1
                """;

        Verification verification = Seed004.verify(csv.getBytes(StandardCharsets.UTF_8), Level.HUYEN);

        assertThat(verification.discrepancies())
                .extracting(Discrepancy::unitName, Discrepancy::column, Discrepancy::published, Discrepancy::computed,
                        Discrepancy::reason)
                .containsExactly(
                        tuple("UBND huyện Krông Pắc", "Kinh tế số", "96,5", "95,00",
                                "vượt điểm tối đa của Kinh tế số (95,00)"),
                        tuple("UBND huyện Krông Pắc", "Xếp hạng", "2", "1",
                                "thứ hạng công bố khác thứ hạng xếp lại theo tổng điểm tính lại"),
                        tuple("UBND huyện Lắk", "Xếp hạng", "1", "2",
                                "thứ hạng công bố khác thứ hạng xếp lại theo tổng điểm tính lại"));
        assertThat(verification.warnings()).singleElement().asString().startsWith("Bảng không có 13 đơn vị cấp huyện");
    }

    @Test
    void refusesUnitsTheProvinceDoesNotHaveAndUnitsListedTwice() {
        String csv = """
                Đơn vị;Tổng điểm
                UBND huyện Krông Pắc;281,22
                UBND huyện Hòa Bình;200
                UBND HUYỆN  KRÔNG PẮC;281,22
                """;

        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                () -> Seed004.verify(csv.getBytes(StandardCharsets.UTF_8), Level.HUYEN));

        assertThat(refused).as("refusal").isNotNull();
        assertThat(refused.problems()).containsExactly(
                new FieldProblem("dòng 3", "không có đơn vị 'UBND huyện Hòa Bình' cấp huyện của tỉnh Đắk Lắk"),
                new FieldProblem("dòng 4", "đơn vị 'UBND huyện Krông Pắc' đã có ở dòng 2"));
    }

    /** As a table shows it: two decimals, half-up. */
    private static String shown(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
