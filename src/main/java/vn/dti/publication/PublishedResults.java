package vn.dti.publication;

import vn.dti.indicator.Level;
import vn.dti.indicator.NodeType;
import vn.dti.scoring.Band;
import vn.dti.scoring.BandThresholds;
import vn.dti.scoring.GroupStatistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A published cycle's frozen results, as the public pages, the spreadsheet and the decision show them: read from what
 * was stored at publication, never recomputed. The methods the page templates call are public: SpEL calls no other.
 *
 * @param columns the indicator set's top-level nodes (pillars or main indicators), in document order
 * @param rows       in the published order: by rank, units that did not report last
 * @param thresholds the profile's bands; null where it states none, and then no band is shown
 * @param exclusions the criteria the council excluded from the ranking, with its reasons (003 II.2.b)
 */
record PublishedResults(long cycleId, String provinceCode, String provinceName, int year, Level level,
                        String groupCode, String groupName, LocalDate publishedOn, String indicatorSetId,
                        BigDecimal scale, BandThresholds thresholds, List<Column> columns, List<Row> rows,
                        GroupStatistics statistics, List<Exclusion> exclusions) {

    record Exclusion(String code, String name, String reason) {

        /** "1.2 Tên tiêu chí (lý do)", as every printed list writes it. */
        public String text() {
            return code + " " + name + " (" + reason + ")";
        }
    }

    record Column(String code, String name, BigDecimal points, NodeType type) {

        /** "60", "7,5": maxima are written as the indicator set gives them. */
        public String pointsText() {
            return PublishedResults.points(points);
        }
    }

    /**
     * {@code scores} by column code; empty, and {@code total} null, for a unit that did not report. {@code total} is
     * the figure the rank ordered by; {@code band} is null without bands.
     */
    record Row(int position, int rank, String unitCode, String unitName, boolean reported,
               Map<String, BigDecimal> scores, BigDecimal total, BigDecimal percent, Band band) {
    }

    /** Whether the profile states bands: without, no band column or spread is shown. */
    public boolean banded() {
        return thresholds != null;
    }

    /** The group's name starting a line: "Các sở, ban, ngành". */
    public String groupTitle() {
        return capitalized(groupName);
    }

    static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    public String scaleText() {
        return points(scale);
    }

    static String points(BigDecimal points) {
        return points.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /** The score columns a ranking table shows: the top-level nodes, unless there is only one (it is the total). */
    public List<Column> scoreColumns() {
        return columns.size() > 1 ? columns : List.of();
    }

    /** The units of the top-{@code n} average of the statistics: the first that reported. */
    public List<Row> top() {
        return reported().subList(0, statistics.topCount());
    }

    /** The units of the bottom-{@code n} average: the last that reported. */
    public List<Row> bottom() {
        List<Row> reported = reported();
        return reported.subList(reported.size() - statistics.topCount(), reported.size());
    }

    private List<Row> reported() {
        return rows.stream().filter(Row::reported).toList();
    }
}
