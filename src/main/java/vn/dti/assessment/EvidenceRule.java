package vn.dti.assessment;

import vn.dti.indicator.IndicatorNode;
import vn.dti.indicator.IndicatorSet;
import vn.dti.indicator.RegulationProfile;
import vn.dti.scoring.GroupScoring;
import vn.dti.scoring.ItemEntry;
import vn.dti.scoring.ItemScorer;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Whether one item is backed as the set's regulation profile asks: an item scored above zero by an uploaded file
 * (FILE_REQUIRED: 002 II.2.c, 001), or a file or a written explanation (FILE_OR_EXPLANATION: 000 Điều 6.2), or
 * nothing where the profile states no rule; a not-applicable claim only where the profile allows one, with its reason
 * and, where asked, a file. Only a stored file counts: a name typed on the item never does.
 */
public final class EvidenceRule {

    private EvidenceRule() {
    }

    /** Why the item is not backed, in Vietnamese, starting with "Mục code (name)"; empty when it is. */
    public static Optional<String> unbacked(IndicatorSet set, IndicatorNode leaf, ItemEntry entry, String explanation,
                                            boolean hasStoredFile) {
        String label = "Mục " + leaf.code() + " (" + leaf.name() + ")";
        boolean explained = explanation != null && !explanation.isBlank();
        if (entry.notApplicable()) {
            RegulationProfile.NotApplicable rule = set.profile().notApplicable();
            if (!rule.stated()) {
                return Optional.of(label + ": " + GroupScoring.notApplicableNotStated(set) + ".");
            }
            if (!explained) {
                return Optional.of(label + ": đánh dấu không áp dụng nhưng chưa nêu lý do (ô giải trình).");
            }
            if (rule.needsEvidence() && !hasStoredFile) {
                return Optional.of(label + ": đánh dấu không áp dụng cần tệp tài liệu kiểm chứng được tải lên (quy chế: "
                        + rule.source() + ").");
            }
            return Optional.empty();
        }
        RegulationProfile.Evidence rule = set.profile().evidence();
        BigDecimal score = ItemScorer.score(leaf, entry);
        if (score == null || score.signum() <= 0 || !rule.stated() || hasStoredFile) {
            return Optional.empty();
        }
        if (rule.policy() == RegulationProfile.EvidencePolicy.FILE_REQUIRED) {
            return Optional.of(label + ": có điểm nhưng chưa có tài liệu kiểm chứng (tệp đã tải lên); quy chế ("
                    + rule.source() + ") không nhận giải trình thay tài liệu kiểm chứng.");
        }
        return explained ? Optional.empty() : Optional.of(label + ": có điểm nhưng chưa có tài liệu kiểm chứng hoặc"
                + " giải trình bằng văn bản (tài liệu kiểm chứng là tệp đã tải lên, không phải tên gõ vào).");
    }
}
