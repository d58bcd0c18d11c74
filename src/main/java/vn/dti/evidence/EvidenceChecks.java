package vn.dti.evidence;

import vn.dti.framework.VietnameseFormat;
import vn.dti.assessment.EvidenceRule;
import vn.dti.indicator.IndicatorNode;
import vn.dti.indicator.IndicatorSet;
import vn.dti.indicator.ItemKind;
import vn.dti.scoring.ItemEntry;
import vn.dti.scoring.ItemScorer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What appraisers look for in a unit's self-assessment (004 Phần I.4.b: scores with no evidence attached, implausible
 * figures, figures that do not agree across indicators) and what evidence tells about itself (a document dated outside
 * the data period is suspect; one file in two units' evidence was not made by both), shown to the unit while it
 * works and to the council when it appraises. Only a score without support blocks submission (000 Điều 6.2; 002
 * II.2.c); the others ask someone to look.
 */
final class EvidenceChecks {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private EvidenceChecks() {
    }

    enum Code {
        NO_EVIDENCE(true), EVIDENCE_OUTSIDE_PERIOD(false), SHARED_FILE(false), RATIO_ABOVE_ONE(false),
        FIGURES_CONTRADICT(false);

        private final boolean blocking;

        Code(boolean blocking) {
            this.blocking = blocking;
        }
    }

    /** One finding: what, in Vietnamese, and the items it concerns (codes of the set, in its order). */
    record Finding(Code code, boolean blocking, String message, List<String> items) {

        Finding(Code code, String message, List<String> items) {
            this(code, code.blocking, message, List.copyOf(items));
        }
    }

    /** One item as the unit entered it: its self-assessed entry, its explanation, the names of documents it gave. */
    record Entered(ItemEntry entry, String explanation) {
    }

    /** A stored file linked to one of the unit's items; {@code docDate} null when the intake found none. */
    record Link(String sha256, String itemCode, String fileName, String docNumber, LocalDate docDate) {
    }

    /** The same file in the evidence of another unit that the caller may read (others are never told of). */
    record OtherUse(String sha256, String unitCode, String unitName) {
    }

    /**
     * @param items       by item code
     * @param generalInfo the assessment's general information, as entered (numbers or text)
     */
    record Snapshot(IndicatorSet set, Map<String, Entered> items, List<Link> links, LocalDate dataPeriodStart,
                    LocalDate dataPeriodEnd, List<OtherUse> otherUses, Map<String, Object> generalInfo,
                    List<ConsistencyRule> rules) {
    }

    /** Every finding, in the order of the codes, then of the set's items. */
    static List<Finding> check(Snapshot snapshot) {
        List<Finding> findings = new ArrayList<>();
        findings.addAll(unsupported(snapshot));
        findings.addAll(outsidePeriod(snapshot));
        findings.addAll(shared(snapshot));
        findings.addAll(ratiosAboveOne(snapshot));
        findings.addAll(contradictions(snapshot));
        return findings;
    }

    private static List<Finding> unsupported(Snapshot snapshot) {
        List<Finding> findings = new ArrayList<>();
        for (IndicatorNode leaf : snapshot.set().leaves()) {
            Entered item = snapshot.items().get(leaf.code());
            if (item == null || item.entry() == null
                    || ItemScorer.problem(leaf, item.entry(), leaf.code()).isPresent()) {
                continue;
            }
            // Only a stored file is evidence: a name typed on the item is not.
            boolean stored = snapshot.links().stream().anyMatch(link -> link.itemCode().equals(leaf.code()));
            EvidenceRule.unbacked(snapshot.set(), leaf, item.entry(), item.explanation(), stored).ifPresent(reason ->
                    findings.add(new Finding(Code.NO_EVIDENCE, reason, List.of(leaf.code()))));
        }
        return findings;
    }

    private static List<Finding> outsidePeriod(Snapshot snapshot) {
        List<Finding> findings = new ArrayList<>();
        byFile(snapshot).forEach((sha256, links) -> {
            Link link = links.getFirst();
            LocalDate date = link.docDate();
            if (date == null || !date.isBefore(snapshot.dataPeriodStart()) && !date.isAfter(snapshot.dataPeriodEnd())) {
                return;
            }
            findings.add(new Finding(Code.EVIDENCE_OUTSIDE_PERIOD, "Tài liệu " + document(link) + " đề ngày "
                    + VietnameseFormat.date(date) + ", ngoài kỳ số liệu "
                    + VietnameseFormat.date(snapshot.dataPeriodStart()) + " – "
                    + VietnameseFormat.date(snapshot.dataPeriodEnd()) + ".", itemsOf(snapshot, links)));
        });
        return findings;
    }

    private static List<Finding> shared(Snapshot snapshot) {
        List<Finding> findings = new ArrayList<>();
        byFile(snapshot).forEach((sha256, links) -> {
            List<String> others = snapshot.otherUses().stream().filter(use -> use.sha256().equals(sha256))
                    .map(OtherUse::unitName).distinct().sorted().toList();
            if (others.isEmpty()) {
                return;
            }
            findings.add(new Finding(Code.SHARED_FILE, "Tài liệu " + document(links.getFirst())
                    + " cũng là tài liệu kiểm chứng của " + String.join(", ", others)
                    + ": cùng một tệp (trùng nội dung).", itemsOf(snapshot, links)));
        });
        return findings;
    }

    private static List<Finding> ratiosAboveOne(Snapshot snapshot) {
        List<Finding> findings = new ArrayList<>();
        for (IndicatorNode leaf : snapshot.set().leaves()) {
            Entered item = snapshot.items().get(leaf.code());
            if (leaf.kind() != ItemKind.RATIO || item == null || item.entry() == null || item.entry().notApplicable()) {
                continue;
            }
            ItemEntry entry = item.entry();
            String why = null;
            if (entry.numerator() != null && entry.denominator() != null
                    && entry.numerator().compareTo(entry.denominator()) > 0) {
                why = "tử số " + number(entry.numerator()) + " lớn hơn mẫu số " + number(entry.denominator());
            } else if (entry.percent() != null && entry.percent().compareTo(HUNDRED) > 0) {
                why = "tỷ lệ " + number(entry.percent()) + "% vượt 100%";
            }
            if (why != null) {
                findings.add(new Finding(Code.RATIO_ABOVE_ONE, "Mục " + leaf.code() + " (" + leaf.name() + "): "
                        + why + ".", List.of(leaf.code())));
            }
        }
        return findings;
    }

    private static List<Finding> contradictions(Snapshot snapshot) {
        List<Finding> findings = new ArrayList<>();
        for (ConsistencyRule rule : snapshot.rules()) {
            Optional<BigDecimal> left = sum(rule.left(), snapshot);
            Optional<BigDecimal> right = sum(rule.right(), snapshot);
            if (left.isEmpty() || right.isEmpty() || rule.relation().holds(left.get(), right.get())) {
                continue;
            }
            findings.add(new Finding(Code.FIGURES_CONTRADICT, rule.message() + ": " + ConsistencyRule.label(rule.left())
                    + " = " + number(left.get()) + ", " + ConsistencyRule.label(rule.right()) + " = "
                    + number(right.get()) + ".", inSetOrder(snapshot.set(), rule.items())));
        }
        return findings;
    }

    /** Empty when one of the figures is missing: a rule says nothing about figures not given. */
    private static Optional<BigDecimal> sum(List<ConsistencyRule.Term> terms, Snapshot snapshot) {
        BigDecimal sum = BigDecimal.ZERO;
        for (ConsistencyRule.Term term : terms) {
            Optional<BigDecimal> value = term.itemCode() == null ? count(snapshot.generalInfo().get(term.generalInfo()))
                    : Optional.ofNullable(snapshot.items().get(term.itemCode())).map(Entered::entry)
                    .filter(entry -> !entry.notApplicable())
                    .map(entry -> term.part() == ConsistencyRule.Part.NUMERATOR ? entry.numerator()
                            : entry.denominator());
            if (value.isEmpty()) {
                return Optional.empty();
            }
            sum = sum.add(value.get());
        }
        return Optional.of(sum);
    }

    /** The form sends numbers; a count typed as text ("1.250") is read the Vietnamese way; anything else is none. */
    private static Optional<BigDecimal> count(Object value) {
        if (value instanceof Number number) {
            return Optional.of(new BigDecimal(number.toString()));
        }
        try {
            return value instanceof String text ? Optional.ofNullable(VietnameseFormat.parseScore(text))
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The snapshot's links grouped by file, files in the order of their first item in the set. */
    private static Map<String, List<Link>> byFile(Snapshot snapshot) {
        List<String> order = snapshot.set().leaves().stream().map(IndicatorNode::code).toList();
        Map<String, List<Link>> byFile = new LinkedHashMap<>();
        snapshot.links().stream()
                .sorted((a, b) -> Integer.compare(position(order, a.itemCode()), position(order, b.itemCode())))
                .forEach(link -> byFile.computeIfAbsent(link.sha256(), k -> new ArrayList<>()).add(link));
        return byFile;
    }

    private static List<String> itemsOf(Snapshot snapshot, List<Link> links) {
        return inSetOrder(snapshot.set(), links.stream().map(Link::itemCode).toList());
    }

    private static List<String> inSetOrder(IndicatorSet set, List<String> codes) {
        List<String> order = set.leaves().stream().map(IndicatorNode::code).toList();
        return new TreeSet<>(codes).stream()
                .sorted((a, b) -> Integer.compare(position(order, a), position(order, b))).toList();
    }

    private static int position(List<String> order, String code) {
        int at = order.indexOf(code);
        return at < 0 ? Integer.MAX_VALUE : at;
    }

    private static String document(Link link) {
        return "«" + link.fileName() + "»" + (link.docNumber() == null ? "" : " (số " + link.docNumber() + ")");
    }

    private static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
