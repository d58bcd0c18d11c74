package vn.dti.scoring;

import vn.dti.indicator.IndicatorNode;
import vn.dti.indicator.IndicatorSet;
import vn.dti.indicator.ItemKind;
import vn.dti.indicator.Level;
import vn.dti.indicator.NodeType;
import vn.dti.indicator.RegulationProfile;
import vn.dti.indicator.RegulationProfile.NotApplicableTreatment;
import vn.dti.indicator.SourceDecision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A hand-made set on a 100-point scale, small enough to check every figure by hand:
 * A (60) = A.1 yes/no 20 + A.2 ratio 30 + A.3 points 10; B (40) = B.1 yes/no 40. Its profile states every rule:
 * Kon Tum's bands 90/70/50, not-applicable items rescaled, exclusion proposed below half.
 */
final class SmallSet {

    static final RegulationProfile PROFILE = new RegulationProfile(
            new RegulationProfile.Bands("Quy chế thử, Điều 9.2", BigDecimal.valueOf(90), BigDecimal.valueOf(70),
                    BigDecimal.valueOf(50)),
            new RegulationProfile.NotApplicable("Quy chế thử, Điều 6.3", NotApplicableTreatment.RESCALE, false),
            new RegulationProfile.Evidence("Quy chế thử, Điều 6.2", RegulationProfile.EvidencePolicy.FILE_OR_EXPLANATION),
            new RegulationProfile.Exclusion("Quy chế thử, Điều 7", new BigDecimal("0.5"), "Hội đồng"), List.of());

    static final IndicatorSet SET = with(PROFILE);

    static final IndicatorNode A1 = SET.find("A.1").orElseThrow();
    static final IndicatorNode A2 = SET.find("A.2").orElseThrow();
    static final IndicatorNode A3 = SET.find("A.3").orElseThrow();

    /** The same items under another profile. */
    static IndicatorSet with(RegulationProfile profile) {
        return new IndicatorSet("T", Level.SO, "1", LocalDate.of(2024, 1, 1),
                new SourceDecision(null, null, "thử", null), new BigDecimal("100"), true, List.of(), List.of(
                node("A", NodeType.PILLAR, "60", null,
                        leaf("A.1", "20", ItemKind.YES_NO), leaf("A.2", "30", ItemKind.RATIO),
                        leaf("A.3", "10", ItemKind.POINTS)),
                node("B", NodeType.PILLAR, "40", null, leaf("B.1", "40", ItemKind.YES_NO))), profile);
    }

    private SmallSet() {
    }

    static IndicatorNode leaf(String code, String points, ItemKind kind) {
        return new IndicatorNode(code, "Mục " + code, NodeType.COMPONENT, new BigDecimal(points), kind, null, null);
    }

    static IndicatorNode node(String code, NodeType type, String points, ItemKind kind, IndicatorNode... children) {
        return new IndicatorNode(code, "Mục " + code, type, new BigDecimal(points), kind, null, List.of(children));
    }

    /** A unit whose self-assessment is the given entries (code, entry, code, entry …). */
    static UnitSheet unit(String code, Object... codesAndEntries) {
        java.util.Map<String, ItemColumns> items = new java.util.LinkedHashMap<>();
        for (int i = 0; i < codesAndEntries.length; i += 2) {
            items.put((String) codesAndEntries[i], ItemColumns.selfOnly((ItemEntry) codesAndEntries[i + 1]));
        }
        return new UnitSheet(code, "Đơn vị " + code, true, Map.copyOf(items));
    }

    /** A unit that met everything: 100 points. */
    static UnitSheet full(String code) {
        return unit(code, "A.1", ItemEntry.yes(), "A.2", ItemEntry.ratio("1", "1"), "A.3", ItemEntry.points("10"),
                "B.1", ItemEntry.yes());
    }
}
