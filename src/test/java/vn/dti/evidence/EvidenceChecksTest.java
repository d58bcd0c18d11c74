package vn.dti.evidence;

import org.junit.jupiter.api.Test;
import vn.dti.evidence.ConsistencyRule.Part;
import vn.dti.evidence.ConsistencyRule.Relation;
import vn.dti.evidence.ConsistencyRule.Term;
import vn.dti.evidence.EvidenceChecks.Code;
import vn.dti.evidence.EvidenceChecks.Entered;
import vn.dti.evidence.EvidenceChecks.Finding;
import vn.dti.evidence.EvidenceChecks.Link;
import vn.dti.evidence.EvidenceChecks.OtherUse;
import vn.dti.indicator.IndicatorNode;
import vn.dti.indicator.IndicatorSet;
import vn.dti.indicator.ItemKind;
import vn.dti.indicator.Level;
import vn.dti.indicator.NodeType;
import vn.dti.indicator.RegulationProfile;
import vn.dti.indicator.RegulationProfile.NotApplicableTreatment;
import vn.dti.scoring.ItemEntry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Each check on small hand-made cases: a finding where there should be one, none where there should not. */
class EvidenceChecksTest {

    /**
     * 1.1 yes/no 20, 1.2 points 10; 2.1 ratio 30 (staff trained), 2.2 and 2.3 ratios 20 (systems). Kon Tum's
     * evidence rule (000 Điều 6.2: a file or a written explanation) and not-applicable items (Điều 6.3).
     */
    private static final IndicatorSet SET = new IndicatorSet("T", Level.SO, "1", LocalDate.of(2024, 1, 1), null,
            new BigDecimal("100"), true, List.of(), List.of(
            new IndicatorNode("1", "Nhận thức số", NodeType.MAIN, new BigDecimal("30"), null, null, List.of(
                    leaf("1.1", "Có Ban chỉ đạo", "20", ItemKind.YES_NO),
                    leaf("1.2", "Văn bản chỉ đạo", "10", ItemKind.POINTS))),
            new IndicatorNode("2", "Nhân lực số", NodeType.MAIN, new BigDecimal("70"), null, null, List.of(
                    leaf("2.1", "Tỷ lệ CBCCVC được tập huấn", "30", ItemKind.RATIO),
                    leaf("2.2", "Hệ thống được phê duyệt cấp độ", "20", ItemKind.RATIO),
                    leaf("2.3", "Hệ thống được bảo vệ", "20", ItemKind.RATIO)))),
            new RegulationProfile(new RegulationProfile.Bands(RegulationProfile.NOT_STATED, null, null, null),
                    new RegulationProfile.NotApplicable("000 Điều 6.3", NotApplicableTreatment.DEDUCT, false),
                    new RegulationProfile.Evidence("000 Điều 6.2", RegulationProfile.EvidencePolicy.FILE_OR_EXPLANATION),
                    new RegulationProfile.Exclusion(RegulationProfile.NOT_STATED, null, null), List.of()));
    private static final LocalDate START = LocalDate.of(2022, 10, 1);
    private static final LocalDate END = LocalDate.of(2023, 9, 30);

    private static final String TYPED = " (tài liệu kiểm chứng là tệp đã tải lên, không phải tên gõ vào)";

    private final Map<String, Entered> items = new HashMap<>();
    private List<Link> links = List.of();
    private List<OtherUse> otherUses = List.of();
    private Map<String, Object> generalInfo = Map.of();
    private List<ConsistencyRule> rules = List.of();

    @Test
    void aScoreWithNeitherEvidenceNorExplanationBlocks() {
        items.put("1.1", new Entered(ItemEntry.yes(), null));
        items.put("1.2", new Entered(ItemEntry.points("5"), "  "));

        assertThat(findings()).containsExactly(
                new Finding(Code.NO_EVIDENCE, true, "Mục 1.1 (Có Ban chỉ đạo): có điểm nhưng chưa có tài liệu kiểm"
                        + " chứng hoặc giải trình bằng văn bản" + TYPED + ".", List.of("1.1")),
                new Finding(Code.NO_EVIDENCE, true, "Mục 1.2 (Văn bản chỉ đạo): có điểm nhưng chưa có tài liệu kiểm"
                        + " chứng hoặc giải trình bằng văn bản" + TYPED + ".", List.of("1.2")));
    }

