package vn.dti.framework;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How people read numbers and dates here: decimal comma, two decimals rounded half-up, dd/MM/yyyy. */
public final class VietnameseFormat {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private VietnameseFormat() {
    }

    /** {@code 162.075 → "162,08"}; null (no data) is written "-" as published tables do. */
    public static String score(BigDecimal value) {
        return value == null ? "-" : value.setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }

    /** A count with the thousands grouped by dots: {@code 10000000 → "10.000.000"}. */
    public static String count(long value) {
        return String.format(Locale.forLanguageTag("vi"), "%,d", value);
    }

    public static String percent(BigDecimal value) {
        return value == null ? "-" : score(value) + "%";
    }

    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** An instant as a date in Vietnam; empty for null. */
    public static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(VIETNAM));
    }

    /** An instant as people in Việt Nam read it: {@code 05/06/2025 14:35}, their time zone; empty for null. */
    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(VIETNAM));
    }

    /** A number as typed in a field: "12,5", "40" (no trailing zeros, no grouping); empty for null. */
    public static String input(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /** Reads a number as Vietnamese documents print it: "162,08", "1.000", "131,5"; "-" and blank are null. */
    public static BigDecimal parseScore(String text) {
        String value = text == null ? "" : text.strip().replace("\u00a0", "").replace(" ", "");
        if (value.isEmpty() || value.equals("-")) {
            return null;
        }
        if (value.contains(",")) {
            value = value.replace(".", "").replace(',', '.');
        } else if (value.matches("\\d{1,3}(\\.\\d{3})+")) {
            value = value.replace(".", "");
        }
        return new BigDecimal(value);
    }
}
