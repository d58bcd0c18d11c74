package vn.dti.scoring;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The figures seed 004 publishes for a group. Averages are over every unit of the group, a unit that did not report
 * counting as 0 (004 Bảng 2); top and bottom averages are over the units that reported.
 *
 * @param subtotalAverages  average of each top-level node (pillar or main indicator), by code
 * @param averageTotal      average of the totals
 * @param topAverage        average of the {@code topCount} highest totals
 * @param bottomAverage     average of the {@code topCount} lowest totals
 * @param gap               {@code topAverage - bottomAverage}
 * @param bandCounts        units per band; empty where the profile states no bands
 */
public record GroupStatistics(int unitCount, int reportedCount, Map<String, BigDecimal> subtotalAverages,
                              BigDecimal averageTotal, BigDecimal averageScaledTotal, int topCount,
                              BigDecimal topAverage, BigDecimal bottomAverage, BigDecimal gap,
                              Map<Band, Integer> bandCounts) {
}
