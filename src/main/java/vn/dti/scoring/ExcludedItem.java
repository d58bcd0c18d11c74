package vn.dti.scoring;

import java.math.BigDecimal;

/** An item left out of the ranking for a whole group, and why: only {@code withData} of {@code inScope} units had data. */
public record ExcludedItem(String code, String name, int withData, int inScope, BigDecimal share, BigDecimal threshold) {
}
