package vn.dti.publication;

import vn.dti.framework.VietnameseFormat;
import vn.dti.indicator.IndicatorNode;
import vn.dti.indicator.IndicatorSet;
import vn.dti.indicator.NodeType;
import vn.dti.scoring.GroupStatistics;
import vn.dti.scoring.NodeScore;
import vn.dti.scoring.RankedUnit;
import vn.dti.scoring.Ranking;

import java.time.LocalDate;
import java.util.List;

/**
 * The draft of the publication decision, laid out as Đắk Lắk's (004): the heading, Điều 1 with the ranking table
 * (pillar scores when the set has pillars, total, rank; "-" for a unit that did not report; the group average),
 * Điều 2 and Điều 3. Plain text with tab-separated tables, as the decision is typed.
 */
final class DecisionDraft {

    private DecisionDraft() {
    }

    static String render(String provinceName, int year, String groupName, IndicatorSet set, Ranking.Result ranking,
                         LocalDate draftedOn) {
        StringBuilder text = new StringBuilder();
        text.append("ỦY BAN NHÂN DÂN\nTỈNH ").append(provinceName.toUpperCase(java.util.Locale.forLanguageTag("vi")))
                .append("\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n")
                .append("Số:      /QĐ-UBND\t\t").append(provinceName).append(", ngày ")
                .append(VietnameseFormat.date(draftedOn)).append("\n\n")
                .append("QUYẾT ĐỊNH (DỰ THẢO)\nCông bố và xếp hạng Chỉ số chuyển đổi số của cơ quan nhà nước\n")
                .append("trên địa bàn tỉnh ").append(provinceName).append(" năm ").append(year).append("\n\n")
                .append("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n\n")
                .append("Căn cứ Bộ chỉ số ").append(set.id());
        if (set.source().number() != null) {
            text.append(" ban hành kèm theo Quyết định số ").append(set.source().number());
            if (set.source().date() != null) {
                text.append(" ngày ").append(VietnameseFormat.date(set.source().date()));
            }
        }
        text.append(";\n\nQUYẾT ĐỊNH:\n\n")
                .append("Điều 1. Phê duyệt và công bố Chỉ số chuyển đổi số năm ").append(year).append(" của ")
                .append(groupName).append(", như sau:\n\n");
        // Like 004, the table shows pillar scores when the set is built on pillars, and only the total otherwise.
        List<IndicatorNode> pillars = set.items().size() > 1
                && set.items().stream().allMatch(node -> node.type() == NodeType.PILLAR) ? set.items() : List.of();
        text.append("TT\tĐơn vị");
        pillars.forEach(pillar -> text.append('\t').append(pillar.name()));
        text.append("\tTổng điểm\tXếp loại\tXếp hạng\n");
        int position = 0;
        for (RankedUnit unit : ranking.units()) {
            text.append(++position).append('\t').append(unit.score().unitName());
            for (IndicatorNode pillar : pillars) {
                NodeScore subtotal = unit.score().subtotals().get(pillar.code());
                text.append('\t').append(VietnameseFormat.score(unit.score().reported() && subtotal != null
                        ? subtotal.score() : null));
            }
            text.append('\t').append(VietnameseFormat.score(unit.score().total()))
                    .append('\t').append(unit.band().label())
                    .append('\t').append(unit.rank()).append('\n');
        }
        GroupStatistics statistics = ranking.statistics();
        text.append("\tGiá trị trung bình");
        pillars.forEach(pillar -> text.append('\t').append(VietnameseFormat.score(
                statistics.subtotalAverages().get(pillar.code()))));
        text.append('\t').append(VietnameseFormat.score(statistics.averageTotal())).append("\t\t\n\n");
        if (statistics.topCount() > 0) {
            text.append("Điểm trung bình của ").append(statistics.topCount()).append(" đơn vị đứng đầu là ")
                    .append(VietnameseFormat.score(statistics.topAverage())).append(" điểm, của ")
                    .append(statistics.topCount()).append(" đơn vị thấp điểm nhất là ")
                    .append(VietnameseFormat.score(statistics.bottomAverage())).append(" điểm; chênh lệch ")
                    .append(VietnameseFormat.score(statistics.gap())).append(" điểm.\n\n");
        }
        text.append("Điều 2. Căn cứ điểm và xếp hạng Chỉ số chuyển đổi số năm ").append(year)
                .append(", các cơ quan, đơn vị tổ chức quán triệt, rút kinh nghiệm, có giải pháp đẩy mạnh chuyển đổi số,")
                .append(" cải thiện Chỉ số chuyển đổi số trong những năm tiếp theo.\n\n")
                .append("Điều 3. Chánh Văn phòng UBND tỉnh, Thủ trưởng các cơ quan, đơn vị có tên tại Điều 1 chịu trách")
                .append(" nhiệm thi hành Quyết định này kể từ ngày ký./.\n\n")
                .append("CHỦ TỊCH\n");
        return text.toString();
    }
}
