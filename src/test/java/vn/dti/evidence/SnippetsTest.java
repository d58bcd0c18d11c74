package vn.dti.evidence;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SnippetsTest {

    @Test
    void marksTheMatchedWordsInTheOriginalWithItsDiacritics() {
        String text = "Kế hoạch Chuyển đổi số năm 2024 của Sở Nội vụ";

        assertThat(snippet(text, List.of("chuyen", "doi", "so")))
                .isEqualTo("Kế hoạch <mark>Chuyển đổi số</mark> năm 2024 của <mark>Sở</mark> Nội vụ");
    }

    @Test
    void readsDAsUnaccentDoes() {
        assertThat(snippet("ĐẮK LẮK, ngày 04 tháng 5", List.of("dak")))
                .isEqualTo("<mark>ĐẮK</mark> LẮK, ngày 04 tháng 5");
    }

    @Test
    void findsWordsWrittenDecomposed() {
        String decomposed = Normalizer.normalize("về chuyển đổi số", Normalizer.Form.NFD);

        assertThat(snippet(decomposed, List.of("chuyen", "doi", "so")))
                .isEqualTo(Normalizer.normalize("về <mark>chuyển đổi số</mark>", Normalizer.Form.NFD));
    }

    @Test
    void marksWholeWordsOnly() {
        assertThat(snippet("Số hoá sổ sách", List.of("so")))
                .isEqualTo("<mark>Số</mark> hoá <mark>sổ</mark> sách");
        assertThat(snippet("số hóa dữ liệu", List.of("hoa", "lieu")))
                .isEqualTo("số <mark>hóa</mark> dữ <mark>liệu</mark>");
        assertThat(Snippets.marked("thanh toán", List.of("toa"))).isEmpty();
    }

    @Test
    void marksLexemesThatKeepTheirPunctuation() {
        String text = "Căn cứ Quyết định số 1187/QĐ-UBND ngày 06/10/2023 của UBND tỉnh";

        assertThat(snippet(text, List.of("1187/qd-ubnd", "06/10/2023")))
                .isEqualTo("Căn cứ Quyết định số <mark>1187/QĐ-UBND</mark> ngày <mark>06/10/2023</mark> của UBND tỉnh");
    }

    @Test
    void escapesTheDocumentsOwnMarkup() {
        assertThat(snippet("a < b & <script>số</script>", List.of("so")))
                .isEqualTo("a &lt; b &amp; &lt;script&gt;<mark>số</mark>&lt;/script&gt;");
    }

    @Test
    void cutsALongTextAroundThePassageWithTheMostDifferentWords() {
        String filler = "Văn bản hành chính thông thường về công tác quản lý nhà nước. ".repeat(20);
        String text = filler + "Một lần nói về chuyển đổi. " + filler + "Kế hoạch chuyển đổi số của tỉnh. " + filler;

        String snippet = snippet(text, List.of("chuyen", "doi", "so"));

        assertThat(snippet).startsWith("…").endsWith("…").contains("<mark>chuyển đổi số</mark> của tỉnh")
                .doesNotContain("Một lần");
        assertThat(snippet.replace("<mark>", "").replace("</mark>", "").length())
                .isLessThanOrEqualTo(Snippets.WIDTH + 2);
    }

    @Test
    void withoutAMatchShowsTheBeginning() {
        String text = "Báo cáo kết quả " + "thực hiện nhiệm vụ ".repeat(30);

        assertThat(Snippets.marked(text, List.of("khong"))).isEmpty();
        assertThat(Snippets.beginning(text)).startsWith("Báo cáo kết quả thực hiện").endsWith("…")
                .doesNotContain("<mark>");
        assertThat(Snippets.marked(null, List.of("so"))).isEmpty();
        assertThat(Snippets.beginning(null)).isEmpty();
    }

    @Test
    void findsThePassageWithEveryWordInALongRepetitiveText() {
        String text = "số ".repeat(50_000) + "chuyển đổi số";

        assertThat(snippet(text, List.of("chuyen", "doi", "so"))).startsWith("…<mark>số số")
                .endsWith(" số chuyển đổi</mark>…");
    }

    @Test
    void takesThePositiveLexemesOfAQuery() {
        assertThat(Snippets.positiveLexemes("'chuyen' <-> 'doi' <-> 'so' & !'ke' & '1187/qd-ubnd' | 'hoach'"))
                .containsExactly("chuyen", "doi", "so", "1187/qd-ubnd", "hoach");
        assertThat(Snippets.positiveLexemes("'a' & !( 'b' <-> 'c' ) & 'd'")).containsExactly("a", "d");
        assertThat(Snippets.positiveLexemes("'it''s' & 'so' & 'so'")).containsExactly("it's", "so");
        assertThat(Snippets.positiveLexemes("")).isEmpty();
    }

    private static String snippet(String text, List<String> lexemes) {
        return Snippets.marked(text, lexemes).orElseThrow();
    }
}
