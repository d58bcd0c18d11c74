package vn.dti.evidence;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An official document's number, date and kind, read from the header that Vietnamese administrations print
 * (Nghị định 30/2020/NĐ-CP on văn thư): "Số: 1187/QĐ-UBND", "Bắc Ninh, ngày 06 tháng 10 năm 2023" or "ngày
 * 06/10/2023", and the kind in capitals ("QUYẾT ĐỊNH"), or else the kind the number's symbol abbreviates. Only the
 * header is read: the grounds below it ("Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 …") cite other documents.
 *
 * @param kind   e.g. "Quyết định", "Công văn"; null when not recognised, like the others
 */
record DocumentHeader(String kind, String number, LocalDate date) {

    /** The kinds of Nghị định 30/2020/NĐ-CP, Phụ lục III, with their abbreviations; Công văn has none. */
    enum Kind {
        NGHI_QUYET("Nghị quyết", "NQ"), NGHI_DINH("Nghị định", "NĐ"), THONG_TU("Thông tư", "TT"),
        QUYET_DINH("Quyết định", "QĐ"), CHI_THI("Chỉ thị", "CT"), QUY_CHE("Quy chế", "QC"),
        QUY_DINH("Quy định", "QyĐ"), THONG_BAO("Thông báo", "TB"), HUONG_DAN("Hướng dẫn", "HD"),
        CHUONG_TRINH("Chương trình", "CTr"), KE_HOACH("Kế hoạch", "KH"), PHUONG_AN("Phương án", "PA"),
        DE_AN("Đề án", "ĐA"), DU_AN("Dự án", "DA"), BAO_CAO("Báo cáo", "BC"), BIEN_BAN("Biên bản", "BB"),
        TO_TRINH("Tờ trình", "TTr"), HOP_DONG("Hợp đồng", "HĐ"), CONG_DIEN("Công điện", "CĐ"),
        GIAY_MOI("Giấy mời", "GM");

        static final String CONG_VAN = "Công văn";

        final String label;
        final String abbreviation;

        Kind(String label, String abbreviation) {
            this.label = label;
            this.abbreviation = abbreviation;
        }
    }

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final int HEADER_LENGTH = 3000;
    private static final Pattern GROUNDS = Pattern.compile("(?iu)căn\\s+cứ");
    // "Số:" with its colon: the grounds write "số 749/QĐ-TTg" without one. Spaces as typed or read by OCR.
    private static final Pattern NUMBER = Pattern.compile(
            "(?<!\\p{L})Số\\h*:\\h*(\\d+)\\h*/\\h*((?:\\d{4}\\h*/\\h*)?[\\p{L}\\p{N}]+(?:\\h*-\\h*[\\p{L}\\p{N}]+)*)");
    // The place and date line: "Bắc Ninh, ngày 06 tháng 10 năm 2023", or a date standing at the start of a line.
    private static final Pattern DATE = Pattern.compile("(?iu)(?:,|^)\\s*ngày\\s+(\\d{1,2})\\s*(?:tháng\\s*(\\d{1,2})"
            + "\\s*năm\\s*(\\d{4})|[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4}))", Pattern.MULTILINE);

    static DocumentHeader read(String text) {
        if (text == null) {
            return new DocumentHeader(null, null, null);
        }
        // Only the start is normalised, not a text of up to a million characters: composing never lengthens it, and
        // a decomposed letter of Vietnamese is at most three characters.
        String start = text.substring(0, Math.min(text.length(), 3 * HEADER_LENGTH));
        String header = header(Normalizer.normalize(start, Normalizer.Form.NFC));
        Matcher number = NUMBER.matcher(header);
        String symbol = number.find() ? number.group(2).replaceAll("\\h", "") : null;
        return new DocumentHeader(titleKind(header).orElseGet(() -> symbolKind(symbol)),
                symbol == null ? null : number.group(1) + "/" + symbol, date(header));
    }

    private static String header(String text) {
        String start = text.substring(0, Math.min(text.length(), HEADER_LENGTH));
        Matcher grounds = GROUNDS.matcher(start);
        return grounds.find() ? start.substring(0, grounds.start()) : start;
    }

    /** A line that is only the kind's name, as headers print it in capitals ("KẾ HOẠCH", "**QUYẾT ĐỊNH**"). */
    private static Optional<String> titleKind(String header) {
        return header.lines()
                .map(line -> line.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "").toUpperCase(VIETNAMESE))
                .flatMap(line -> Arrays.stream(Kind.values()).filter(k -> k.label.toUpperCase(VIETNAMESE).equals(line)))
                .map(kind -> kind.label).findFirst();
    }

    /** "QĐ-UBND" is a Quyết định; a symbol that starts with the issuer ("UBND-VX") is a Công văn's. */
    private static String symbolKind(String symbol) {
        if (symbol == null) {
            return null;
        }
        String first = symbol.replaceFirst("^\\d{4}/", "").split("-")[0].toUpperCase(VIETNAMESE);
        return Arrays.stream(Kind.values()).filter(k -> k.abbreviation.toUpperCase(VIETNAMESE).equals(first))
                .map(kind -> kind.label).findFirst().orElse(Kind.CONG_VAN);
    }

    private static LocalDate date(String header) {
        Matcher date = DATE.matcher(header);
        while (date.find()) {
            int day = Integer.parseInt(date.group(1));
            String month = date.group(2) != null ? date.group(2) : date.group(4);
            String year = date.group(3) != null ? date.group(3) : date.group(5);
            try {
                return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), day);
            } catch (DateTimeException impossible) {
                // "ngày 31/02/2023" is no date: the next one may be
            }
        }
        return null;
    }
}
