package vn.dti.assessment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dti.framework.AuditLog;
import vn.dti.framework.ConflictException;
import vn.dti.framework.FieldProblem;
import vn.dti.framework.ForbiddenException;
import vn.dti.framework.InvalidInputException;
import vn.dti.framework.NotFoundException;
import vn.dti.framework.VietnameseFormat;
import vn.dti.indicator.IndicatorNode;
import vn.dti.indicator.IndicatorSet;
import vn.dti.indicator.IndicatorSetCatalog;
import vn.dti.scoring.GroupScoring;
import vn.dti.scoring.ItemColumns;
import vn.dti.scoring.ItemEntry;
import vn.dti.scoring.ItemScorer;
import vn.dti.scoring.UnitSheet;
import vn.dti.security.DtiUser;
import vn.dti.unit.Unit;
import vn.dti.unit.UnitCatalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Assessments: opened with a cycle, self-assessed by the unit, checked at submission, closed at the deadline. */
@Service
@Transactional
public class AssessmentService {

    private static final Logger log = LoggerFactory.getLogger(AssessmentService.class);

    private final AssessmentRepository assessments;
    private final AssessmentItemRepository items;
    private final NotificationRepository notifications;
    private final IndicatorSetCatalog indicatorSets;
    private final UnitCatalog units;
    private final AuditLog audit;
    private final UploadedEvidence uploadedEvidence;

    AssessmentService(AssessmentRepository assessments, AssessmentItemRepository items,
                      NotificationRepository notifications, IndicatorSetCatalog indicatorSets, UnitCatalog units,
                      AuditLog audit, UploadedEvidence uploadedEvidence) {
        this.uploadedEvidence = uploadedEvidence;
        this.assessments = assessments;
        this.items = items;
        this.notifications = notifications;
        this.indicatorSets = indicatorSets;
        this.units = units;
        this.audit = audit;
    }

    /** One assessment per unit of the cycle; a second call (a job delivered twice) creates nothing more. */
    public List<Long> open(long cycleId, String indicatorSetId, List<String> unitCodes) {
        List<Long> ids = new ArrayList<>();
        for (String unitCode : unitCodes) {
            Assessment assessment = assessments.findByCycleIdAndUnitCode(cycleId, unitCode)
                    .orElseGet(() -> assessments.save(new Assessment(cycleId, unitCode, indicatorSetId)));
            ids.add(assessment.getId());
        }
        return ids;
    }

    @Transactional(readOnly = true)
    public Assessment get(long id) {
        return assessments.findById(id).orElseThrow(() -> new NotFoundException("Không có phiếu đánh giá số " + id));
    }

    @Transactional(readOnly = true)
    public List<Assessment> ofCycle(long cycleId) {
        return assessments.findByCycleIdOrderById(cycleId);
    }

    /** A unit's assessments, one per cycle it took part in, the latest first. */
    @Transactional(readOnly = true)
    public List<Assessment> ofUnit(String unitCode) {
        return assessments.findByUnitCodeOrderByIdDesc(unitCode);
    }

    @Transactional(readOnly = true)
    public List<AssessmentItem> items(long assessmentId) {
        return items.findByAssessmentId(assessmentId);
    }

    public Unit unitOf(Assessment assessment) {
        return units.unit(assessment.getUnitCode()).orElseThrow();
    }

    public IndicatorSet setOf(Assessment assessment) {
        return indicatorSets.get(assessment.getIndicatorSetId()).orElseThrow();
    }

    /** For reading: the assessment if the user may see it. */
    @Transactional(readOnly = true)
    public Assessment readable(long id, DtiUser user) {
        Assessment assessment = get(id);
        if (!AssessmentAccess.canRead(user, unitOf(assessment))) {
            throw new ForbiddenException("Bạn không được xem phiếu đánh giá của " + unitOf(assessment).getName());
        }
        return assessment;
    }

    public void attachProcess(long id, long processInstanceKey) {
        get(id).attachProcess(processInstanceKey);
    }

