package vn.dti.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Checks that an indicator set adds up. Returns every problem found, in Vietnamese, each naming the code. */
public final class IndicatorSetValidator {

    private IndicatorSetValidator() {
    }

    public static List<String> problems(IndicatorSet set) {
        List<String> problems = new ArrayList<>();
        if (blank(set.province())) problems.add("thiếu mã tỉnh (province)");
        if (set.level() == null) problems.add("thiếu cấp (level: SO | HUYEN | XA)");
        if (blank(set.version())) problems.add("thiếu phiên bản (version)");
        if (set.effectiveFrom() == null && set.complete()) {
            problems.add("thiếu ngày hiệu lực (effectiveFrom); chỉ bộ chỉ số chưa đủ điểm (complete: false) mới được để trống");
        }
        if (set.scale() == null || set.scale().signum() <= 0) problems.add("thang điểm (scale) phải lớn hơn 0");
        if (set.items().isEmpty()) problems.add("bộ chỉ số không có mục nào (items)");

        Set<String> codes = new HashSet<>();
        for (IndicatorNode item : set.items()) {
            check(item, set.complete(), codes, problems);
        }
        BigDecimal sum = sumOfPoints(set.items());
        if (set.scale() != null && sum != null && sum.compareTo(set.scale()) != 0) {
            problems.add("thang điểm " + plain(set.scale()) + " khác tổng điểm các mục cấp trên cùng " + plain(sum));
        }
        return problems;
    }

    private static void check(IndicatorNode node, boolean complete, Set<String> codes, List<String> problems) {
        String code = node.code();
        if (blank(code)) {
            problems.add("có mục thiếu mã (code), tên: " + node.name());
            code = "?";
        } else if (!codes.add(code)) {
            problems.add("mã " + code + " bị trùng");
        }
        if (blank(node.name())) problems.add("mục " + code + ": thiếu tên");
        if (node.type() == null) problems.add("mục " + code + ": thiếu loại (type)");
        if (node.points() == null && complete) problems.add("mục " + code + ": thiếu điểm tối đa (points)");
        if (node.points() != null && node.points().signum() < 0) {
            problems.add("mục " + code + ": điểm tối đa " + plain(node.points()) + " là số âm");
        }
        if (node.isLeaf() && node.kind() == null) {
            problems.add("mục " + code + ": là mục lá nhưng thiếu cách tính (kind: YES_NO | RATIO | POINTS)");
        }
        if (!node.isLeaf() && node.kind() != null) {
            problems.add("mục " + code + ": có mục con nên không được có cách tính (kind)");
        }
        if (!node.isLeaf()) {
            BigDecimal sum = sumOfPoints(node.children());
            if (node.points() != null && sum != null && node.points().compareTo(sum) != 0) {
                problems.add("mục " + code + ": điểm tối đa " + plain(node.points())
                        + " khác tổng điểm các mục con " + plain(sum));
            }
            for (IndicatorNode child : node.children()) {
                check(child, complete, codes, problems);
            }
        }
    }

    /** Null when some node has no points: the sum is then unknown, not zero. */
    private static BigDecimal sumOfPoints(List<IndicatorNode> nodes) {
        if (nodes.stream().map(IndicatorNode::points).anyMatch(Objects::isNull)) {
            return null;
        }
        return nodes.stream().map(IndicatorNode::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
