package vn.dti.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One node of an indicator set. Leaves carry a {@link ItemKind}; {@code points} is null only in a set marked
 * incomplete, whose source does not publish them. {@code parts} names sub-items a source lists without points.
 */
public record IndicatorNode(String code, String name, NodeType type, BigDecimal points, ItemKind kind,
                            List<String> parts, List<IndicatorNode> children) {

    public IndicatorNode {
        parts = parts == null ? List.of() : List.copyOf(parts);
        children = children == null ? List.of() : List.copyOf(children);
    }

    public boolean isLeaf() {
        return children.isEmpty();
    }

    /** The leaves below this node, in document order (the node itself when it is a leaf). */
    public List<IndicatorNode> leaves() {
        List<IndicatorNode> leaves = new ArrayList<>();
        collectLeaves(this, leaves);
        return leaves;
    }

    private static void collectLeaves(IndicatorNode node, List<IndicatorNode> into) {
        if (node.isLeaf()) {
            into.add(node);
        } else {
            node.children.forEach(child -> collectLeaves(child, into));
        }
    }
}
