package vn.dti.publication;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.dti.framework.VietnameseFormat;
import vn.dti.indicator.Level;
import vn.dti.publication.ResultsImportReport.AverageResult;
import vn.dti.publication.ResultsImportReport.Figure;
import vn.dti.publication.ResultsImportReport.Statistics;
import vn.dti.publication.ResultsTable.ScoreColumn;
import vn.dti.publication.ResultsVerifier.Average;
import vn.dti.publication.ResultsVerifier.Verification;
import vn.dti.scoring.Band;
import vn.dti.scoring.GroupStatistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One imported results table: what was published, what we computed, where they disagree. Never changed later. */
@Entity
@Table(name = "results_import")
class ResultsImport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "province_code", nullable = false)
    private String provinceCode;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Level level;
    @Column(nullable = false)
    private int year;
    @Column(name = "indicator_set_id", nullable = false)
    private String indicatorSetId;
    @Column(name = "file_name", nullable = false)
    private String fileName;
    @Column(name = "file_sha256", nullable = false)
    private String fileSha256;
    @Enumerated(EnumType.STRING)
    @Column(name = "file_format", nullable = false)
    private ResultsTable.Format fileFormat;
    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;
    @Column(name = "row_count", nullable = false)
    private int rowCount;
    @Column(name = "reported_count", nullable = false)
    private int reportedCount;
    @Column(name = "discrepancy_count", nullable = false)
    private int discrepancyCount;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "score_columns", nullable = false)
    private List<ScoreColumn> scoreColumns;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<Average> averages;
    @Column(name = "top_count", nullable = false)
    private int topCount;
    @Column(name = "top_average")
    private BigDecimal topAverage;
    @Column(name = "bottom_average")
    private BigDecimal bottomAverage;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "band_counts", nullable = false)
    private Map<Band, Integer> bandCounts;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> warnings;

    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "import_id", nullable = false, updatable = false)
    @OrderBy("position")
    private List<ResultsImportRow> rows = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "import_id", nullable = false, updatable = false)
    @OrderBy("position")
    private List<ResultsImportDiscrepancy> discrepancies = new ArrayList<>();

    protected ResultsImport() {
    }

    ResultsImport(String provinceCode, Level level, int year, String indicatorSetId, String fileName,
                  String fileSha256, Instant importedAt, ResultsTable table, Verification verification) {
        this.provinceCode = provinceCode;
        this.level = level;
        this.year = year;
        this.indicatorSetId = indicatorSetId;
        this.fileName = fileName;
        this.fileSha256 = fileSha256;
        this.importedAt = importedAt;
        this.fileFormat = table.format();
        this.scoreColumns = table.columns();
        GroupStatistics statistics = verification.statistics();
        this.rowCount = statistics.unitCount();
        this.reportedCount = statistics.reportedCount();
        this.discrepancyCount = verification.discrepancies().size();
        this.averages = verification.averages();
        this.topCount = statistics.topCount();
        this.topAverage = statistics.topAverage();
        this.bottomAverage = statistics.bottomAverage();
        this.bandCounts = statistics.bandCounts();
        this.warnings = verification.warnings();
        int position = 0;
        for (var row : verification.rows()) {
            rows.add(new ResultsImportRow(++position, row));
        }
        position = 0;
        for (var discrepancy : verification.discrepancies()) {
            discrepancies.add(new ResultsImportDiscrepancy(++position, discrepancy));
        }
    }

    ResultsImportReport toReport() {
        List<AverageResult> averageResults = averages.stream()
                .map(average -> new AverageResult(average.code(), average.column(), computed(average.computed()),
                        average.published() == null ? null
                                : new Figure(average.published(), ResultsTable.published(average.published()))))
                .toList();
        BigDecimal gap = topAverage == null ? null : topAverage.subtract(bottomAverage);
        // Empty without bands: EnumMap's copy constructor refuses an empty map of another kind.
        Map<Band, Integer> bands = new EnumMap<>(Band.class);
        bands.putAll(bandCounts);
        Statistics statistics = new Statistics(rowCount, reportedCount, averageResults, topCount,
                computed(topAverage), computed(bottomAverage), computed(gap), bands);
        return new ResultsImportReport(id, provinceCode, level, year, indicatorSetId, fileName, fileSha256,
                fileFormat, importedAt, scoreColumns, rows.stream().map(row -> row.toResult(scoreColumns)).toList(),
                statistics, discrepancies.stream().map(ResultsImportDiscrepancy::toDiscrepancy).toList(), warnings);
    }

    static Figure computed(BigDecimal value) {
        return new Figure(value, VietnameseFormat.score(value));
    }
}