    /**
     * Saves what the unit's officer entered (as one types: the items given replace theirs, the others stay). Every
     * value is checked against its item; nothing is saved if one is wrong, or if one was entered on an older version
     * of its item than the one stored (409 with what the item holds now). Each change is audited with what it
     * replaced.
     */
    public void selfAssess(long id, Map<String, Object> generalInfo, Map<String, SelfItem> entered, DtiUser user,
                           Instant now) {
        Assessment assessment = lockedForSave(id);
        Unit unit = unitOf(assessment);
        if (!AssessmentAccess.canSelfAssess(user, unit)) {
            throw new ForbiddenException("Chỉ cán bộ của " + unit.getName() + " được tự đánh giá phiếu này");
        }
        if (assessment.getStatus() != AssessmentStatus.OPEN) {
            throw new ConflictException("Phiếu đã " + statusLabel(assessment.getStatus()) + ", không sửa được nữa");
        }
        store(assessment, generalInfo, entered, user.username(), now);
    }

    /** The assessment, locked till the commit: its saves follow each other, each reading what the last one left. */
    private Assessment lockedForSave(long id) {
        return assessments.findForUpdate(id).orElseThrow(() -> new NotFoundException("Không có phiếu đánh giá số " + id));
    }

    /**
     * The rows of the items, created if missing (a parallel first save waits for the other's row instead of failing
     * on the key) and locked till the commit, by code; refused with 409 when an entry names an older version than
     * its row holds.
     */
    private Map<String, AssessmentItem> lockedRows(long id, Map<String, Long> versions) {
        List<String> codes = versions.keySet().stream().sorted().toList();
        codes.forEach(code -> items.insertIfMissing(id, code));
        Map<String, AssessmentItem> rows = new LinkedHashMap<>();
        items.findForUpdate(id, codes).forEach(row -> rows.put(row.getItemCode(), row));
        List<Map<String, Object>> conflicts = new ArrayList<>();
        versions.forEach((code, version) -> {
            AssessmentItem row = rows.get(code);
            if (version != null && version != row.getVersion()) {
                conflicts.add(current(row, version));
            }
        });
        if (!conflicts.isEmpty()) {
            throw new ConflictException(conflicts.stream()
                    .map(c -> "mục " + c.get("item") + " đã được " + c.get("savedBy") + " lưu lúc " + c.get("savedAtText")
                            + " (phiên bản " + c.get("version") + ", bạn sửa trên phiên bản " + c.get("yourVersion") + ")")
                    .collect(Collectors.joining("; ", "Không lưu được: ", ". Hãy xem giá trị hiện tại rồi nhập lại.")),
                    Map.of("conflicts", conflicts));
        }
        return rows;
    }

    /** What an item holds now, for the person whose save came on an older version of it. */
    private static Map<String, Object> current(AssessmentItem row, long yourVersion) {
        boolean appraised = row.getAppraisedAt() != null
                && (row.getSelfAt() == null || row.getAppraisedAt().isAfter(row.getSelfAt()));
        Map<String, Object> current = new LinkedHashMap<>();
        current.put("item", row.getItemCode());
        current.put("version", row.getVersion());
        current.put("yourVersion", yourVersion);
        current.put("self", row.getSelfEntry() == null ? null : toSelfItem(row));
        current.put("appraised", row.getAppraisedEntry() == null ? null : toAppraisedItem(row));
        current.put("savedBy", appraised ? row.getAppraisedBy() : row.getSelfBy());
        current.put("savedAtText", VietnameseFormat.dateTime(appraised ? row.getAppraisedAt() : row.getSelfAt()));
        return current;
    }

