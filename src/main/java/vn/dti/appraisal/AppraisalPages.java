package vn.dti.appraisal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dti.assessment.AppraisedItem;
import vn.dti.assessment.Assessment;
import vn.dti.assessment.AssessmentAccess;
import vn.dti.assessment.AssessmentItem;
import vn.dti.assessment.AssessmentService;
import vn.dti.assessment.AssessmentStatus;
import vn.dti.calendar.CalendarService;
import vn.dti.calendar.CycleCalendar;
import vn.dti.evidence.EvidenceReview;
import vn.dti.framework.ConflictException;
import vn.dti.framework.FieldProblem;
import vn.dti.framework.ForbiddenException;
import vn.dti.framework.InvalidInputException;
import vn.dti.framework.VietnameseFormat;
import vn.dti.indicator.IndicatorNode;
import vn.dti.indicator.IndicatorSet;
import vn.dti.indicator.ItemKind;
import vn.dti.scoring.ItemEntry;
import vn.dti.scoring.ItemScorer;
import vn.dti.security.CurrentUser;
import vn.dti.security.DtiUser;
import vn.dti.security.Role;
import vn.dti.unit.Unit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The council's review page of one unit: per item the three score columns, the evidence with its text and a preview,
 * the checks, and the appraised score with its reason; the explanations asked and answered; and the two decisions,
 * which {@link CouncilReview} takes through the council's open task. Chairmen and administrators of the scope read it.
 */
@Controller
@RequestMapping("/council/assessments/{id}")
class AppraisalPages {

    /** Characters of a document's text shown before "Xem thêm". */
    private static final int EXCERPT = 400;

    private final AssessmentService assessments;
    private final AppraisalService appraisals;
    private final CouncilReview review;
    private final EvidenceReview evidence;
    private final CalendarService calendars;
    private final CurrentUser currentUser;

    AppraisalPages(AssessmentService assessments, AppraisalService appraisals, CouncilReview review,
                   EvidenceReview evidence, CalendarService calendars, CurrentUser currentUser) {
        this.assessments = assessments;
        this.appraisals = appraisals;
        this.review = review;
        this.evidence = evidence;
        this.calendars = calendars;
        this.currentUser = currentUser;
    }

    @GetMapping
    String show(@PathVariable long id, Model model) {
        return page(id, reviewer(), model, Map.of(), List.of());
    }

    /** "Lưu" stores the values; "Hoàn thành thẩm định" also concludes, when every change has its reason. */
    @PostMapping("/appraisal")
    String appraise(@PathVariable long id, @RequestParam Map<String, String> form,
                    @RequestParam(defaultValue = "save") String action, Model model, RedirectAttributes redirect) {
        DtiUser user = reviewer();
        boolean conclude = "complete".equals(action);
        try {
            Map<String, AppraisedItem> entered = entered(id, form);
            List<String> problems = conclude ? review.complete(id, entered, user) : review.save(id, entered, user);
            if (!problems.isEmpty()) {
                redirect.addFlashAttribute("warnings", problems);
                redirect.addFlashAttribute("notice", conclude
                        ? "Đã lưu điểm thẩm định, nhưng chưa hoàn thành: còn mục thiếu lý do điều chỉnh."
                        : "Đã lưu điểm thẩm định.");
            } else {
                redirect.addFlashAttribute("notice", conclude
                        ? "Đã hoàn thành thẩm định. Kết quả được ghi nhận vào quy trình."
                        : "Đã lưu điểm thẩm định.");
            }
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return page(id, user, model, form, List.of());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/council/assessments/" + id;
    }

    @PostMapping("/explanation")
    String requestExplanation(@PathVariable long id, @RequestParam(required = false) List<String> items,
                              @RequestParam(required = false) String question,
                              @RequestParam(required = false) String replyDays, Model model,
                              RedirectAttributes redirect) {
        DtiUser user = reviewer();
        try {
            review.requestExplanation(id, items, question, days(replyDays), user);
            redirect.addFlashAttribute("notice", "Đã gửi yêu cầu giải trình cho đơn vị.");
        } catch (InvalidInputException e) {
            model.addAttribute("explanationErrors", e.problems());
            model.addAttribute("typedQuestion", question);
            model.addAttribute("typedReplyDays", replyDays);
            return page(id, user, model, Map.of(), items == null ? List.of() : items);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/council/assessments/" + id;
    }

    /** The council's page: a unit's officer works on its own pages, not here. Reading is checked by the services. */
    private DtiUser reviewer() {
        DtiUser user = currentUser.get();
        if (user.role() == Role.UNIT_OFFICER) {
            throw new ForbiddenException("Trang thẩm định dành cho Hội đồng, Chủ tịch và quản trị viên");
        }
        return user;
    }

    private static Integer days(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("replyDays", "nhập số ngày là một số nguyên");
        }
    }

    /**
     * The appraised values the form changes: a filled score field whose points or reason differ from what is stored.
     * The form asks for points whatever the item's kind, as Tasklist's form does.
     */
    private Map<String, AppraisedItem> entered(long id, Map<String, String> form) {
        Assessment assessment = assessments.get(id);
        IndicatorSet set = assessments.setOf(assessment);
        Map<String, AssessmentItem> stored = storedItems(id);
        Map<String, AppraisedItem> entered = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (IndicatorNode leaf : set.leaves()) {
            String text = form.get("score-" + leaf.code());
            if (text == null || text.isBlank()) {
                continue;
            }
            BigDecimal points;
            try {
                points = VietnameseFormat.parseScore(text);
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("items." + leaf.code(), "'" + text.strip() + "' không phải là số"));
                continue;
            }
            String reason = blankToNull(form.get("reason-" + leaf.code()));
            AssessmentItem item = stored.get(leaf.code());
            if (item != null && item.getAppraisedEntry() != null
                    && Objects.equals(reason, blankToNull(item.getAppraisalReason()))
                    && sameNumber(ItemScorer.score(leaf, item.getAppraisedEntry()), points)) {
                continue;
            }
            if (leaf.kind() == ItemKind.YES_NO && points.signum() != 0 && points.compareTo(leaf.points()) != 0) {
                problems.add(new FieldProblem("items." + leaf.code(), "mục có/không: chỉ 0 hoặc "
                        + VietnameseFormat.input(leaf.points()) + " điểm"));
                continue;
            }
            // The version the page was read on: another member's save since then is refused (409), not overwritten.
            entered.put(leaf.code(), AppraisalWorkers.fromPoints(leaf, points, reason)
                    .onVersion(version(form.get("version-" + leaf.code()))));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return entered;
    }

    private static Long version(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("version", "'" + text.strip() + "' không phải là số phiên bản");
        }
    }

