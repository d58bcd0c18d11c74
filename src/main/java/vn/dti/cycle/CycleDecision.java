package vn.dti.cycle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import vn.dti.workflow.EngineEpoch.JobId;

import java.time.Instant;

/** The chairman's decision on a ranking: approved, or returned to the council with comments. */
@Entity
@Table(name = "cycle_decision")
public class CycleDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private long cycleId;
    @Column(nullable = false)
    private boolean approved;
    private String comment;
    @Column(name = "decided_by", nullable = false)
    private String decidedBy;
    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;
    /** The job that recorded it, in its engine run: a job delivered twice records one decision. */
    @Column(name = "job_epoch", nullable = false)
    private long jobEpoch;
    @Column(name = "job_key", nullable = false)
    private long jobKey;

    protected CycleDecision() {
    }

    CycleDecision(long cycleId, boolean approved, String comment, String decidedBy, Instant decidedAt, JobId job) {
        this.cycleId = cycleId;
        this.approved = approved;
        this.comment = comment;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.jobEpoch = job.epoch();
        this.jobKey = job.key();
    }

    public boolean isApproved() {
        return approved;
    }

    public String getComment() {
        return comment;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
