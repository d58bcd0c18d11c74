package vn.dti.appraisal;

import org.springframework.stereotype.Service;
import vn.dti.assessment.AppraisedItem;
import vn.dti.assessment.Assessment;
import vn.dti.assessment.AssessmentAccess;
import vn.dti.assessment.AssessmentService;
import vn.dti.assessment.AssessmentStatus;
import vn.dti.framework.ConflictException;
import vn.dti.framework.FieldProblem;
import vn.dti.framework.ForbiddenException;
import vn.dti.framework.InvalidInputException;
import vn.dti.framework.VietnameseFormat;
import vn.dti.indicator.IndicatorSet;
import vn.dti.security.DtiUser;
import vn.dti.unit.Unit;
import vn.dti.workflow.EngineClock;
import vn.dti.workflow.ProcessModel.Appraisal;
import vn.dti.workflow.UserTasks;
import vn.dti.workflow.UserTask;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The council's decisions on one unit, as its review page takes them. Each completes the council's open task of the
 * unit's appraisal with the variables its form gives in Tasklist ({@code council-appraisal}, then
 * {@code explanation-request}), so the process goes on as it would from there. Only the council that appraises the
 * unit, while the unit's assessment waits for it.
 */
@Service
public class CouncilReview {

    /** How long the next task of the appraisal may take to appear once the review task is completed. */
    private static final Duration NEXT_TASK = Duration.ofSeconds(30);
    /** How long a decision waits for the worker after the task to record it, so that the page shows it recorded. */
    private static final Duration RECORDING = Duration.ofSeconds(15);
    private static final int MAX_REPLY_DAYS = 60;

    private final AssessmentService assessments;
    private final AppraisalService appraisals;
    private final UserTasks tasks;
    private final EngineClock clock;

