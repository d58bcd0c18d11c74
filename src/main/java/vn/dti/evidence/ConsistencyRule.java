package vn.dti.evidence;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Two sums of a unit's figures that must stand in a relation, e.g. {@code 5.2.numerator ≤ 5.1.numerator}: figures of
 * one unit that contradict each other are among the errors appraisers find (004 Phần I.4.b). Read from
 * {@code checks/<indicator set id>.yaml} by {@link ConsistencyRules}.
 */
record ConsistencyRule(List<Term> left, Relation relation, List<Term> right, String message) {

    ConsistencyRule {
        left = List.copyOf(left);
        right = List.copyOf(right);
    }

    enum Relation {
        AT_MOST("atMost"), EQUAL("equal");

        private final String name;

        Relation(String name) {
            this.name = name;
        }

        static Optional<Relation> named(String name) {
            for (Relation relation : values()) {
                if (relation.name.equals(name)) {
                    return Optional.of(relation);
                }
            }
            return Optional.empty();
        }

        boolean holds(BigDecimal left, BigDecimal right) {
            return this == AT_MOST ? left.compareTo(right) <= 0 : left.compareTo(right) == 0;
        }
    }

    enum Part {
        NUMERATOR("tử số"), DENOMINATOR("mẫu số");

        private final String label;

        Part(String label) {
            this.label = label;
        }
    }

    /**
     * The general information's counts, as the self-assessment form names them (002 Phụ lục II/III, I.1.4–1.7), with
     * the words people read them by.
     */
    static final Map<String, String> GENERAL_INFO = Map.of(
            "affiliatedUnits", "số cơ quan, đơn vị trực thuộc",
            "civilServants", "số công chức",
            "publicEmployees", "số viên chức",
            "administrativeProcedures", "số thủ tục hành chính");

    /** A ratio item's numerator or denominator ({@code itemCode}, {@code part}), or a general information count. */
    record Term(String itemCode, Part part, String generalInfo) {

        String label() {
            return itemCode == null ? GENERAL_INFO.get(generalInfo) + " (thông tin chung)"
                    : part.label + " mục " + itemCode;
        }
    }

    /** The items whose figures the rule reads, in its order. */
    List<String> items() {
        return Stream.concat(left.stream(), right.stream()).map(Term::itemCode)
                .filter(Objects::nonNull).distinct().toList();
    }

    static String label(List<Term> sum) {
        return sum.stream().map(Term::label).collect(Collectors.joining(" + "));
    }
}
