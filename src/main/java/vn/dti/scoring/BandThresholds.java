package vn.dti.scoring;

import java.math.BigDecimal;

/** Lower bounds in percent of the applicable maximum: Tốt ≥ good, Khá ≥ fair, Trung bình ≥ average, else Yếu. */
public record BandThresholds(BigDecimal good, BigDecimal fair, BigDecimal average) {

    public static final BandThresholds DEFAULT =
            new BandThresholds(BigDecimal.valueOf(90), BigDecimal.valueOf(70), BigDecimal.valueOf(50));

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