    private void store(Assessment assessment, Map<String, Object> generalInfo, Map<String, SelfItem> entered,
                       String by, Instant now) {
        IndicatorSet set = setOf(assessment);
        Map<String, IndicatorNode> nodes = set.nodesByCode();
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, SelfItem> given = entered == null ? Map.of() : entered;
        given.forEach((code, item) -> {
            IndicatorNode node = nodes.get(code);
            String field = "items." + code;
            if (node == null || !node.isLeaf()) {
                problems.add(new FieldProblem(field, node == null ? "không có mục mã " + code + " trong bộ chỉ số "
                        + set.id() : "mục " + code + " có mục con; chỉ chấm điểm các mục lá"));
                return;
            }
            if (item == null) {
                problems.add(new FieldProblem(field, "thiếu nội dung"));
                return;
            }
            ItemScorer.problem(node, item.entry(), field).ifPresent(problems::add);
            notApplicableRefused(set, item.entry(), field).ifPresent(problems::add);
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (generalInfo != null) {
            audit.record(now, by, "assessment.general-info", "assessment", assessment.getId().toString(),
                    assessment.getGeneralInfo(), generalInfo);
            assessment.setGeneralInfo(generalInfo);
        }
        Map<String, Long> versions = new HashMap<>();
        given.forEach((code, item) -> versions.put(code, item.version()));
        Map<String, AssessmentItem> rows = lockedRows(assessment.getId(), versions);
        given.forEach((code, item) -> {
            AssessmentItem row = rows.get(code);
            SelfItem before = row.getSelfEntry() == null ? null : toSelfItem(row);
            // Evidence left out of the request keeps what the item has: uploaded files are named there.
            row.selfAssess(item.entry(), item.explanation(),
                    item.evidence() == null ? row.getEvidence() : item.evidenceOrEmpty(), by, now);
            audit.record(now, by, "assessment.self-score", "assessment", assessment.getId() + "/" + code, before,
                    toSelfItem(row));
        });
    }

    /** A not-applicable entry where the set's profile states no such rule (then every item is scored). */
    private static Optional<FieldProblem> notApplicableRefused(IndicatorSet set, ItemEntry entry, String field) {
        return entry.notApplicable() && !set.profile().notApplicable().stated()
                ? Optional.of(new FieldProblem(field, GroupScoring.notApplicableNotStated(set))) : Optional.empty();
    }

    /** The assessment to which this user may add evidence now: the unit's own officer's, while it is open. */
    @Transactional(readOnly = true)
    public Assessment openForEvidence(long id, DtiUser user) {
        Assessment assessment = get(id);
        Unit unit = unitOf(assessment);
        if (!AssessmentAccess.canSelfAssess(user, unit)) {
            throw new ForbiddenException("Chỉ cán bộ của " + unit.getName()
                    + " được nộp tài liệu kiểm chứng cho phiếu này");
        }
        requireOpenForEvidence(assessment);
        return assessment;
    }

    /**
     * Names uploaded evidence files on an item, for the submission check to read; a name already there is not added
     * twice. Each name added is audited, in the caller's transaction: the upload and its names stand or fall together.
     */
    public void addEvidence(long id, String itemCode, List<String> fileNames, String by, Instant now) {
        requireOpenForEvidence(get(id));
        items.insertIfMissing(id, itemCode);
        List<String> added = items.evidenceNotListed(id, itemCode, fileNames.stream().distinct()
                .toArray(String[]::new));
        if (added.isEmpty()) {
            return;
        }
        items.appendEvidence(id, itemCode, added.toArray(String[]::new));
        // The names added, one record each, not the whole list before and after: an item with many files would log
        // them all each time.
        audit.recordAll(now, by, "assessment.evidence", "assessment", added.stream()
                .map(name -> new AuditLog.Change(id + "/" + itemCode, null, Map.of("added", name))).toList());
    }

    private static void requireOpenForEvidence(Assessment assessment) {
        if (assessment.getStatus() != AssessmentStatus.OPEN) {
            throw new ConflictException("Phiếu đã " + statusLabel(assessment.getStatus())
                    + ", không bổ sung tài liệu kiểm chứng được nữa");
        }
    }

    /** The reasons the assessment may not be submitted yet (empty: it may). */
    @Transactional(readOnly = true)
    public List<String> submissionProblems(long id) {
        Assessment assessment = get(id);
        Map<String, SubmissionCheck.Entered> entered = new LinkedHashMap<>();
        items.findByAssessmentId(id).forEach(item -> entered.put(item.getItemCode(),
                new SubmissionCheck.Entered(item.getSelfEntry(), item.getExplanation())));
        return SubmissionCheck.problems(setOf(assessment), entered, uploadedEvidence.fileNames(id));
    }

    /**
     * Entries that arrive with the completion of a Tasklist form (production mode), as the form's rows; stored like
     * entries typed in our own pages, by the unit's group.
     */
    public void storeFormRows(long id, List<Map<String, Object>> rows, String by, Instant now) {
        Map<String, SelfItem> entered = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            if (FormRows.filled(row)) {
                entered.put(String.valueOf(row.get("code")), FormRows.selfItem(row));
            }
        }
        Assessment assessment = lockedForSave(id);
        if (assessment.getStatus() == AssessmentStatus.OPEN) {
            store(assessment, null, entered, by, now);
        }
    }

    /** Idempotent: a submitted assessment stays submitted. */
    public boolean markSubmitted(long id, Instant now) {
        Assessment assessment = get(id);
        if (assessment.getStatus() != AssessmentStatus.OPEN) {
            return false;
        }
        assessment.submitted(now);
        audit.record(now, "hệ thống", "assessment.submitted", "assessment", assessment.getId().toString(), null,
                Map.of("status", AssessmentStatus.SUBMITTED));
        return true;
    }

    /** At the deadline: an assessment still open did not report; one already submitted is left as it is. */
    public boolean closeUnreported(long id, Instant now) {
        Assessment assessment = get(id);
        if (assessment.getStatus() != AssessmentStatus.OPEN) {
            return false;
        }
        assessment.notReported(now);
        audit.record(now, "hệ thống", "assessment.not-reported", "assessment", assessment.getId().toString(), null,
                Map.of("status", AssessmentStatus.NOT_REPORTED));
        return true;
    }

    /**
     * The council's appraised values: checked like self-scores, stored with who and why, each audited. Only the
     * council that appraises this unit, while the unit's assessment is submitted.
     */
    public void appraise(long id, Map<String, AppraisedItem> appraised, DtiUser user, Instant now) {
        Assessment assessment = lockedForSave(id);
        Unit unit = unitOf(assessment);
        if (!AssessmentAccess.canAppraise(user, unit)) {
            throw new ForbiddenException("Chỉ Hội đồng thẩm định của " + unit.getName() + " được nhập điểm thẩm định");
        }
        if (assessment.getStatus() != AssessmentStatus.SUBMITTED) {
            throw new ConflictException("Phiếu đang ở trạng thái " + statusLabel(assessment.getStatus())
                    + ": chỉ thẩm định phiếu đã nộp");
        }
        IndicatorSet set = setOf(assessment);
        Map<String, IndicatorNode> nodes = set.nodesByCode();
        List<FieldProblem> problems = new ArrayList<>();
        appraised.forEach((code, item) -> {
            IndicatorNode node = nodes.get(code);
            if (node == null || !node.isLeaf()) {
                problems.add(new FieldProblem("items." + code, "không có mục lá mã " + code));
            } else if (item == null) {
                problems.add(new FieldProblem("items." + code, "thiếu nội dung"));
            } else {
                ItemScorer.problem(node, item.entry(), "items." + code).ifPresent(problems::add);
                notApplicableRefused(set, item.entry(), "items." + code).ifPresent(problems::add);
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, Long> versions = new HashMap<>();
        appraised.forEach((code, item) -> versions.put(code, item.version()));
        Map<String, AssessmentItem> rows = lockedRows(id, versions);
        appraised.forEach((code, item) -> {
            AssessmentItem row = rows.get(code);
            Map<String, Object> before = new HashMap<>();
            before.put("appraised", row.getAppraisedEntry());
            before.put("reason", row.getAppraisalReason());
            before.put("version", row.getVersion());
            row.appraise(item.entry(), item.reason(), user.username(), now);
            audit.record(now, user.username(), "appraisal.score", "assessment", id + "/" + code, before,
                    toAppraisedItem(row));
        });
    }

    /** Every appraised value that differs from the self-score needs its reason (issue: "with a reason for every change"). */
    @Transactional(readOnly = true)
    public List<String> appraisalProblems(long id) {
        IndicatorSet set = setOf(get(id));
        List<String> problems = new ArrayList<>();
        for (AssessmentItem item : items.findByAssessmentId(id)) {
            if (item.getAppraisedEntry() == null) {
                continue;
            }
            IndicatorNode leaf = set.find(item.getItemCode()).orElseThrow();
            var self = ItemScorer.score(leaf, item.getSelfEntry());
            var appraisedScore = ItemScorer.score(leaf, item.getAppraisedEntry());
            boolean changed = self == null ? appraisedScore != null
                    : appraisedScore == null || self.compareTo(appraisedScore) != 0;
            if (changed && (item.getAppraisalReason() == null || item.getAppraisalReason().isBlank())) {
                problems.add("Mục " + leaf.code() + " (" + leaf.name() + "): điểm thẩm định khác điểm tự đánh giá"
                        + " nhưng chưa ghi lý do điều chỉnh.");
            }
        }
        return problems;
    }

    public void markAppraised(long id, Instant now) {
        Assessment assessment = get(id);
        if (assessment.getStatus() == AssessmentStatus.SUBMITTED) {
            assessment.appraised(now);
            audit.record(now, "hệ thống", "assessment.appraised", "assessment", assessment.getId().toString(), null,
                    Map.of("status", AssessmentStatus.APPRAISED));
        }
    }

    /** Logs and keeps a reminder; the same reminder (same due time) is kept once however often the job runs. */
    public void remind(long id, Instant dueAt, String deadlineText, Instant now) {
        Assessment assessment = get(id);
        if (assessment.getStatus() != AssessmentStatus.OPEN) {
            return;
        }
        Unit unit = unitOf(assessment);
        String message = unit.getName() + ": hạn nộp phiếu tự đánh giá chỉ số chuyển đổi số là " + deadlineText
                + ". Phiếu chưa được nộp.";
        if (notifications.insertOnce(id, "REMINDER", message, dueAt, now) > 0) {
            log.info("Nhắc hạn: {}", message);
        }
    }

    @Transactional(readOnly = true)
    public List<Notification> notifications(long id) {
        return notifications.findByAssessmentIdOrderById(id);
    }

    /** The cycle's entries as the scoring engine takes them: self-assessed and appraised columns per item. */
    @Transactional(readOnly = true)
    public List<UnitSheet> sheets(long cycleId) {
        List<Assessment> all = assessments.findByCycleIdOrderById(cycleId);
        Map<Long, Map<String, ItemColumns>> columns = new HashMap<>();
        items.findByAssessmentIdIn(all.stream().map(Assessment::getId).toList()).forEach(item ->
                columns.computeIfAbsent(item.getAssessmentId(), k -> new LinkedHashMap<>()).put(item.getItemCode(),
                        new ItemColumns(item.getSelfEntry(), item.getAppraisedEntry(), null)));
        List<UnitSheet> sheets = new ArrayList<>();
        for (Assessment assessment : all) {
            Unit unit = unitOf(assessment);
            sheets.add(assessment.getStatus().reported()
                    ? new UnitSheet(unit.getCode(), unit.getName(), true, columns.getOrDefault(assessment.getId(), Map.of()))
                    : UnitSheet.notReported(unit.getCode(), unit.getName()));
        }
        return sheets;
    }

    /** The unit's entry as the item holds it, with the item's version. */
    static SelfItem toSelfItem(AssessmentItem item) {
        var entry = item.getSelfEntry();
        return new SelfItem(entry.met(), entry.numerator(), entry.denominator(), entry.percent(), entry.points(),
                entry.notApplicable(), item.getExplanation(), item.getEvidence(), item.getVersion());
    }

    /** The council's entry as the item holds it (no value yet: only the reason), with the item's version. */
    static AppraisedItem toAppraisedItem(AssessmentItem item) {
        var entry = item.getAppraisedEntry();
        return entry == null ? new AppraisedItem(null, null, null, null, null, null, item.getAppraisalReason(),
                item.getVersion())
                : new AppraisedItem(entry.met(), entry.numerator(), entry.denominator(), entry.percent(), entry.points(),
                entry.notApplicable(), item.getAppraisalReason(), item.getVersion());
    }

    static String statusLabel(AssessmentStatus status) {
        return switch (status) {
            case OPEN -> "mở";
            case SUBMITTED -> "nộp";
            case NOT_REPORTED -> "đóng do không báo cáo";
            case APPRAISED -> "được thẩm định";
        };
    }
}
