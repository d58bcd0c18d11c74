package vn.dti.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Checks that an indicator set adds up and that its regulation profile is whole. Returns every problem found, in Vietnamese, each naming the code. */
public final class IndicatorSetValidator {

    /** What the database keeps of a version and a code; longer ones could not be stored. */
    private static final int MAX_CODE_LENGTH = 32;
    /** Points are kept to the hundredth, below 10^8: a finer or larger number would be stored changed. */
    private static final BigDecimal POINTS_LIMIT = new BigDecimal("100000000");

    private IndicatorSetValidator() {
    }

    public static List<String> problems(IndicatorSet set) {
        List<String> problems = new ArrayList<>();
        if (blank(set.province())) problems.add("thiếu mã tỉnh (province)");
        if (set.level() == null) problems.add("thiếu cấp (level: SO | HUYEN | XA)");
        if (blank(set.version())) problems.add("thiếu phiên bản (version)");
        if (!blank(set.version()) && set.version().length() > MAX_CODE_LENGTH) {
            problems.add("phiên bản (version) dài " + set.version().length() + " ký tự, tối đa " + MAX_CODE_LENGTH);
        }
        if (set.effectiveFrom() == null && set.complete()) {
            problems.add("thiếu ngày hiệu lực (effectiveFrom); chỉ bộ chỉ số chưa đủ điểm (complete: false) mới được để trống");
        }
        if (set.scale() == null || set.scale().signum() <= 0) problems.add("thang điểm (scale) phải lớn hơn 0");
        if (set.scale() != null && !storable(set.scale())) {
            problems.add("thang điểm " + plain(set.scale()) + " phải nhỏ hơn 100.000.000 và có tối đa 2 chữ số thập phân");
        }
        if (set.items().isEmpty()) problems.add("bộ chỉ số không có mục nào (items)");

        Set<String> codes = new HashSet<>();
        for (IndicatorNode item : set.items()) {
            check(item, set.complete(), codes, problems);
        }
        BigDecimal sum = sumOfPoints(set.items());
        if (set.scale() != null && sum != null && sum.compareTo(set.scale()) != 0) {
            problems.add("thang điểm " + plain(set.scale()) + " khác tổng điểm các mục cấp trên cùng " + plain(sum));
        }
        problems.addAll(RegulationProfileValidator.problems(set.profile()));
        return problems;
    }

    private static void check(IndicatorNode node, boolean complete, Set<String> codes, List<String> problems) {
        String code = node.code();
        if (blank(code)) {
            problems.add("có mục thiếu mã (code), tên: " + node.name());
            code = "?";
        } else if (!codes.add(code)) {
            problems.add("mã " + code + " bị trùng");
        } else if (code.length() > MAX_CODE_LENGTH) {
            problems.add("mã " + code + " dài " + code.length() + " ký tự, tối đa " + MAX_CODE_LENGTH);
        }
        if (blank(node.name())) problems.add("mục " + code + ": thiếu tên");
        if (node.type() == null) problems.add("mục " + code + ": thiếu loại (type)");
        if (node.points() == null && complete) problems.add("mục " + code + ": thiếu điểm tối đa (points)");
        if (node.points() != null && node.points().signum() < 0) {
            problems.add("mục " + code + ": điểm tối đa " + plain(node.points()) + " là số âm");
        } else if (node.points() != null && !storable(node.points())) {
            problems.add("mục " + code + ": điểm tối đa " + plain(node.points())
                    + " phải nhỏ hơn 100.000.000 và có tối đa 2 chữ số thập phân");
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

    private static boolean storable(BigDecimal value) {
        return value.stripTrailingZeros().scale() <= 2 && value.abs().compareTo(POINTS_LIMIT) < 0;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
