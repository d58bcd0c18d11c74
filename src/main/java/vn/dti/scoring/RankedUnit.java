package vn.dti.scoring;

import java.math.BigDecimal;

/**
 * A unit's place in its group. {@code percent} is of the applicable maximum; {@code scaledTotal} is the total brought
 * back to the set's scale (equal to the total when every item applies) and is what the rank orders by. A unit that
 * did not report has null figures, band Yếu and the rank after every unit that reported.
 */
public record RankedUnit(int rank, UnitScore score, BigDecimal percent, BigDecimal scaledTotal, Band band) {
}
