package vn.dti.publication;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.dti.publication.ResultsVerifier.Discrepancy;

@Entity
@Table(name = "results_import_discrepancy")
class ResultsImportDiscrepancy {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private int position;
    @Column(nullable = false)
    private int line;
    @Column(name = "unit_code")
    private String unitCode;
    @Column(name = "unit_name", nullable = false)
    private String unitName;
    @Column(name = "column_name", nullable = false)
    private String columnName;
    @Column(nullable = false)
    private String published;
    @Column(nullable = false)
    private String computed;
    @Column(nullable = false)
    private String reason;

    protected ResultsImportDiscrepancy() {
    }

    ResultsImportDiscrepancy(int position, Discrepancy discrepancy) {
        this.position = position;
        this.line = discrepancy.line();
        this.unitCode = discrepancy.unitCode();
        this.unitName = discrepancy.unitName();
        this.columnName = discrepancy.column();
        this.published = discrepancy.published();
        this.computed = discrepancy.computed();
        this.reason = discrepancy.reason();
    }

    Discrepancy toDiscrepancy() {
        return new Discrepancy(line, unitCode, unitName, columnName, published, computed, reason);
    }
}
