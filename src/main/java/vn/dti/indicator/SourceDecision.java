package vn.dti.indicator;

import java.time.LocalDate;

/** The decision that issued an indicator set ("Số: 1187/QĐ-UBND", "ngày 06/10/2023"); parts may be unknown. */
public record SourceDecision(String number, LocalDate date, String title, String seed) {
}
