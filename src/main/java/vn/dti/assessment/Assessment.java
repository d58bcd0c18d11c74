package vn.dti.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A unit's assessment in one cycle. Its entries are {@link AssessmentItem}s. */
@Entity
public class Assessment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private long cycleId;
    @Column(name = "unit_code", nullable = false)
    private String unitCode;
    @Column(name = "indicator_set_id", nullable = false)
    private String indicatorSetId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AssessmentStatus status;
    @Column(name = "process_instance_key")
    private Long processInstanceKey;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "general_info", nullable = false)
    private Map<String, Object> generalInfo;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "appraised_at")
    private Instant appraisedAt;

    protected Assessment() {
    }

    Assessment(long cycleId, String unitCode, String indicatorSetId) {
        this.cycleId = cycleId;
        this.unitCode = unitCode;
        this.indicatorSetId = indicatorSetId;
        this.status = AssessmentStatus.OPEN;
        this.generalInfo = Map.of();
    }

    public Long getId() {
        return id;
    }

    public long getCycleId() {
        return cycleId;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public String getIndicatorSetId() {
        return indicatorSetId;
    }

    public AssessmentStatus getStatus() {
        return status;
    }

    public Long getProcessInstanceKey() {
        return processInstanceKey;
    }

    public Map<String, Object> getGeneralInfo() {
        return generalInfo;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public Instant getAppraisedAt() {
        return appraisedAt;
    }

    void attachProcess(long key) {
        this.processInstanceKey = key;
    }

    /** Kept without empty values: a field sent as null was not given (and an immutable copy takes no nulls). */
    void setGeneralInfo(Map<String, Object> generalInfo) {
        Map<String, Object> given = new LinkedHashMap<>();
        generalInfo.forEach((key, value) -> {
            if (value != null) {
                given.put(key, value);
            }
        });
        this.generalInfo = Collections.unmodifiableMap(given);
    }

    void submitted(Instant at) {
        status = AssessmentStatus.SUBMITTED;
        submittedAt = at;
    }

    void notReported(Instant at) {
        status = AssessmentStatus.NOT_REPORTED;
        closedAt = at;
    }

    void appraised(Instant at) {
        status = AssessmentStatus.APPRAISED;
        appraisedAt = at;
    }
}
