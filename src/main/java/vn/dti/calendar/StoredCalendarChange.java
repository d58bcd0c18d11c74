package vn.dti.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One row of a calendar's history. Never changed once written. */
@Entity
@Table(name = "calendar_change")
class StoredCalendarChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private long cycleId;
    @Column(nullable = false)
    private String field;
    @Column(name = "unit_code")
    private String unitCode;
    @Column(nullable = false)
    private Instant before;
    @Column(nullable = false)
    private Instant after;
    @Column(nullable = false)
    private String actor;
    @Column(nullable = false)
    private String reason;
    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected StoredCalendarChange() {
    }

    StoredCalendarChange(long cycleId, String field, String unitCode, Instant before, Instant after, String actor,
                         String reason, Instant changedAt) {
        this.cycleId = cycleId;
        this.field = field;
        this.unitCode = unitCode;
        this.before = before;
        this.after = after;
        this.actor = actor;
        this.reason = reason;
        this.changedAt = changedAt;
    }

    CalendarChange toChange() {
        return new CalendarChange(id, cycleId, field, unitCode, before.atOffset(CycleCalendar.VIETNAM),
                after.atOffset(CycleCalendar.VIETNAM), actor, reason, changedAt);
    }
}
