package vn.dti.evidence;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dti.assessment.AssessmentAccess;
import vn.dti.framework.FieldProblem;
import vn.dti.framework.ForbiddenException;
import vn.dti.framework.InvalidInputException;
import vn.dti.framework.VietnameseFormat;
import vn.dti.security.DtiUser;
import vn.dti.unit.Province;
import vn.dti.unit.Unit;
import vn.dti.unit.UnitCatalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Full-text search over the evidence a caller may see: the units whose assessments {@link AssessmentAccess#canRead}
 * lets the caller read (a unit's officer its own unit; the council, chairman and administrator their province, a
 * huyện's council its xã). Filters only narrow that set; a filter naming a unit or province beyond it is refused.
 */
@Service
@Transactional(readOnly = true)
class EvidenceSearch {

    static final int MAX_SIZE = 100;
    static final int MAX_QUERY_LENGTH = 200;

    private final EvidenceSearchQuery query;
    private final UnitCatalog units;

    EvidenceSearch(EvidenceSearchQuery query, UnitCatalog units) {
        this.query = query;
        this.units = units;
    }

    record Request(String q, String province, Long cycle, Integer year, String unit, String item, String kind,
                   int page, int size) {
    }

    /**
     * One hit: a file as one unit's assessment uses it, under the names it was uploaded with, for the items it
     * supports. {@code snippet} is HTML: the document's text escaped, the matched words in {@code <mark>}.
     */
    record Hit(String sha256, List<String> fileNames, String unit, String unitName, long assessmentId, long cycleId,
               int year, List<String> items, String kind, String number, String date, double rank, String title,
               String snippet) {
    }

    /** What the answer says when more links matched than are ranked. */
    static final String TOO_MANY = "hơn " + EvidenceSearchQuery.RANK_WINDOW + " kết quả — hãy thu hẹp tìm kiếm";

    /**
     * @param totalExact false when more links matched than are ranked ({@link EvidenceSearchQuery#RANK_WINDOW}, the
     *                   most recently attached, every filter applied first): {@code total} then counts the hits among
     *                   them; more words or a filter narrow it
     * @param notice     {@link #TOO_MANY} when {@code totalExact} is false, else null
     */
    record Result(List<Hit> hits, long total, boolean totalExact, String notice, int page, int size) {

        Result(List<Hit> hits, long total, boolean totalExact, int page, int size) {
            this(hits, total, totalExact, totalExact ? null : TOO_MANY, page, size);
        }
    }

    Result search(Request request, DtiUser user) {
        List<FieldProblem> problems = new ArrayList<>();
        String text = request.q() == null ? "" : request.q().strip();
        if (text.isEmpty()) {
            problems.add(new FieldProblem("q", "bắt buộc: nhập từ cần tìm"));
        } else if (text.length() > MAX_QUERY_LENGTH) {
            problems.add(new FieldProblem("q", "dài " + text.length() + " ký tự, tối đa " + MAX_QUERY_LENGTH));
        }
        boolean sized = request.size() >= 1 && request.size() <= MAX_SIZE;
        if (!sized) {
            problems.add(new FieldProblem("size", "số kết quả mỗi trang từ 1 đến " + MAX_SIZE + ", đã nhập "
                    + request.size()));
        }
        if (request.page() < 0) {
            problems.add(new FieldProblem("page", "số trang bắt đầu từ 0, đã nhập " + request.page()));
        } else if (sized && (long) request.page() * request.size() >= EvidenceSearchQuery.RANK_WINDOW) {
            problems.add(new FieldProblem("page", "chỉ xem được " + EvidenceSearchQuery.RANK_WINDOW
                    + " kết quả đầu; trang " + request.page() + " bắt đầu ở kết quả thứ "
                    + ((long) request.page() * request.size() + 1) + ": hãy thêm từ hoặc lọc theo kỳ, đơn vị, mục,"
                    + " loại văn bản"));
        }
        String provinceCode = blankToNull(request.province());
        Province province = provinceCode == null ? null : units.province(provinceCode).orElse(null);
        if (provinceCode != null && province == null) {
            problems.add(new FieldProblem("province", "không có tỉnh mã '" + provinceCode + "'"));
        }
        String unitCode = blankToNull(request.unit());
        Unit unit = unitCode == null ? null : units.unit(unitCode).orElse(null);
        if (unitCode != null && unit == null) {
            problems.add(new FieldProblem("unit", "không có đơn vị mã '" + unitCode + "'"));
        }
        if (request.cycle() != null && !query.cycleExists(request.cycle())) {
            problems.add(new FieldProblem("cycle", "không có kỳ đánh giá số " + request.cycle()));
        }
        String lexemes = text.isEmpty() || text.length() > MAX_QUERY_LENGTH ? "" : query.tsquery(text);
        if (problems.isEmpty() && lexemes.isEmpty()) {
            problems.add(new FieldProblem("q", "không có từ nào để tìm trong '" + text + "'"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }

        if (province != null && !province.getCode().equals(user.province())) {
            throw new ForbiddenException("Bạn không được xem tài liệu kiểm chứng của tỉnh " + province.getName());
        }
        if (unit != null && !AssessmentAccess.canRead(user, unit)) {
            throw new ForbiddenException("Bạn không được xem tài liệu kiểm chứng của " + unit.getName());
        }
        Map<String, Unit> visible = units.units(user.province()).stream()
                .filter(each -> AssessmentAccess.canRead(user, each))
                .filter(each -> unit == null || each.getCode().equals(unit.getCode()))
                .collect(Collectors.toMap(Unit::getCode, Function.identity()));
        if (visible.isEmpty()) {
            return new Result(List.of(), 0, true, request.page(), request.size());
        }

        EvidenceSearchQuery.Page page = query.search(new EvidenceSearchQuery.Criteria(text, visible.keySet(),
                request.cycle(), request.year(), blankToNull(request.item()), blankToNull(request.kind()),
                request.page(), request.size()));
        return new Result(hits(page.rows(), Snippets.positiveLexemes(lexemes), visible), page.total(),
                page.totalExact(), request.page(), request.size());
    }

    private List<Hit> hits(List<EvidenceSearchQuery.Row> rows, List<String> lexemes, Map<String, Unit> visible) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> sha256s = rows.stream().map(EvidenceSearchQuery.Row::sha256).distinct().toList();
        Map<String, EvidenceSearchQuery.FileDetail> files = query.files(sha256s).stream()
                .collect(Collectors.toMap(EvidenceSearchQuery.FileDetail::sha256, Function.identity()));
        Map<String, List<EvidenceSearchQuery.LinkDetail>> links = query.links(sha256s,
                        rows.stream().map(EvidenceSearchQuery.Row::assessmentId).distinct().toList()).stream()
                .collect(Collectors.groupingBy(link -> link.sha256() + "/" + link.assessmentId()));
        List<Hit> hits = new ArrayList<>();
        for (EvidenceSearchQuery.Row row : rows) {
            EvidenceSearchQuery.FileDetail file = files.get(row.sha256());
            List<EvidenceSearchQuery.LinkDetail> uses = links.get(row.sha256() + "/" + row.assessmentId());
            EvidenceSearchQuery.LinkDetail first = uses.getFirst();
            hits.add(new Hit(row.sha256(),
                    List.copyOf(uses.stream().map(EvidenceSearchQuery.LinkDetail::fileName)
                            .collect(Collectors.toCollection(TreeSet::new))),
                    first.unitCode(), visible.get(first.unitCode()).getName(), row.assessmentId(), first.cycleId(),
                    first.year(),
                    uses.stream().map(EvidenceSearchQuery.LinkDetail::itemCode).distinct().sorted(ITEM_ORDER).toList(),
                    file.kind(), file.number(), file.date() == null ? null : VietnameseFormat.date(file.date()),
                    row.rank(), file.title(), snippet(file, lexemes)));
        }
        return hits;
    }

    /**
     * From the text; from the title when only the title matched; else the text's beginning (PostgreSQL's parser saw a
     * match that whole words do not show, e.g. a word inside a host name).
     */
    private static String snippet(EvidenceSearchQuery.FileDetail file, List<String> lexemes) {
        return Snippets.marked(file.text(), lexemes).or(() -> Snippets.marked(file.title(), lexemes))
                .orElseGet(() -> Snippets.beginning(file.text()));
    }

    /** Item codes in the order of the set: 6.4 before 6.10. */
    static final Comparator<String> ITEM_ORDER = (a, b) -> {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            boolean numbers = left[i].matches("\\d+") && right[i].matches("\\d+");
            int order = numbers && left[i].length() != right[i].length()
                    ? Integer.compare(left[i].length(), right[i].length())
                    : left[i].compareTo(right[i]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.length, right.length);
    };

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