    @Test
    void anExplanationOrAStoredFileIsSupport() {
        items.put("1.1", new Entered(ItemEntry.yes(), "Quyết định thành lập Ban chỉ đạo đang chờ ký"));
        items.put("2.1", new Entered(ItemEntry.ratio("8", "10"), null));
        links = List.of(new Link("f1", "2.1", "danh-sach.xlsx", null, LocalDate.of(2023, 5, 1)));

        assertThat(findings()).isEmpty();
    }

    @Test
    void noScoreNeedsNoSupport() {
        items.put("1.1", new Entered(ItemEntry.no(), null));
        items.put("1.2", new Entered(ItemEntry.points("0"), null));
        items.put("2.1", new Entered(ItemEntry.notApplicableEntry(), "Chưa được giao nhiệm vụ tập huấn"));

        assertThat(findings()).isEmpty();
    }

    @Test
    void evidenceDatedOutsideTheDataPeriodIsSuspect() {
        items.put("1.1", new Entered(ItemEntry.yes(), null));
        items.put("1.2", new Entered(ItemEntry.points("5"), null));
        links = List.of(
                new Link("old", "1.2", "qd-cu.pdf", "12/QĐ-UBND", LocalDate.of(2022, 9, 30)),
                new Link("old", "1.1", "qd-cu.pdf", "12/QĐ-UBND", LocalDate.of(2022, 9, 30)),
                new Link("late", "1.2", "bao-cao.pdf", null, LocalDate.of(2023, 10, 1)),
                new Link("first-day", "1.1", "kh.pdf", null, START),
                new Link("last-day", "1.1", "bc.pdf", null, END),
                new Link("undated", "1.1", "anh-chup.png", null, null));

        assertThat(findings()).containsExactly(
                new Finding(Code.EVIDENCE_OUTSIDE_PERIOD, false, "Tài liệu «qd-cu.pdf» (số 12/QĐ-UBND) đề ngày"
                        + " 30/09/2022, ngoài kỳ số liệu 01/10/2022 – 30/09/2023.", List.of("1.1", "1.2")),
                new Finding(Code.EVIDENCE_OUTSIDE_PERIOD, false, "Tài liệu «bao-cao.pdf» đề ngày 01/10/2023, ngoài"
                        + " kỳ số liệu 01/10/2022 – 30/09/2023.", List.of("1.2")));
    }

    @Test
    void theSameFileInAnotherUnitsEvidence() {
        items.put("1.1", new Entered(ItemEntry.yes(), null));
        links = List.of(new Link("f1", "1.1", "qd-bcd.pdf", null, null),
                new Link("f2", "1.1", "kh.pdf", null, null),
                new Link("f3", "1.1", "bc.pdf", null, null),
                new Link("f4", "1.1", "rieng.pdf", null, null));
        otherUses = List.of(new OtherUse("f1", "S02", "Sở Y tế"), new OtherUse("f1", "S03", "Sở Tư pháp"),
                new OtherUse("f2", "S04", "Sở Nội vụ"), new OtherUse("f2", "S04", "Sở Nội vụ"),
                new OtherUse("f3", "S02", "Sở Y tế"));

        assertThat(findings()).extracting(Finding::code, Finding::message, Finding::items).containsExactly(
                tuple(Code.SHARED_FILE, "Tài liệu «qd-bcd.pdf» cũng là tài liệu kiểm"
                        + " chứng của Sở Tư pháp, Sở Y tế: cùng một tệp (trùng nội dung).", List.of("1.1")),
                tuple(Code.SHARED_FILE, "Tài liệu «kh.pdf» cũng là tài liệu kiểm"
                        + " chứng của Sở Nội vụ: cùng một tệp (trùng nội dung).", List.of("1.1")),
                tuple(Code.SHARED_FILE, "Tài liệu «bc.pdf» cũng là tài liệu kiểm"
                        + " chứng của Sở Y tế: cùng một tệp (trùng nội dung).", List.of("1.1")));
    }

    @Test
    void aRatioAboveOne() {
        items.put("2.1", new Entered(ItemEntry.ratio("120", "100"), "danh sách kèm theo"));
        items.put("2.2", new Entered(ItemEntry.percent("112.5"), "theo báo cáo"));
        items.put("2.3", new Entered(ItemEntry.ratio("4", "4"), "theo báo cáo"));

        assertThat(findings()).containsExactly(
                new Finding(Code.RATIO_ABOVE_ONE, false, "Mục 2.1 (Tỷ lệ CBCCVC được tập huấn): tử số 120 lớn hơn"
                        + " mẫu số 100.", List.of("2.1")),
                new Finding(Code.RATIO_ABOVE_ONE, false, "Mục 2.2 (Hệ thống được phê duyệt cấp độ): tỷ lệ 112,5%"
                        + " vượt 100%.", List.of("2.2")));
    }

