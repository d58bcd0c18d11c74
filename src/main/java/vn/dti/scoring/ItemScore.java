package vn.dti.scoring;

import java.math.BigDecimal;

/** One item's scores for one unit in the three columns; a column not entered is null. */
public record ItemScore(String code, BigDecimal self, BigDecimal appraised, BigDecimal finalScore, ItemStatus status) {
}
