package vn.dti.publication;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.dti.framework.VietnameseFormat;
import vn.dti.publication.ResultsImportReport.ColumnValue;
import vn.dti.publication.ResultsImportReport.UnitResult;
import vn.dti.publication.ResultsTable.ScoreColumn;
import vn.dti.publication.ResultsVerifier.VerifiedRow;
import vn.dti.scoring.Band;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A unit's row of an imported table: its published figures beside the recomputed ones. */
@Entity
@Table(name = "results_import_row")
class ResultsImportRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private int position;
    @Column(nullable = false)
    private int line;
    @Column(name = "unit_code", nullable = false)
    private String unitCode;
    @Column(name = "unit_name", nullable = false)
    private String unitName;
    @Column(name = "published_name", nullable = false)
    private String publishedName;
    @Column(nullable = false)
    private boolean reported;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "published_scores", nullable = false)
    private Map<String, BigDecimal> publishedScores;
    @Column(name = "published_total")
    private BigDecimal publishedTotal;
    @Column(name = "published_rank")
    private Integer publishedRank;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "computed_scores", nullable = false)
    private Map<String, BigDecimal> computedScores;
    @Column(name = "computed_total")
    private BigDecimal computedTotal;
    @Column(name = "computed_rank", nullable = false)
    private int computedRank;
    @Column(name = "percent_of_max")
    private BigDecimal percentOfMax;
    /** Null where the set's profile states no bands. */
    @Enumerated(EnumType.STRING)
    private Band band;

    protected ResultsImportRow() {
    }

    ResultsImportRow(int position, VerifiedRow row) {
        this.position = position;
        this.line = row.line();
        this.unitCode = row.unitCode();
        this.unitName = row.unitName();
        this.publishedName = row.publishedName();
        this.reported = row.reported();
        this.publishedScores = row.publishedScores();
        this.publishedTotal = row.publishedTotal();
        this.publishedRank = row.publishedRank();
        this.computedScores = row.computedScores();
        this.computedTotal = row.computedTotal();
        this.computedRank = row.computedRank();
        this.percentOfMax = row.percent();
        this.band = row.band();
    }

    UnitResult toResult(List<ScoreColumn> columns) {
        List<ColumnValue> scores = columns.stream().map(column -> {
            BigDecimal value = computedScores.get(column.code());
            return new ColumnValue(column.code(), column.header(), value, VietnameseFormat.score(value));
        }).toList();
        return new UnitResult(computedRank, unitCode, unitName, publishedName, line, reported, scores,
                ResultsImport.computed(computedTotal), new ResultsImportReport.Figure(percentOfMax,
                VietnameseFormat.percent(percentOfMax)), band, band == null ? null : band.label(), publishedRank);
    }
}