    @Test
    void figuresThatContradictARule() {
        rules = List.of(
                new ConsistencyRule(List.of(term("2.1", Part.DENOMINATOR)), Relation.AT_MOST,
                        List.of(info("civilServants"), info("publicEmployees")), "Số CBCCVC (mục 2.1) vượt biên chế"),
                new ConsistencyRule(List.of(term("2.3", Part.NUMERATOR)), Relation.AT_MOST,
                        List.of(term("2.2", Part.NUMERATOR)), "Hệ thống được bảo vệ nhiều hơn hệ thống được duyệt"),
                new ConsistencyRule(List.of(term("2.3", Part.DENOMINATOR)), Relation.EQUAL,
                        List.of(term("2.2", Part.DENOMINATOR)), "Hai mẫu số của cùng các hệ thống khác nhau"));
        items.put("2.1", new Entered(ItemEntry.ratio("80", "130"), "danh sách"));
        items.put("2.2", new Entered(ItemEntry.ratio("3", "5"), "danh sách"));
        items.put("2.3", new Entered(ItemEntry.ratio("4", "6"), "danh sách"));
        generalInfo = Map.of("civilServants", 100, "publicEmployees", "20");

        assertThat(findings()).containsExactly(
                new Finding(Code.FIGURES_CONTRADICT, false, "Số CBCCVC (mục 2.1) vượt biên chế: mẫu số mục 2.1 = 130,"
                        + " số công chức (thông tin chung) + số viên chức (thông tin chung) = 120.", List.of("2.1")),
                new Finding(Code.FIGURES_CONTRADICT, false, "Hệ thống được bảo vệ nhiều hơn hệ thống được duyệt: tử số"
                        + " mục 2.3 = 4, tử số mục 2.2 = 3.", List.of("2.2", "2.3")),
                new Finding(Code.FIGURES_CONTRADICT, false, "Hai mẫu số của cùng các hệ thống khác nhau: mẫu số mục 2.3"
                        + " = 6, mẫu số mục 2.2 = 5.", List.of("2.2", "2.3")));
    }

    @Test
    void aRuleSaysNothingWhenAFigureIsMissingAndNothingWhenItHolds() {
        rules = List.of(
                new ConsistencyRule(List.of(term("2.1", Part.DENOMINATOR)), Relation.AT_MOST,
                        List.of(info("civilServants"), info("publicEmployees")), "vượt biên chế"),
                new ConsistencyRule(List.of(term("2.3", Part.NUMERATOR)), Relation.AT_MOST,
                        List.of(term("2.2", Part.NUMERATOR)), "nhiều hơn"),
                new ConsistencyRule(List.of(term("2.3", Part.DENOMINATOR)), Relation.EQUAL,
                        List.of(term("2.2", Part.DENOMINATOR)), "khác nhau"));
        items.put("2.1", new Entered(ItemEntry.ratio("80", "130"), "danh sách"));
        items.put("2.2", new Entered(ItemEntry.percent("60"), "danh sách"));
        items.put("2.3", new Entered(ItemEntry.ratio("4", "6"), "danh sách"));
        generalInfo = Map.of("civilServants", 100, "publicEmployees", "không rõ");

        assertThat(findings()).isEmpty();

        items.put("2.2", new Entered(ItemEntry.ratio("4", "6"), "danh sách"));
        generalInfo = Map.of("civilServants", 100, "publicEmployees", "1.250");

        assertThat(findings()).isEmpty();
    }

    private List<Finding> findings() {
        return EvidenceChecks.check(new EvidenceChecks.Snapshot(SET, items, links, START, END, otherUses, generalInfo,
                rules));
    }

    private static IndicatorNode leaf(String code, String name, String points, ItemKind kind) {
        return new IndicatorNode(code, name, NodeType.COMPONENT, new BigDecimal(points), kind, null, null);
    }

    private static Term term(String code, Part part) {
        return new Term(code, part, null);
    }

    private static Term info(String key) {
        return new Term(null, null, key);
    }
}
