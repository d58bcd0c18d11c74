package vn.dti.assessment;

import vn.dti.indicator.IndicatorNode;
import vn.dti.indicator.IndicatorSet;
import vn.dti.scoring.ItemEntry;
import vn.dti.scoring.ItemScorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a self-assessment may be submitted: every value within its bounds, and every item backed as the set's
 * regulation profile asks ({@link EvidenceRule}). Returns the reasons it may not, in Vietnamese.
 */
final class SubmissionCheck {

    private SubmissionCheck() {
    }

    record Entered(ItemEntry entry, String explanation) {
    }

    /** @param uploaded the names of the files stored for each item code */
    static List<String> problems(IndicatorSet set, Map<String, Entered> items, Map<String, Set<String>> uploaded) {
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
            EvidenceRule.unbacked(set, leaf, item.entry(), item.explanation(),
                    !uploaded.getOrDefault(leaf.code(), Set.of()).isEmpty()).ifPresent(problems::add);
        }
        return problems;
    }
}
