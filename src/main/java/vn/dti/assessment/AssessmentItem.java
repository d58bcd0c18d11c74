package vn.dti.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.dti.scoring.ItemEntry;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One item of an assessment: the unit's entry with its evidence or explanation, and the council's, with who and why. */
@Entity
@Table(name = "assessment_item")
@IdClass(AssessmentItem.Key.class)
public class AssessmentItem {

    @Id
    @Column(name = "assessment_id")
    private long assessmentId;
    @Id
    @Column(name = "item_code")
    private String itemCode;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "self_entry")
    private ItemEntry selfEntry;
    private String explanation;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> evidence = List.of();
    @Column(name = "self_by")
    private String selfBy;
    @Column(name = "self_at")
    private Instant selfAt;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "appraised_entry")
    private ItemEntry appraisedEntry;
    @Column(name = "appraisal_reason")
    private String appraisalReason;
    @Column(name = "appraised_by")
    private String appraisedBy;
    @Column(name = "appraised_at")
    private Instant appraisedAt;
    /** One more at each save of the unit's or the council's entry: a save names the version it read. */
    private long version;

    protected AssessmentItem() {
    }

    AssessmentItem(long assessmentId, String itemCode) {
        this.assessmentId = assessmentId;
        this.itemCode = itemCode;
    }

    public long getAssessmentId() {
        return assessmentId;
    }

    public String getItemCode() {
        return itemCode;
    }

    public ItemEntry getSelfEntry() {
        return selfEntry;
    }

    public String getExplanation() {
        return explanation;
    }

    public List<String> getEvidence() {
        return evidence;
    }

    public String getSelfBy() {
        return selfBy;
    }

    public ItemEntry getAppraisedEntry() {
        return appraisedEntry;
    }

    public String getAppraisalReason() {
        return appraisalReason;
    }

    public String getAppraisedBy() {
        return appraisedBy;
    }

    public Instant getSelfAt() {
        return selfAt;
    }

    public Instant getAppraisedAt() {
        return appraisedAt;
    }

    public long getVersion() {
        return version;
    }

    void selfAssess(ItemEntry entry, String explanation, List<String> evidence, String by, Instant at) {
        this.selfEntry = entry;
        this.explanation = explanation;
        this.evidence = evidence == null ? List.of() : List.copyOf(evidence);
        this.selfBy = by;
        this.selfAt = at;
        this.version++;
    }

    void appraise(ItemEntry entry, String reason, String by, Instant at) {
        this.appraisedEntry = entry;
        this.appraisalReason = reason;
        this.appraisedBy = by;
        this.appraisedAt = at;
        this.version++;
    }

    static class Key implements Serializable {
        private long assessmentId;
        private String itemCode;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && assessmentId == key.assessmentId && itemCode.equals(key.itemCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(assessmentId, itemCode);
        }
    }
}
