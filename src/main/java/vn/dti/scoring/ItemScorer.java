package vn.dti.scoring;

import vn.dti.framework.FieldProblem;
import vn.dti.indicator.IndicatorNode;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Arrays;
import java.util.Optional;

/** An item's score from what was entered, by the item's kind (000 Điều 6.1: full points when met, in proportion otherwise). */
public final class ItemScorer {

    /** A value entered has at most this many digits before and after the decimal comma. */
    static final int MAX_INTEGER_DIGITS = 12;
    static final int MAX_DECIMALS = 6;

    /** Exact enough that no published figure depends on the rounding; display rounds to two decimals. */
    public static final MathContext PRECISION = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ItemScorer() {
    }

    /**
     * The problem with an entry, if any ({@code field} names it in the message). An absent or N/A entry is valid.
     */
    public static Optional<FieldProblem> problem(IndicatorNode item, ItemEntry entry, String field) {
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.notApplicable()) {
            return entry.hasValue()
                    ? problem(field, "mục đã đánh dấu không áp dụng (notApplicable) thì không nhập giá trị")
                    : Optional.empty();
        }
        if (!entry.hasValue()) {
            return Optional.empty();
        }
        for (BigDecimal value : Arrays.asList(entry.numerator(), entry.denominator(), entry.percent(), entry.points())) {
            if (value != null && (value.scale() > MAX_DECIMALS || value.precision() - value.scale() > MAX_INTEGER_DIGITS)) {
                // Beyond what a count, a ratio or a score can be, and beyond what the database keeps of a number.
                return problem(field, "giá trị có quá nhiều chữ số: tối đa " + MAX_INTEGER_DIGITS + " chữ số phần nguyên và " + MAX_DECIMALS
                        + " chữ số thập phân");
            }
        }
        return switch (item.kind()) {
            case YES_NO -> entry.met() == null || otherThan(entry, "met")
                    ? problem(field, "mục " + item.code() + " là mục có/không: chỉ nhập met (true/false)")
                    : Optional.empty();
            case RATIO -> ratioProblem(entry, field);
            case POINTS -> pointsProblem(item, entry, field);
        };
    }

    /** The score of a valid entry; null for N/A; zero for missing data. */
    public static BigDecimal score(IndicatorNode item, ItemEntry entry) {
        if (entry != null && entry.notApplicable()) {
            return null;
        }
        if (entry == null || !entry.hasValue()) {
            return BigDecimal.ZERO;
        }
        BigDecimal max = item.points();
        return switch (item.kind()) {
            case YES_NO -> entry.met() ? max : BigDecimal.ZERO;
            case RATIO -> entry.percent() != null
                    ? max.multiply(entry.percent()).divide(HUNDRED, PRECISION)
                    : max.multiply(entry.numerator()).divide(entry.denominator(), PRECISION);
            case POINTS -> entry.points();
        };
    }

    private static Optional<FieldProblem> ratioProblem(ItemEntry entry, String field) {
        if (entry.met() != null || entry.points() != null) {
            return problem(field, "mục tỷ lệ: nhập numerator và denominator, hoặc percent");
        }
        if (entry.percent() != null) {
            if (entry.numerator() != null || entry.denominator() != null) {
                return problem(field, "mục tỷ lệ: nhập hoặc percent, hoặc numerator và denominator, không cả hai");
            }
            if (entry.percent().signum() < 0 || entry.percent().compareTo(HUNDRED) > 0) {
                return problem(field + ".percent", "tỷ lệ phần trăm phải trong khoảng 0 đến 100, đã nhập "
                        + entry.percent().toPlainString());
            }
            return Optional.empty();
        }
        if (entry.numerator() == null || entry.denominator() == null) {
            return problem(field, "mục tỷ lệ: cần cả numerator (tử số) và denominator (mẫu số)");
        }
        if (entry.numerator().signum() < 0) {
            return problem(field + ".numerator", "tử số không được âm");
        }
        if (entry.denominator().signum() <= 0) {
            return problem(field + ".denominator", "mẫu số phải lớn hơn 0");
        }
        if (entry.numerator().compareTo(entry.denominator()) > 0) {
            return problem(field + ".numerator", "tử số " + entry.numerator().toPlainString()
                    + " lớn hơn mẫu số " + entry.denominator().toPlainString());
        }
        return Optional.empty();
    }

    private static Optional<FieldProblem> pointsProblem(IndicatorNode item, ItemEntry entry, String field) {
        if (entry.points() == null || otherThan(entry, "points")) {
            return problem(field, "mục " + item.code() + " nhập điểm trực tiếp: chỉ nhập points");
        }
        if (entry.points().signum() < 0) {
            return problem(field + ".points", "điểm không được âm");
        }
        if (entry.points().compareTo(item.points()) > 0) {
            return problem(field + ".points", "điểm " + entry.points().toPlainString()
                    + " vượt điểm tối đa " + item.points().stripTrailingZeros().toPlainString());
        }
        return Optional.empty();
    }

    private static boolean otherThan(ItemEntry entry, String field) {
        List<Object> others = switch (field) {
            case "met" -> java.util.Arrays.asList(entry.numerator(), entry.denominator(), entry.percent(), entry.points());
            case "points" -> java.util.Arrays.asList(entry.met(), entry.numerator(), entry.denominator(), entry.percent());
            default -> List.of();
        };
        return others.stream().anyMatch(java.util.Objects::nonNull);
    }

    private static Optional<FieldProblem> problem(String field, String reason) {
        return Optional.of(new FieldProblem(field, reason));
    }
}
