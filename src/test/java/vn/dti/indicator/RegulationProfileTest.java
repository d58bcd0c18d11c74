package vn.dti.indicator;

import org.junit.jupiter.api.Test;
import vn.dti.indicator.RegulationProfile.EvidencePolicy;
import vn.dti.indicator.RegulationProfile.NotApplicableTreatment;
import vn.dti.indicator.RegulationProfile.PlatformRule;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The regulation profile beside each set: read, validated, and for the five seed provinces as their decisions say. */
class RegulationProfileTest {

    private static final String SET = """
            province: T
            level: SO
            version: "1"
            effectiveFrom: 2024-01-01
            scale: 100
            complete: true
            items:
              - {code: "1", name: "Nhận thức số", type: MAIN, points: 100, kind: POINTS}
            """;
    private static final String WHOLE = """
            profile:
              bands: {source: "QĐ 1/QĐ-UBND, Điều 9.2", good: 90, fair: 70, average: 50}
              notApplicable: {source: "QĐ 1/QĐ-UBND, Điều 6.3", treatment: DEDUCT, evidenceRequired: true}
              evidence: {source: "QĐ 1/QĐ-UBND, Điều 6.2", policy: FILE_OR_EXPLANATION}
              exclusion: {source: "QĐ 1/QĐ-UBND, Điều 7", belowShare: 0.5, decidedBy: "Sở Thông tin và Truyền thông"}
            """;

    @Test
    void readsEveryRuleWithItsSource() {
        RegulationProfile profile = read(SET + WHOLE).profile();

        assertThat(profile.bands().stated()).isTrue();
        assertThat(profile.bands().good()).isEqualByComparingTo("90");
        assertThat(profile.notApplicable().treatment()).isEqualTo(NotApplicableTreatment.DEDUCT);
        assertThat(profile.notApplicable().needsEvidence()).isTrue();
        assertThat(profile.evidence().policy()).isEqualTo(EvidencePolicy.FILE_OR_EXPLANATION);
        assertThat(profile.exclusion().belowShare()).isEqualByComparingTo("0.5");
        assertThat(profile.exclusion().source()).isEqualTo("QĐ 1/QĐ-UBND, Điều 7");
    }

    @Test
    void aFileWithoutAProfileStatesNoRule() {
        RegulationProfile profile = read(SET).profile();

        assertThat(profile.bands().stated()).isFalse();
        assertThat(profile.notApplicable().stated()).isFalse();
        assertThat(profile.evidence().stated()).isFalse();
        assertThat(profile.exclusion().stated()).isFalse();
    }

    @Test
    void refusesBandsOutOfOrderAShareOutsideZeroToOneAndARuleWithoutItsSource() {
        assertThat(problems(WHOLE.replace("good: 90, fair: 70", "good: 70, fair: 90")))
                .contains("quy chế (profile), quy tắc bands: các ngưỡng phải giảm dần trong khoảng 0–100%: good 70"
                        + " > fair 90 > average 50 > 0");
        assertThat(problems(WHOLE.replace("belowShare: 0.5", "belowShare: 1.5")))
                .contains("quy chế (profile), quy tắc exclusion: tỷ lệ belowShare 1,5 ngoài khoảng 0–1");
        assertThat(problems(WHOLE.replace("source: \"QĐ 1/QĐ-UBND, Điều 6.2\", ", "")))
                .contains("quy chế (profile), quy tắc evidence: thiếu nguồn (source: số quyết định và điều/mục quy định,"
                        + " hoặc not-stated nếu quyết định không quy định)");
        assertThat(problems(WHOLE.replace("  exclusion: {source: \"QĐ 1/QĐ-UBND, Điều 7\", belowShare: 0.5,"
                + " decidedBy: \"Sở Thông tin và Truyền thông\"}\n", "")))
                .contains("quy chế (profile): thiếu quy tắc exclusion; ghi nguồn (source) hoặc source: not-stated");
        assertThat(problems(WHOLE.replace("bands: {source: \"QĐ 1/QĐ-UBND, Điều 9.2\"", "bands: {source: not-stated")))
                .contains("quy chế (profile), quy tắc bands: ghi not-stated (không quy định) nhưng lại có giá trị");
    }

    @Test
    void refusesAnUnknownRuleNamingTheFileAndTheRule() {
        assertThatThrownBy(() -> read(SET + WHOLE + "  ranking: {source: \"QĐ 1\"}\n"))
                .isInstanceOf(InvalidIndicatorSetException.class)
                .hasMessageContaining("thu.yaml")
                .hasMessageContaining("khóa 'ranking' không có trong định dạng (ở 'profile')");
    }

