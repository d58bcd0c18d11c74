package vn.dti.publication;

import vn.dti.indicator.Level;
import vn.dti.publication.ResultsTable.ScoreColumn;
import vn.dti.publication.ResultsVerifier.Discrepancy;
import vn.dti.scoring.Band;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an import answers, and what it answers again later: the table recomputed, the group's statistics, every
 * published figure that disagrees, and warnings. Numbers come with their Vietnamese text.
 *
 * @param units in the recomputed ranking's order
 */
record ResultsImportReport(long id, String province, Level level, int year, String indicatorSetId,
                           String fileName, String fileSha256, ResultsTable.Format format, Instant importedAt,
                           List<ScoreColumn> columns, List<UnitResult> units, Statistics statistics,
                           List<Discrepancy> discrepancies, List<String> warnings) {

    /** A figure and how a table prints it ("162,08"; "-" for none). */
    record Figure(BigDecimal value, String text) {
    }

    record ColumnValue(String code, String column, BigDecimal value, String text) {
    }

    /**
     * A unit's recomputed result; {@code scores} follows the table's score columns. {@code publishedRank} is there to
     * read beside {@code rank}.
     */
    record UnitResult(int rank, String unitCode, String unitName, String publishedName, int line, boolean reported,
                      List<ColumnValue> scores, Figure total, Figure percent, Band band, String bandLabel,
                      Integer publishedRank) {
    }

    /** A group average as recomputed (over every row, a unit that did not report counting as 0) and as published. */
    record AverageResult(String code, String column, Figure computed, Figure published) {
    }

    /** {@code topAverage}/{@code bottomAverage}: of the {@code topCount} highest and lowest totals (004 Phần thứ ba). */
    record Statistics(int unitCount, int reportedCount, List<AverageResult> averages, int topCount,
                      Figure topAverage, Figure bottomAverage, Figure gap, Map<Band, Integer> bandCounts) {
    }
}
