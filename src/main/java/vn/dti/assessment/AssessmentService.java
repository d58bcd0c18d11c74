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
     * value is checked against its item; nothing is saved if one is wrong. Each change is audited.
     */
    public void selfAssess(long id, Map<String, Object> generalInfo, Map<String, SelfItem> entered, DtiUser user,
                           Instant now) {
        Assessment assessment = get(id);
        Unit unit = unitOf(assessment);
        if (!AssessmentAccess.canSelfAssess(user, unit)) {
            throw new ForbiddenException("Chỉ cán bộ của " + unit.getName() + " được tự đánh giá phiếu này");
        }
        if (assessment.getStatus() != AssessmentStatus.OPEN) {
            throw new ConflictException("Phiếu đã " + statusLabel(assessment.getStatus()) + ", không sửa được nữa");
        }
        store(assessment, generalInfo, entered, user.username(), now);
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
        Map<String, AssessmentItem> existing = new HashMap<>();
        items.findByAssessmentId(assessment.getId()).forEach(item -> existing.put(item.getItemCode(), item));
        given.forEach((code, item) -> {
            AssessmentItem row = existing.getOrDefault(code, new AssessmentItem(assessment.getId(), code));
            SelfItem before = row.getSelfEntry() == null ? null : toSelfItem(row);
            // Evidence left out of the request keeps what the item has: uploaded files are named there.
            row.selfAssess(item.entry(), item.explanation(),
                    item.evidence() == null ? row.getEvidence() : item.evidenceOrEmpty(), by, now);
            items.save(row);
            audit.record(now, by, "assessment.self-score", "assessment", assessment.getId() + "/" + code, before, item);
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
        Assessment assessment = get(id);
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
        Assessment assessment = get(id);
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
        Map<String, AssessmentItem> existing = new HashMap<>();
        items.findByAssessmentId(id).forEach(item -> existing.put(item.getItemCode(), item));
        appraised.forEach((code, item) -> {
            AssessmentItem row = existing.getOrDefault(code, new AssessmentItem(id, code));
            Map<String, Object> before = new HashMap<>();
            before.put("appraised", row.getAppraisedEntry());
            before.put("reason", row.getAppraisalReason());
            row.appraise(item.entry(), item.reason(), user.username(), now);
            items.save(row);
            audit.record(now, user.username(), "appraisal.score", "assessment", id + "/" + code, before, item);
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

    static SelfItem toSelfItem(AssessmentItem item) {
        var entry = item.getSelfEntry();
        return new SelfItem(entry.met(), entry.numerator(), entry.denominator(), entry.percent(), entry.points(),
                entry.notApplicable(), item.getExplanation(), item.getEvidence());
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