    private String page(long id, DtiUser user, Model model, Map<String, String> typed, List<String> typedItems) {
        Assessment assessment = assessments.readable(id, user);
        Unit unit = assessments.unitOf(assessment);
        IndicatorSet set = assessments.setOf(assessment);
        CycleCalendar calendar = calendars.calendar(assessment.getCycleId());
        Map<String, AssessmentItem> stored = storedItems(id);
        List<EvidenceReview.Document> documents = evidence.documents(id, user);
        List<EvidenceReview.Check> checks = evidence.checks(id, user);
        Map<String, List<String>> errors = new HashMap<>();
        if (model.getAttribute("errors") instanceof List<?> problems) {
            problems.forEach(p -> {
                FieldProblem problem = (FieldProblem) p;
                String code = problem.field().replaceFirst("^items\\.", "")
                        .replaceFirst("\\.(points|percent|met)$", "");
                errors.computeIfAbsent(code, k -> new ArrayList<>()).add(problem.reason());
            });
        }
        Map<String, String> names = new LinkedHashMap<>();
        set.leaves().forEach(leaf -> names.put(leaf.code(), leaf.name()));

        List<ItemView> items = new ArrayList<>();
        BigDecimal selfTotal = BigDecimal.ZERO;
        BigDecimal finalTotal = BigDecimal.ZERO;
        for (Leaf leaf : leaves(set)) {
            IndicatorNode node = leaf.node();
            AssessmentItem item = stored.get(node.code());
            ItemEntry self = item == null ? null : item.getSelfEntry();
            ItemEntry appraised = item == null ? null : item.getAppraisedEntry();
            BigDecimal selfScore = ItemScorer.score(node, self);
            BigDecimal appraisedScore = appraised == null ? null : ItemScorer.score(node, appraised);
            BigDecimal finalScore = appraised == null ? selfScore : appraisedScore;
            selfTotal = selfTotal.add(selfScore == null ? BigDecimal.ZERO : selfScore);
            finalTotal = finalTotal.add(finalScore == null ? BigDecimal.ZERO : finalScore);
            List<EvidenceReview.Document> files = documents.stream()
                    .filter(d -> d.itemCode().equals(node.code())).toList();
            List<String> namedOnly = item == null ? List.of() : item.getEvidence().stream()
                    .filter(name -> name != null && !name.isBlank()
                            && files.stream().noneMatch(d -> d.fileName().equals(name))).toList();
            String scoreInput = typed.containsKey("score-" + node.code()) ? typed.get("score-" + node.code())
                    : appraised == null ? "" : VietnameseFormat.input(appraisedScore);
            String reasonInput = typed.containsKey("reason-" + node.code()) ? typed.get("reason-" + node.code())
                    : item == null || item.getAppraisalReason() == null ? "" : item.getAppraisalReason();
            String versionInput = typed.containsKey("version-" + node.code()) ? typed.get("version-" + node.code())
                    : String.valueOf(item == null ? 0 : item.getVersion());
            items.add(new ItemView(node.code(), node.name(), leaf.section(), kindLabel(node.kind()),
                    VietnameseFormat.score(node.points()), describe(node, self),
                    self != null && self.notApplicable() ? "Không áp dụng" : VietnameseFormat.score(selfScore),
                    appraised == null ? "-" : appraised.notApplicable() ? "Không áp dụng"
                            : VietnameseFormat.score(appraisedScore),
                    finalScore == null ? "Không áp dụng" : VietnameseFormat.score(finalScore),
                    appraised != null && !Objects.equals(selfScore == null ? null : selfScore.stripTrailingZeros(),
                            appraisedScore == null ? null : appraisedScore.stripTrailingZeros()),
                    item == null ? null : item.getExplanation(),
                    files.stream().map(AppraisalPages::documentView).toList(), namedOnly,
                    checks.stream().filter(c -> c.items().contains(node.code())).toList(),
                    node.kind() == ItemKind.YES_NO, VietnameseFormat.input(node.points()),
                    selfScore == null ? "" : VietnameseFormat.input(selfScore), scoreInput, reasonInput,
                    item == null ? null : item.getAppraisedBy(), errors.getOrDefault(node.code(), List.of()),
                    versionInput));
        }

        List<ExplanationRequest> requests = appraisals.requests(id);
        boolean council = AssessmentAccess.canAppraise(user, unit);
        boolean submitted = assessment.getStatus() == AssessmentStatus.SUBMITTED;
        boolean reviewOpen = council && review.reviewTask(id, user).isPresent();
        boolean draftRequest = council && !reviewOpen && review.draftRequestTask(id, user).isPresent();
        model.addAttribute("assessment", assessment);
        model.addAttribute("unit", unit);
        model.addAttribute("set", set);
        model.addAttribute("statusLabel", assessment.getStatus().label());
        model.addAttribute("submittedAt", VietnameseFormat.dateTime(assessment.getSubmittedAt()));
        model.addAttribute("appraisedAt", VietnameseFormat.dateTime(assessment.getAppraisedAt()));
        model.addAttribute("appraisalEnd", VietnameseFormat.date(calendar.appraisalEnd().toLocalDate()));
        model.addAttribute("items", items);
        model.addAttribute("checks", checks);
        model.addAttribute("selfTotal", VietnameseFormat.score(selfTotal));
        model.addAttribute("finalTotal", VietnameseFormat.score(finalTotal));
        model.addAttribute("scale", VietnameseFormat.score(set.scale()));
        model.addAttribute("explanations", requests.stream().map(r -> explanationView(r, names)).toList());
        model.addAttribute("waitingForUnit", requests.stream()
                .anyMatch(r -> r.getStatus() == ExplanationRequest.Status.OPEN));
        model.addAttribute("canEdit", council && submitted);
        model.addAttribute("reviewOpen", reviewOpen);
        model.addAttribute("draftRequest", draftRequest);
        model.addAttribute("defaultReplyDays", calendar.explanationReplyTime().toDays());
        model.addAttribute("itemOptions", names);
        model.addAttribute("typedItems", typedItems);
        return "council/review";
    }

