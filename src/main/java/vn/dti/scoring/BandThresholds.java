package vn.dti.scoring;

import java.math.BigDecimal;

/**
 * Lower bounds in percent of the applicable maximum: Tốt ≥ good, Khá ≥ fair, Trung bình ≥ average, else Yếu. Only a
 * profile that states bands has them (Kon Tum, 000 Điều 9.2).
 */
public record BandThresholds(BigDecimal good, BigDecimal fair, BigDecimal average) {

    public Band bandOf(BigDecimal percent) {
        if (percent == null) {
            return Band.YEU;
        }
        if (percent.compareTo(good) >= 0) return Band.TOT;
        if (percent.compareTo(fair) >= 0) return Band.KHA;
        if (percent.compareTo(average) >= 0) return Band.TRUNG_BINH;
        return Band.YEU;
    }
}
