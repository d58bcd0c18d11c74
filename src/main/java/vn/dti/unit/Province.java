package vn.dti.unit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.math.BigDecimal;

@Entity
public class Province {

    @Id
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "band_good", nullable = false)
    private BigDecimal bandGood;

    @Column(name = "band_fair", nullable = false)
    private BigDecimal bandFair;

    @Column(name = "band_average", nullable = false)
    private BigDecimal bandAverage;

    protected Province() {
    }

    Province(String code, String name, BigDecimal bandGood, BigDecimal bandFair, BigDecimal bandAverage) {
        this.code = code;
        update(name, bandGood, bandFair, bandAverage);
    }

    void update(String name, BigDecimal bandGood, BigDecimal bandFair, BigDecimal bandAverage) {
        this.name = name;
        this.bandGood = bandGood;
        this.bandFair = bandFair;
        this.bandAverage = bandAverage;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public BigDecimal getBandGood() {
        return bandGood;
    }

    public BigDecimal getBandFair() {
        return bandFair;
    }

    public BigDecimal getBandAverage() {
        return bandAverage;
    }
}
