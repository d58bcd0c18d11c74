package vn.dti.publication;

import vn.dti.framework.VietnameseFormat;
import vn.dti.indicator.IndicatorSet;
import vn.dti.indicator.NodeType;
import vn.dti.publication.PublishedResults.Column;
import vn.dti.publication.PublishedResults.Row;
import vn.dti.scoring.GroupStatistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The draft of the publication decision, worded as Đắk Lắk's (004) and laid out as Nghị định 30/2020/NĐ-CP's form of
 * a decision: the issuing body beside the national motto, number, place and date, kind and subject, the recitals,
 * Điều 1 with the ranking table (pillar scores when the set is built on pillars, total, band, rank; "-" for a unit
 * that did not report; the group average) and its statistics, Điều 2 and 3, recipients and the signer. Kept in parts
 * so that the text, the DOCX and the PDF are the same draft; frozen at publication.
 *
 * @param issuer     the issuing body's lines, upper case
 * @param number     "Số:      /QĐ-UBND": the number is given when the decision is signed
 * @param statistics the sentences after the table: the top and bottom averages, and the criteria the council
 *                   excluded from the ranking with its reasons; null when there is neither
 */
record DecisionDraft(List<String> issuer, String number, String place, LocalDate date, String kind,
                     List<String> subject, String authority, List<String> recitals, List<Article> articles,
                     RankingTable table, String statistics, List<String> recipients, String signer) {

    static final String NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";
    static final String DRAFT = "DỰ THẢO";
    static final String RECIPIENTS = "Nơi nhận:";
    static final String DECIDES = "QUYẾT ĐỊNH:";

    /** "Điều 1." and its text; the ranking table and its statistics follow the first. */
    record Article(String label, String text) {
    }

    /** Cells as printed; the footer is the group averages row. */
    record RankingTable(List<String> header, List<List<String>> rows, List<String> footer) {
    }

    static DecisionDraft of(PublishedResults results, IndicatorSet set) {
        String province = results.provinceName();
        String recital = "Căn cứ Bộ chỉ số " + set.id();
        if (set.source().number() != null) {
            recital += " ban hành kèm theo Quyết định số " + set.source().number();
            if (set.source().date() != null) {
                recital += " ngày " + VietnameseFormat.date(set.source().date());
            }
        }
        int year = results.year();
        List<Article> articles = List.of(
                new Article("Điều 1.", "Phê duyệt và công bố Chỉ số chuyển đổi số năm " + year + " của "
                        + results.groupName() + ", như sau:"),
                new Article("Điều 2.", "Căn cứ điểm và xếp hạng Chỉ số chuyển đổi số năm " + year + ", các cơ quan,"
                        + " đơn vị tổ chức quán triệt, rút kinh nghiệm, có giải pháp đẩy mạnh chuyển đổi số, cải thiện"
                        + " Chỉ số chuyển đổi số trong những năm tiếp theo."),
                new Article("Điều 3.", "Chánh Văn phòng UBND tỉnh, Thủ trưởng các cơ quan, đơn vị có tên tại Điều 1"
                        + " chịu trách nhiệm thi hành Quyết định này kể từ ngày ký./."));
        return new DecisionDraft(
                List.of("ỦY BAN NHÂN DÂN", "TỈNH " + province.toUpperCase(Locale.forLanguageTag("vi"))),
                "Số:      /QĐ-UBND", province, results.publishedOn(), "QUYẾT ĐỊNH",
                List.of("Công bố và xếp hạng Chỉ số chuyển đổi số của cơ quan nhà nước",
                        "trên địa bàn tỉnh " + province + " năm " + year),
                "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
                List.of(recital + ";", "Theo đề nghị của Hội đồng đánh giá Chỉ số chuyển đổi số."),
                articles, table(results), afterTable(results),
                List.of("- Như Điều 3;", "- Chủ tịch, các Phó Chủ tịch UBND tỉnh;", "- Cổng thông tin điện tử tỉnh;",
                        "- Lưu: VT."),
                "CHỦ TỊCH");
    }

    /** Like 004, the table shows pillar scores when the set is built on pillars, and only the total otherwise. */
    private static RankingTable table(PublishedResults results) {
        List<Column> pillars = results.scoreColumns().stream().allMatch(column -> column.type() == NodeType.PILLAR)
                ? results.scoreColumns() : List.of();
        List<String> header = new ArrayList<>(List.of("TT", "Đơn vị"));
        pillars.forEach(pillar -> header.add(pillar.name()));
        header.add("Tổng điểm");
        if (results.banded()) {
            header.add("Xếp loại");
        }
        header.add("Xếp hạng");
        List<List<String>> rows = new ArrayList<>();
        for (Row row : results.rows()) {
            List<String> cells = new ArrayList<>(List.of(String.valueOf(row.position()), row.unitName()));
            pillars.forEach(pillar -> cells.add(VietnameseFormat.score(row.scores().get(pillar.code()))));
            cells.add(VietnameseFormat.score(row.total()));
            if (results.banded()) {
                cells.add(row.band().label());
            }
            cells.add(String.valueOf(row.rank()));
            rows.add(List.copyOf(cells));
        }
        GroupStatistics statistics = results.statistics();
        List<String> footer = new ArrayList<>(List.of("", "Giá trị trung bình"));
        pillars.forEach(pillar -> footer.add(VietnameseFormat.score(statistics.subtotalAverages().get(pillar.code()))));
        footer.add(VietnameseFormat.score(statistics.averageTotal()));
        footer.addAll(Collections.nCopies(header.size() - footer.size(), ""));
        return new RankingTable(List.copyOf(header), List.copyOf(rows), List.copyOf(footer));
    }

    private static String afterTable(PublishedResults results) {
        String statistics = statistics(results.statistics());
        if (results.exclusions().isEmpty()) {
            return statistics;
        }
        String excluded = "Các tiêu chí được loại trừ khỏi phạm vi đánh giá, xếp hạng: " + results.exclusions().stream()
                .map(PublishedResults.Exclusion::text).collect(Collectors.joining("; ")) + ".";
        return statistics == null ? excluded : statistics + " " + excluded;
    }

    private static String statistics(GroupStatistics statistics) {
        if (statistics.topCount() == 0) {
            return null;
        }
        return "Điểm trung bình của " + statistics.topCount() + " đơn vị đứng đầu là "
                + VietnameseFormat.score(statistics.topAverage()) + " điểm, của " + statistics.topCount()
                + " đơn vị thấp điểm nhất là " + VietnameseFormat.score(statistics.bottomAverage())
                + " điểm; chênh lệch " + VietnameseFormat.score(statistics.gap()) + " điểm.";
    }

    /**
     * "Đắk Lắk, ngày 04 tháng 5 năm 2022": Nghị định 30/2020/NĐ-CP writes days below 10 and the months 1 and 2 with a
     * leading zero.
     */
    String placeAndDate() {
        int month = date.getMonthValue();
        return place + ", ngày " + "%02d".formatted(date.getDayOfMonth()) + " tháng "
                + (month <= 2 ? "%02d".formatted(month) : String.valueOf(month)) + " năm " + date.getYear();
    }

    /** The draft as plain text, tables tab-separated, as the API gives it and the decision is typed. */
    String text() {
        StringBuilder text = new StringBuilder(DRAFT).append("\n\n");
        issuer.forEach(line -> text.append(line).append('\n'));
        text.append('\n').append(NATION).append('\n').append(MOTTO).append("\n\n")
                .append(number).append("\t\t").append(placeAndDate()).append("\n\n")
                .append(kind).append('\n');
        subject.forEach(line -> text.append(line).append('\n'));
        text.append('\n').append(authority).append("\n\n");
        recitals.forEach(recital -> text.append(recital).append("\n\n"));
        text.append(DECIDES).append("\n\n");
        for (Article article : articles) {
            text.append(article.label()).append(' ').append(article.text()).append("\n\n");
            if (article == articles.getFirst()) {
                text.append(String.join("\t", table.header())).append('\n');
                table.rows().forEach(row -> text.append(String.join("\t", row)).append('\n'));
                text.append(String.join("\t", table.footer())).append("\n\n");
                if (statistics != null) {
                    text.append(statistics).append("\n\n");
                }
            }
        }
        text.append(RECIPIENTS).append('\n');
        recipients.forEach(recipient -> text.append(recipient).append('\n'));
        return text.append('\n').append(signer).append('\n').toString();
    }
}