    @Test
    void konTumBandsNinetySeventyFiftyAcceptsAnExplanationAndDeductsWhatDoesNotApply() throws IOException {
        for (String level : new String[]{"so", "huyen", "xa"}) {
            RegulationProfile profile = shipped("kon-tum-" + level + "-2022.yaml");
            assertThat(profile.bands().source()).endsWith("Điều 9.2");
            assertThat(profile.bands().good()).isEqualByComparingTo("90");
            assertThat(profile.bands().fair()).isEqualByComparingTo("70");
            assertThat(profile.bands().average()).isEqualByComparingTo("50");
            assertThat(profile.evidence().policy()).isEqualTo(EvidencePolicy.FILE_OR_EXPLANATION);
            assertThat(profile.evidence().source()).endsWith("Điều 6.2");
            assertThat(profile.notApplicable().treatment()).isEqualTo(NotApplicableTreatment.DEDUCT);
            assertThat(profile.notApplicable().source()).endsWith("Điều 6.3");
            assertThat(profile.exclusion().stated()).isFalse();
        }
    }

    @Test
    void bacNinhRequiresEvidenceRanksOnTheCriteriaScoredAndHasNoBands() throws IOException {
        for (String file : new String[]{"bac-ninh-so-2023.yaml", "bac-ninh-huyen-2023.yaml"}) {
            RegulationProfile profile = shipped(file);
            assertThat(profile.evidence().policy()).isEqualTo(EvidencePolicy.FILE_REQUIRED);
            assertThat(profile.evidence().source()).isEqualTo("QĐ 1187/QĐ-UBND (002), mục II.2.c");
            assertThat(profile.notApplicable().treatment()).isEqualTo(NotApplicableTreatment.DEDUCT);
            assertThat(profile.notApplicable().source()).startsWith("QĐ 1187/QĐ-UBND (002), mục III.2.d");
            assertThat(profile.bands().stated()).isFalse();
            assertThat(profile.exclusion().stated()).isFalse();
        }
    }

    @Test
    void quangNamAloneProposesExclusionBelowHalfForSoTtttToDecide() throws IOException {
        RegulationProfile profile = shipped("quang-nam-xa-2021.yaml");

        assertThat(profile.exclusion().belowShare()).isEqualByComparingTo("0.5");
        assertThat(profile.exclusion().decidedBy()).isEqualTo("Sở Thông tin và Truyền thông");
        assertThat(profile.exclusion().source()).isEqualTo("QĐ 2326/QĐ-UBND (003), mục II.2.b");
        assertThat(profile.bands().stated()).isFalse();
        assertThat(profile.evidence().stated()).isFalse();
        assertThat(profile.notApplicable().stated()).isFalse();
    }

    @Test
    void dakLakStatesNoneOfTheseRulesAndNgheAnOnlyEvidence() throws IOException {
        for (String file : new String[]{"dak-lak-so-2021.yaml", "dak-lak-huyen-2021.yaml"}) {
            RegulationProfile profile = shipped(file);
            assertThat(profile.bands().stated()).isFalse();
            assertThat(profile.notApplicable().stated()).isFalse();
            assertThat(profile.evidence().stated()).isFalse();
            assertThat(profile.exclusion().stated()).isFalse();
        }
        for (String level : new String[]{"so", "huyen", "xa"}) {
            RegulationProfile profile = shipped("nghe-an-" + level + "-2023.yaml");
            assertThat(profile.evidence().policy()).isEqualTo(EvidencePolicy.FILE_REQUIRED);
            assertThat(profile.evidence().source()).contains("1082/QĐ-UBND", "đính kèm file");
            assertThat(profile.bands().stated()).isFalse();
            assertThat(profile.exclusion().stated()).isFalse();
        }
    }

    @Test
    void everyShippedProfileStatesThePlatformsOwnDecisionsAsSuch() throws IOException {
        try (var files = Files.list(Path.of("src/main/resources/indicator-sets"))) {
            for (Path file : files.toList()) {
                RegulationProfile profile = shipped(file.getFileName().toString());
                assertThat(profile.platformDecisions()).extracting(RegulationProfile.PlatformDecision::rule)
                        .containsExactly(PlatformRule.EXTENSIONS_INTO_APPRAISAL,
                                PlatformRule.NON_REPORTING_OUTSIDE_EXCLUSION_SHARE);
                assertThat(profile.platformDecisions()).allSatisfy(decision ->
                        assertThat(decision.text()).startsWith("Quyết định của nền tảng (không phải quy định của tỉnh)"));
            }
        }
    }

    private static RegulationProfile shipped(String file) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/indicator-sets", file))) {
            return IndicatorSetReader.read(in, file).profile();
        }
    }

    private static String problems(String profile) {
        try {
            read(SET + profile);
        } catch (InvalidIndicatorSetException e) {
            return String.join("\n", e.problems());
        }
        throw new AssertionError("the file was read");
    }

    private static IndicatorSet read(String yaml) {
        return IndicatorSetReader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "thu.yaml");
    }
}
