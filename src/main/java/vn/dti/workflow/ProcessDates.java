package vn.dti.workflow;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** Dates handed to the processes: ISO-8601 with seconds and the +07:00 offset, as FEEL's {@code date and time()} reads them. */
public final class ProcessDates {

    private ProcessDates() {
    }

    public static String format(OffsetDateTime value) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
    }
}
