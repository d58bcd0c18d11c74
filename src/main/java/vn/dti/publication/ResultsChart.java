package vn.dti.publication;

import vn.dti.framework.VietnameseFormat;
import vn.dti.indicator.NodeType;
import vn.dti.publication.PublishedResults.Column;
import vn.dti.publication.PublishedResults.Row;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The bar chart of the results page, drawn on the server as inline SVG: one horizontal bar per unit in ranking order,
 * then the group average, each split by the set's top-level nodes (pillars or main indicators), the whole bar's
 * length being the set's scale. Bars are placed in percent of the drawing's width and labels in pixels, so the chart
 * fills any screen without shrinking its text.
 */
record ResultsChart(String title, String description, String nodeLabel, int height, List<Series> series,
                    List<Bar> bars) {

    static final int BLOCK = 44;
    private static final int BAR = 16;
    private static final int PALETTE = 8;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A top-level node, with its colour's index. */
    record Series(String name, String points, int colour) {
    }

    /** A bar: its label line above it, its segments from the left. */
    record Bar(String label, int labelY, int barY, int barHeight, List<Segment> segments) {
    }

    /** {@code x} and {@code width} in percent of the chart's width, as SVG attribute values. */
    record Segment(String x, String width, int colour, String title) {
    }

    static ResultsChart of(PublishedResults results) {
        List<Column> columns = results.columns();
        String nodeLabel = columns.stream().allMatch(column -> column.type() == NodeType.PILLAR) ? "trụ cột"
                : "chỉ số chính";
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            series.add(new Series(columns.get(i).name(), columns.get(i).pointsText(), i % PALETTE));
        }
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (Row row : results.rows()) {
            String value = row.reported() ? VietnameseFormat.score(row.total()) + " điểm" : "không báo cáo";
            bars.add(bar(row.rank() + ". " + row.unitName() + ": " + value, y, row.reported() ? row.scores() : Map.of(),
                    columns, results.scale()));
            y += BLOCK;
        }
        bars.add(bar("Giá trị trung bình: " + VietnameseFormat.score(results.statistics().averageTotal()) + " điểm", y,
                results.statistics().subtotalAverages(), columns, results.scale()));
        y += BLOCK;

        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        String description = "Biểu đồ thanh ngang, mỗi đơn vị một thanh theo thứ hạng, cuối cùng là giá trị trung bình"
                + " của nhóm; mỗi thanh chia theo " + nodeLabel + ": " + names + "; cả thanh dài bằng thang điểm "
                + results.scaleText() + ". Số liệu có trong bảng dưới biểu đồ.";
        return new ResultsChart("Điểm theo " + nodeLabel + " của từng đơn vị", description, nodeLabel, y, series,
                bars);
    }

    private static Bar bar(String label, int y, Map<String, BigDecimal> scores, List<Column> columns, BigDecimal scale) {
        List<Segment> segments = new ArrayList<>();
        BigDecimal start = BigDecimal.ZERO;
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            BigDecimal score = scores.get(column.code());
            if (score == null || score.signum() <= 0) {
                continue;
            }
            BigDecimal width = score.multiply(HUNDRED).divide(scale, MathContext.DECIMAL64);
            segments.add(new Segment(percent(start), percent(width), i % PALETTE,
                    column.name() + ": " + VietnameseFormat.score(score) + " / " + column.pointsText()));
            start = start.add(width);
        }
        return new Bar(label, y + 14, y + 20, BAR, segments);
    }

    private static String percent(BigDecimal value) {
        return String.format(Locale.ROOT, "%.3f%%", value.doubleValue());
    }
}