    CouncilReview(AssessmentService assessments, AppraisalService appraisals, UserTasks tasks, EngineClock clock) {
        this.assessments = assessments;
        this.appraisals = appraisals;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** The council's review task of this assessment, if it is the council's turn to decide. */
    public Optional<UserTask> reviewTask(long assessmentId, DtiUser user) {
        return tasks.find(user, Appraisal.COUNCIL_REVIEW, UserTasks.having("assessmentId", assessmentId));
    }

    /** A request for explanation decided on but not yet written (in Tasklist, or a page that stopped halfway). */
    public Optional<UserTask> draftRequestTask(long assessmentId, DtiUser user) {
        return tasks.find(user, Appraisal.REQUEST_EXPLANATION, UserTasks.having("assessmentId", assessmentId));
    }

    /**
     * Asks the unit to explain the items: completes the review with {@code decision = request-explanation}, then the
     * request task with {@code explanationItems}, {@code explanationQuestion} and {@code replyDays} (null: the
     * calendar's reply time). Everything is checked before the first task is completed.
     */
    public void requestExplanation(long assessmentId, List<String> itemCodes, String question, Integer replyDays,
                                   DtiUser user) {
        Assessment assessment = appraisedBy(assessmentId, user);
        IndicatorSet set = assessments.setOf(assessment);
        List<FieldProblem> problems = new ArrayList<>();
        List<String> items = itemCodes == null ? List.of() : List.copyOf(new LinkedHashSet<>(itemCodes));
        if (items.isEmpty()) {
            problems.add(new FieldProblem("items", "chọn ít nhất một mục cần giải trình"));
        }
        items.stream().filter(code -> set.find(code).filter(node -> node.isLeaf()).isEmpty())
                .forEach(code -> problems.add(new FieldProblem("items", "không có mục lá mã " + code)));
        if (question == null || question.isBlank()) {
            problems.add(new FieldProblem("question", "ghi rõ nội dung cần đơn vị giải trình"));
        }
        if (replyDays != null && (replyDays < 1 || replyDays > MAX_REPLY_DAYS)) {
            problems.add(new FieldProblem("replyDays", "số ngày trả lời từ 1 đến " + MAX_REPLY_DAYS));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        UserTask request = draftRequestTask(assessmentId, user).orElseGet(() -> {
            UserTask review = reviewTask(assessmentId, user).orElseThrow(() -> notTheCouncilsTurn(assessmentId, user));
            tasks.complete(review.key(), Map.of("decision", "request-explanation"), user);
            return tasks.await(user, Appraisal.REQUEST_EXPLANATION, UserTasks.having("assessmentId", assessmentId),
                    NEXT_TASK).orElseThrow(() -> new ConflictException("Quy trình chưa mở bước soạn yêu cầu giải"
                    + " trình; hãy tải lại trang và gửi lại yêu cầu"));
        });
        Map<String, Object> variables = new HashMap<>();
        variables.put("explanationItems", items);
        variables.put("explanationQuestion", question.strip());
        if (replyDays != null) {
            variables.put("replyDays", replyDays);
        }
        int before = appraisals.requests(assessmentId).size();
        tasks.complete(request.key(), variables, user);
        awaitRecorded(() -> appraisals.requests(assessmentId).size() > before);
    }

    /** Stores appraised values (checked, audited); answers what still lacks a reason. */
    public List<String> save(long assessmentId, Map<String, AppraisedItem> entered, DtiUser user) {
        appraisedBy(assessmentId, user);
        if (!entered.isEmpty()) {
            assessments.appraise(assessmentId, entered, user, clock.now());
        }
        return assessments.appraisalProblems(assessmentId);
    }

    /**
     * Stores the values and, when every change has its reason, concludes the review ({@code decision = appraise}):
     * the process records the appraisal. Answers the problems that kept it from concluding (then nothing is
     * concluded, the values are kept).
     */
    public List<String> complete(long assessmentId, Map<String, AppraisedItem> entered, DtiUser user) {
        List<String> problems = save(assessmentId, entered, user);
        if (!problems.isEmpty()) {
            return problems;
        }
        UserTask review = reviewTask(assessmentId, user).orElseThrow(() -> notTheCouncilsTurn(assessmentId, user));
        tasks.complete(review.key(), Map.of("decision", "appraise"), user);
        awaitRecorded(() -> assessments.get(assessmentId).getStatus() == AssessmentStatus.APPRAISED);
        return List.of();
    }

    /** The worker after a task records the decision a moment later; the page waits for it, a while at most. */
    private static void awaitRecorded(BooleanSupplier recorded) {
        long until = System.nanoTime() + RECORDING.toNanos();
        while (!recorded.getAsBoolean() && System.nanoTime() < until) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Assessment appraisedBy(long assessmentId, DtiUser user) {
        Assessment assessment = assessments.get(assessmentId);
        Unit unit = assessments.unitOf(assessment);
        if (!AssessmentAccess.canAppraise(user, unit)) {
            throw new ForbiddenException("Chỉ Hội đồng thẩm định của " + unit.getName() + " được thẩm định phiếu này");
        }
        if (assessment.getStatus() != AssessmentStatus.SUBMITTED) {
            throw new ConflictException("Phiếu của " + unit.getName() + " không ở bước chờ thẩm định");
        }
        return assessment;
    }

    private ConflictException notTheCouncilsTurn(long assessmentId, DtiUser user) {
        if (draftRequestTask(assessmentId, user).isPresent()) {
            return new ConflictException("Hội đồng đã chọn yêu cầu giải trình: hãy gửi nội dung yêu cầu");
        }
        return appraisals.requests(assessmentId).stream()
                .filter(request -> request.getStatus() == ExplanationRequest.Status.OPEN).findFirst()
                .map(open -> new ConflictException("Đang chờ đơn vị giải trình (hạn "
                        + VietnameseFormat.dateTime(open.getReplyDeadline()) + "); Hội đồng kết luận khi đơn vị đã"
                        + " trả lời hoặc hết hạn trả lời"))
                .orElseGet(() -> new ConflictException("Phiếu này chưa có việc thẩm định đang chờ Hội đồng"
                        + " (chưa đến ngày thẩm định, hoặc đã kết luận)"));
    }
}
