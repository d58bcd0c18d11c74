package vn.dti.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.OffsetDateTime;

/** The deadline last granted to one unit of a cycle. */
@Entity
@Table(name = "unit_deadline")
class UnitDeadline {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private long cycleId;
    @Column(name = "unit_code", nullable = false)
    private String unitCode;
    @Column(nullable = false)
    private Instant deadline;

    protected UnitDeadline() {
    }

    UnitDeadline(long cycleId, String unitCode, OffsetDateTime deadline) {
        this.cycleId = cycleId;
        this.unitCode = unitCode;
        extendTo(deadline);
    }

    void extendTo(OffsetDateTime deadline) {
        this.deadline = deadline.toInstant();
    }

    String unitCode() {
        return unitCode;
    }

    OffsetDateTime deadline() {
        return deadline.atOffset(CycleCalendar.VIETNAM);
    }
}