    private Map<String, AssessmentItem> storedItems(long id) {
        Map<String, AssessmentItem> stored = new HashMap<>();
        assessments.items(id).forEach(item -> stored.put(item.getItemCode(), item));
        return stored;
    }

    /** A leaf and the heading it sits under: its parent's code and name (none for a top-level leaf). */
    private record Leaf(IndicatorNode node, String section) {
    }

    private static List<Leaf> leaves(IndicatorSet set) {
        List<Leaf> leaves = new ArrayList<>();
        set.items().forEach(item -> collect(item, null, leaves));
        return leaves;
    }

    private static void collect(IndicatorNode node, IndicatorNode parent, List<Leaf> into) {
        if (node.isLeaf()) {
            into.add(new Leaf(node, parent == null ? null : parent.code() + ". " + parent.name()));
        } else {
            node.children().forEach(child -> collect(child, node, into));
        }
    }

    public record ItemView(String code, String name, String section, String kind, String max, String selfEntry,
                           String selfScore, String appraisedScore, String finalScore, boolean changed,
                           String explanation, List<DocumentView> documents, List<String> namedOnly,
                           List<EvidenceReview.Check> checks, boolean yesNo, String maxInput, String selfInput,
                           String scoreInput, String reasonInput, String appraisedBy, List<String> errors,
                           String versionInput) {
    }

