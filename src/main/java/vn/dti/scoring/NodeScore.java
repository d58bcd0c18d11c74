package vn.dti.scoring;

import java.math.BigDecimal;

/** A subtotal: the score under a node and the maximum of its applicable, non-excluded items. */
public record NodeScore(BigDecimal score, BigDecimal applicableMax) {
}
