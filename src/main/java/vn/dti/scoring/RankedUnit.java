package vn.dti.scoring;

import java.math.BigDecimal;

/**
 * A unit's place in its group. {@code percent} is of the applicable maximum; {@code scaledTotal} is the figure the
 * rank orders by and every printed table shows: the total of the items scored, or under the profile's
 * {@code RESCALE} the total brought back to the set's scale. {@code band} is null where the profile states no bands.
 * A unit that did not report has null figures, band Yếu (if there are bands) and the rank after every unit that
 * reported.
 */
public record RankedUnit(int rank, UnitScore score, BigDecimal percent, BigDecimal scaledTotal, Band band) {
}
