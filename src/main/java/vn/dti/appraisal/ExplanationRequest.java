package vn.dti.appraisal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import vn.dti.workflow.EngineEpoch;
import vn.dti.workflow.EngineEpoch.JobId;

import java.time.Instant;
import java.util.List;

/** The council's request that a unit explain named items (yêu cầu giải trình), and the unit's answer. */
@Entity
@Table(name = "explanation_request")
public class ExplanationRequest {

    public enum Status { OPEN, ANSWERED, UNANSWERED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "assessment_id", nullable = false)
    private long assessmentId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "item_codes", nullable = false)
    private List<String> itemCodes;
    @Column(nullable = false)
    private String question;
    @Column(name = "requested_by", nullable = false)
    private String requestedBy;
    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;
    @Column(name = "reply_deadline", nullable = false)
    private Instant replyDeadline;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    private String answer;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "answer_evidence", nullable = false)
    private List<String> answerEvidence = List.of();
    @Column(name = "answered_by")
    private String answeredBy;
    @Column(name = "answered_at")
    private Instant answeredAt;
    /** The job that created it, in its engine run ({@link EngineEpoch}): a job delivered twice creates one request. */
    @Column(name = "job_epoch", nullable = false)
    private long jobEpoch;
    @Column(name = "job_key", nullable = false)
    private long jobKey;

    protected ExplanationRequest() {
    }

    ExplanationRequest(long assessmentId, List<String> itemCodes, String question, String requestedBy,
                       Instant requestedAt, Instant replyDeadline, JobId job) {
        this.assessmentId = assessmentId;
        this.itemCodes = List.copyOf(itemCodes);
        this.question = question;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.replyDeadline = replyDeadline;
        this.status = Status.OPEN;
        this.jobEpoch = job.epoch();
        this.jobKey = job.key();
    }

    void answer(String answer, List<String> evidence, String by, Instant at) {
        this.answer = answer;
        this.answerEvidence = List.copyOf(evidence);
        this.answeredBy = by;
        this.answeredAt = at;
        this.status = Status.ANSWERED;
    }

    void unanswered() {
        this.status = Status.UNANSWERED;
    }

    public Long getId() {
        return id;
    }

    public long getAssessmentId() {
        return assessmentId;
    }

    public List<String> getItemCodes() {
        return itemCodes;
    }

    public String getQuestion() {
        return question;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getReplyDeadline() {
        return replyDeadline;
    }

    public Status getStatus() {
        return status;
    }

    public String getAnswer() {
        return answer;
    }

    public List<String> getAnswerEvidence() {
        return answerEvidence;
    }

    public String getAnsweredBy() {
        return answeredBy;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }
}
