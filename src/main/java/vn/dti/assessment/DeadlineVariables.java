package vn.dti.assessment;

import vn.dti.calendar.CalendarService;
import vn.dti.workflow.EngineClock;
import vn.dti.workflow.ProcessDates;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A unit's deadline and next reminder as its process's timers read them. When no reminder is left, the next one is
 * put after the deadline, which then always fires first.
 */
public final class DeadlineVariables {

    private DeadlineVariables() {
    }

    public static Map<String, Object> of(CalendarService calendars, EngineClock clock, Assessment assessment) {
        OffsetDateTime deadline = calendars.deadlineFor(assessment.getCycleId(), assessment.getUnitCode());
        OffsetDateTime reminder = calendars.nextReminder(assessment.getCycleId(), assessment.getUnitCode(), clock.now())
                .filter(at -> at.isBefore(deadline))
                .orElse(deadline.plusDays(1));
        return Map.of("deadline", ProcessDates.format(deadline), "nextReminderAt", ProcessDates.format(reminder));
    }
}