    /** {@code pages}: the numbers of the pages shown as pictures (a PDF's first pages). */
    public record DocumentView(String sha256, String fileName, String description, boolean noText, String excerpt,
                               String rest, boolean truncated, boolean image, List<Integer> pages, Integer pageCount) {
    }

    public record ExplanationView(String requestedAt, String requestedBy, List<String> items, String question,
                                  String replyDeadline, String status, String answer,
                                  String answeredAt, String answeredBy, List<String> evidence) {
    }

    private static DocumentView documentView(EvidenceReview.Document d) {
        String text = d.text() == null ? "" : d.text().strip();
        int cut = Math.min(EXCERPT, text.length());
        if (cut < text.length() && Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        List<String> about = new ArrayList<>();
        about.add(typeLabel(d.mediaType()));
        about.add(d.sizeText());
        if (d.kind() != null || d.number() != null || d.date() != null) {
            about.add(String.join(" ", Stream.of(d.kind(),
                    d.number() == null ? null : "số " + d.number(),
                    d.date() == null ? null : "ngày " + VietnameseFormat.date(d.date()))
                    .filter(Objects::nonNull).toList()));
        }
        if (d.pageCount() != null) {
            about.add(d.pageCount() + " trang");
        }
        if (d.ocr()) {
            about.add("chữ đọc bằng OCR");
        }
        return new DocumentView(d.sha256(), d.fileName(), String.join(" · ", about), d.noText() || text.isEmpty(),
                text.substring(0, cut), text.substring(cut), d.textLength() > EvidenceReview.TEXT_SHOWN, d.image(),
                IntStream.rangeClosed(1, d.pagesShown()).boxed().toList(), d.pageCount());
    }

    private static ExplanationView explanationView(ExplanationRequest r, Map<String, String> names) {
        return new ExplanationView(VietnameseFormat.dateTime(r.getRequestedAt()), r.getRequestedBy(),
                r.getItemCodes().stream().map(code -> code + ". " + names.getOrDefault(code, "")).toList(),
                r.getQuestion(), VietnameseFormat.dateTime(r.getReplyDeadline()), switch (r.getStatus()) {
                    case OPEN -> "Chờ đơn vị trả lời";
                    case ANSWERED -> "Đơn vị đã giải trình";
                    case UNANSWERED -> "Quá hạn, đơn vị không trả lời";
                }, r.getAnswer(),
                VietnameseFormat.dateTime(r.getAnsweredAt()), r.getAnsweredBy(), r.getAnswerEvidence());
    }

    /** What the unit entered, in words: "Có", "80/100", "75%", "50 điểm". */
    private static String describe(IndicatorNode node, ItemEntry entry) {
        if (entry == null || (!entry.hasValue() && !entry.notApplicable())) {
            return "Chưa nhập";
        }
        if (entry.notApplicable()) {
            return "Không áp dụng";
        }
        return switch (node.kind()) {
            case YES_NO -> entry.met() ? "Có" : "Không";
            case RATIO -> entry.percent() != null ? VietnameseFormat.input(entry.percent()) + "%"
                    : VietnameseFormat.input(entry.numerator()) + "/" + VietnameseFormat.input(entry.denominator());
            case POINTS -> VietnameseFormat.input(entry.points()) + " điểm";
        };
    }

    private static String kindLabel(ItemKind kind) {
        return switch (kind) {
            case YES_NO -> "có/không";
            case RATIO -> "tỷ lệ";
            case POINTS -> "chấm điểm";
        };
    }

    private static String typeLabel(String mediaType) {
        String type = mediaType.toLowerCase();
        if (type.startsWith("application/pdf")) return "PDF";
        if (type.startsWith("image/png")) return "Ảnh PNG";
        if (type.startsWith("image/jpeg")) return "Ảnh JPEG";
        if (type.startsWith("text/plain")) return "Văn bản";
        if (type.contains("wordprocessingml") || type.contains("msword") || type.contains("opendocument.text")) {
            return "Văn bản Word";
        }
        if (type.contains("spreadsheet") || type.contains("ms-excel")) return "Bảng tính";
        if (type.contains("presentation")) return "Trình chiếu";
        return mediaType;
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
