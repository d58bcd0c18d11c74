package vn.dti.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** A cycle's current calendar. Instants in the database; read back at +07:00. */
@Entity
@Table(name = "cycle_calendar")
class StoredCalendar {

    @Id
    @Column(name = "cycle_id")
    private Long cycleId;
    @Column(name = "province_code", nullable = false)
    private String provinceCode;
    @Column(name = "data_period_start", nullable = false)
    private Instant dataPeriodStart;
    @Column(name = "data_period_end", nullable = false)
    private Instant dataPeriodEnd;
    @Column(name = "self_assessment_deadline", nullable = false)
    private Instant selfAssessmentDeadline;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "reminder_offsets", nullable = false)
    private List<String> reminderOffsets;
    @Column(name = "explanation_reply_time", nullable = false)
    private String explanationReplyTime;
    @Column(name = "appraisal_start", nullable = false)
    private Instant appraisalStart;
    @Column(name = "appraisal_end", nullable = false)
    private Instant appraisalEnd;
    @Column(name = "publication_at", nullable = false)
    private Instant publicationAt;

    protected StoredCalendar() {
    }

    StoredCalendar(long cycleId, String provinceCode, CycleCalendar calendar) {
        this.cycleId = cycleId;
        this.provinceCode = provinceCode;
        apply(calendar);
    }

    void apply(CycleCalendar calendar) {
        dataPeriodStart = calendar.dataPeriodStart().toInstant();
        dataPeriodEnd = calendar.dataPeriodEnd().toInstant();
        selfAssessmentDeadline = calendar.selfAssessmentDeadline().toInstant();
        reminderOffsets = calendar.reminderOffsets().stream().map(Duration::toString).toList();
        explanationReplyTime = calendar.explanationReplyTime().toString();
        appraisalStart = calendar.appraisalStart().toInstant();
        appraisalEnd = calendar.appraisalEnd().toInstant();
        publicationAt = calendar.publicationAt().toInstant();
    }

    CycleCalendar toCalendar() {
        return new CycleCalendar(local(dataPeriodStart), local(dataPeriodEnd), local(selfAssessmentDeadline),
                reminderOffsets.stream().map(Duration::parse).toList(), Duration.parse(explanationReplyTime),
                local(appraisalStart), local(appraisalEnd), local(publicationAt));
    }

    String provinceCode() {
        return provinceCode;
    }

    private static OffsetDateTime local(Instant instant) {
        return instant.atOffset(CycleCalendar.VIETNAM);
    }
}
