package vn.dti.assessment;

import org.junit.jupiter.api.Test;
import vn.dti.indicator.IndicatorSet;
import vn.dti.indicator.IndicatorSetReader;
import vn.dti.scoring.ItemEntry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The submission check under each seed province's own profile: evidence, explanations and not-applicable claims. */
class SubmissionCheckTest {

    private static final IndicatorSet KON_TUM = shipped("kon-tum-so-2022.yaml");
    private static final IndicatorSet BAC_NINH = shipped("bac-ninh-so-2023.yaml");
    private static final IndicatorSet DAK_LAK = shipped("dak-lak-so-2021.yaml");
    private static final String EXPLANATION = "Quyết định số 12/QĐ-UBND thành lập Ban chỉ đạo, chưa số hóa";

    @Test
    void bacNinhRefusesAnItemBackedOnlyByAnExplanationKonTumAcceptsIt() {
        // 002 II.2.c: "phải có số liệu minh chứng hoặc tài liệu kiểm chứng"; 000 Điều 6.2 accepts a written explanation
        assertThat(SubmissionCheck.problems(BAC_NINH, Map.of("1.1", entered(ItemEntry.yes(), EXPLANATION)), Map.of()))
                .containsExactly("Mục 1.1 (Lãnh đạo đơn vị là Trưởng Ban chỉ đạo CĐS của đơn vị): có điểm nhưng chưa có"
                        + " tài liệu kiểm chứng (tệp đã tải lên); quy chế (QĐ 1187/QĐ-UBND (002), mục II.2.c) không"
                        + " nhận giải trình thay tài liệu kiểm chứng.");
        assertThat(SubmissionCheck.problems(KON_TUM, Map.of("1", entered(ItemEntry.points("80"), EXPLANATION)), Map.of()))
                .isEmpty();
    }

    @Test
    void aTypedNameWithoutAStoredFileNeverSatisfiesTheRuleAStoredFileDoes() {
        assertThat(SubmissionCheck.problems(KON_TUM, Map.of("1", entered(ItemEntry.points("80"), null)), Map.of()))
                .singleElement().asString().contains("có điểm nhưng chưa có tài liệu kiểm chứng hoặc giải trình");
        assertThat(SubmissionCheck.problems(KON_TUM, Map.of("1", entered(ItemEntry.points("80"), null)),
                Map.of("1", Set.of("bao-cao.pdf")))).isEmpty();
        assertThat(SubmissionCheck.problems(BAC_NINH, Map.of("1.1", entered(ItemEntry.yes(), null)),
                Map.of("1.1", Set.of("qd-ban-chi-dao.pdf")))).isEmpty();
    }

    @Test
    void whereTheProfileStatesNoEvidenceRuleNothingIsAsked() {
        assertThat(SubmissionCheck.problems(DAK_LAK, Map.of("I.1", entered(ItemEntry.points("20"), null)), Map.of()))
                .isEmpty();
    }

    @Test
    void aNotApplicableClaimNeedsItsReasonAndIsRefusedWhereTheProfileStatesNone() {
        assertThat(SubmissionCheck.problems(BAC_NINH, Map.of("1.1", entered(ItemEntry.notApplicableEntry(), null)),
                Map.of())).containsExactly("Mục 1.1 (Lãnh đạo đơn vị là Trưởng Ban chỉ đạo CĐS của đơn vị): đánh dấu"
                + " không áp dụng nhưng chưa nêu lý do (ô giải trình).");
        assertThat(SubmissionCheck.problems(BAC_NINH, Map.of("1.1", entered(ItemEntry.notApplicableEntry(),
                "Đơn vị chưa được giao nhiệm vụ này")), Map.of())).isEmpty();
        assertThat(SubmissionCheck.problems(DAK_LAK, Map.of("I.1", entered(ItemEntry.notApplicableEntry(),
                "Không triển khai")), Map.of())).containsExactly("Mục I.1 (Chuyển đổi nhận thức): quy chế của bộ chỉ số"
                + " DLK-SO-2021 không quy định mục không áp dụng: mục phải được chấm điểm (không có số liệu thì 0 điểm).");
    }

    private static SubmissionCheck.Entered entered(ItemEntry entry, String explanation) {
        return new SubmissionCheck.Entered(entry, explanation);
    }

    private static IndicatorSet shipped(String file) {
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/indicator-sets", file))) {
            return IndicatorSetReader.read(in, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
