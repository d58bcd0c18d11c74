package vn.dti.calendar;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One change of a cycle's calendar: {@code field} is a {@link CalendarField} name, or {@code "UNIT_DEADLINE"} for an
 * extension of {@code unitCode}'s deadline, where {@code before} is the deadline the unit had until then.
 */
public record CalendarChange(long id, long cycleId, String field, String unitCode, OffsetDateTime before,
                             OffsetDateTime after, String actor, String reason, Instant changedAt) {

    public static final String UNIT_DEADLINE = "UNIT_DEADLINE";
}
