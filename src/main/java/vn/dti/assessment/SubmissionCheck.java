package vn.dti.assessment;

import vn.dti.indicator.IndicatorNode;
import vn.dti.indicator.IndicatorSet;
import vn.dti.scoring.ItemEntry;
import vn.dti.scoring.ItemScorer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether a self-assessment may be submitted: every value within its bounds, and every item scored above zero backed
 * by evidence or by a written explanation (000 Điều 6.2; 002 II.2.c). Returns the reasons it may not, in Vietnamese.
 */
final class SubmissionCheck {

    private SubmissionCheck() {
    }

    record Entered(ItemEntry entry, String explanation, List<String> evidence) {
    }

    static List<String> problems(IndicatorSet set, Map<String, Entered> items) {
        List<String> problems = new ArrayList<>();
        if (items.values().stream().noneMatch(item -> item.entry() != null
                && (item.entry().hasValue() || item.entry().notApplicable()))) {
            problems.add("Phiếu chưa có mục nào được chấm điểm.");
            return problems;
        }
        for (IndicatorNode leaf : set.leaves()) {
            Entered item = items.get(leaf.code());
            if (item == null || item.entry() == null) {
                continue;
            }
            var invalid = ItemScorer.problem(leaf, item.entry(), leaf.code());
            if (invalid.isPresent()) {
                problems.add("Mục " + leaf.code() + ": " + invalid.get().reason() + ".");
                continue;
            }
            BigDecimal score = ItemScorer.score(leaf, item.entry());
            boolean unsupported = item.evidence().isEmpty() && (item.explanation() == null || item.explanation().isBlank());
            if (score != null && score.signum() > 0 && unsupported) {
                problems.add("Mục " + leaf.code() + " (" + leaf.name() + "): có điểm nhưng chưa có tài liệu kiểm chứng"
                        + " hoặc giải trình bằng văn bản.");
            }
        }
        return problems;
    }
}
