package vn.dti.evidence;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The headers of the seeds' decisions, as their texts begin, and the other ways documents are written. */
class DocumentHeaderTest {

    /** Seed 002, Bắc Ninh: the two-column header as text, one cell a line. */
    static final String SEED_002 = """
             ỦY BAN NHÂN DÂN
            TỈNH BẮC NINH
            --------
            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            Độc lập - Tự do - Hạnh phúc
            ---------------
            Số: 1187/QĐ-UBND
            Bắc Ninh, ngày 06 tháng 10 năm 2023
            QUYẾT ĐỊNH
            BAN HÀNH BỘ CHỈ SỐ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ CỦA CÁC SỞ, BAN, NGÀNH, CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ TRÊN ĐỊA BÀN TỈNH BẮC NINH
            CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH
            Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;
            Căn cứ Quyết định số 922/QĐ-BTTTT ngày 20/5/2022 của Bộ Thông tin và Truyền thông về việc phê duyệt Đề án;
            """;

    /** Seed 003, Quảng Nam: table cells broken over lines, the date split from its place. */
    static final String SEED_003 = """
            ỦY BAN NHÂN DÂN
            TỈNH QUẢNG NAM
            -------
            |
            CỘNG HÒA XÃ HỘI
            CHỦ NGHĨA VIỆT NAM
            Độc lập - Tự do - Hạnh phúc
            ---------------
            |
            Số: 2326/QĐ-UBND
            |
            Quảng Nam, ngày
            13 tháng 8 năm 2021
            |
            QUYẾT ĐỊNH
            BAN HÀNH TẠM THỜI BỘ CHỈ SỐ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ CẤP XÃ
            TRÊN ĐỊA BÀN TỈNH QUẢNG NAM
            ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM
            Căn cứ Luật Tổ chức chính
            quyền địa phương ngày 19/6/2015;
            Căn cứ Kế hoạch số
            2004/KH-UBND ngày 12/4/2021 của UBND tỉnh về thí điểm chuyển đổi số cấp xã trên
            """;

    /** Seed 000, Kon Tum: the text starts at the title; its only dates and numbers are in the grounds. */
    static final String SEED_000 = """


            QUYẾT ĐỊNH
            **Ban hành Bộ chỉ số đánh giá Chuyển đổi số của các cơ quan nhà nước
            trên địa bàn tỉnh Kon Tum**

            ỦY BAN NHÂN DÂN TỈNH KON TUM

            *Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
            *Căn cứ Quyết định số 749/QĐ-TTg ngày 03 tháng 6 năm 2020 của Thủ
            """;

    @Test
    void readsSeed002() {
        assertThat(DocumentHeader.read(SEED_002))
                .isEqualTo(new DocumentHeader("Quyết định", "1187/QĐ-UBND", LocalDate.of(2023, 10, 6)));
    }

    @Test
    void readsSeed003WhoseDateIsBrokenOverTwoLines() {
        assertThat(DocumentHeader.read(SEED_003))
                .isEqualTo(new DocumentHeader("Quyết định", "2326/QĐ-UBND", LocalDate.of(2021, 8, 13)));
    }

    @Test
    void takesNothingFromTheGrounds() {
        assertThat(DocumentHeader.read(SEED_000)).isEqualTo(new DocumentHeader("Quyết định", null, null));
    }

    @Test
    void readsANumericDateAndThePlanKind() {
        assertThat(DocumentHeader.read("ỦY BAN NHÂN DÂN XÃ MỘT A\nSố: 15/KH-UBND\nMột A, ngày 06/10/2023\nKẾ HOẠCH\n"
                + "Triển khai chuyển đổi số năm 2024"))
                .isEqualTo(new DocumentHeader("Kế hoạch", "15/KH-UBND", LocalDate.of(2023, 10, 6)));
    }

    @Test
    void aSymbolThatStartsWithTheIssuerIsAnOfficialLetter() {
        assertThat(DocumentHeader.read("UBND TỈNH THỬ NGHIỆM\nSố: 1234/UBND-VX\nV/v triển khai chuyển đổi số\n"
                + "Thử Nghiệm, ngày 6/10/2023\nKính gửi: Các sở, ban, ngành"))
                .isEqualTo(new DocumentHeader("Công văn", "1234/UBND-VX", LocalDate.of(2023, 10, 6)));
    }

    @Test
    void withoutATitleTheKindComesFromTheSymbol() {
        assertThat(DocumentHeader.read("Số: 25/BC-UBND    Một A, ngày 15 tháng 11 năm 2024\nKết quả chuyển đổi số"))
                .isEqualTo(new DocumentHeader("Báo cáo", "25/BC-UBND", LocalDate.of(2024, 11, 15)));
    }

    @Test
    void readsALegalDocumentsYearAndSpacesLeftByOcr() {
        assertThat(DocumentHeader.read("Số : 12/2023/ QĐ - UBND\nHà Nội, ngày 01 tháng 3 năm 2023"))
                .isEqualTo(new DocumentHeader("Quyết định", "12/2023/QĐ-UBND", LocalDate.of(2023, 3, 1)));
        assertThat(DocumentHeader.read("Số: 166/TTr- STTTT").number()).isEqualTo("166/TTr-STTTT");
    }

    @Test
    void readsDecomposedDiacritics() {
        String decomposed = Normalizer.normalize(SEED_002, Normalizer.Form.NFD);

        assertThat(DocumentHeader.read(decomposed))
                .isEqualTo(new DocumentHeader("Quyết định", "1187/QĐ-UBND", LocalDate.of(2023, 10, 6)));
    }

    @Test
    void anImpossibleDateIsNoDate() {
        assertThat(DocumentHeader.read("Một A, ngày 31/02/2023").date()).isNull();
    }

    @Test
    void aTextWithoutAHeaderHasNothing() {
        assertThat(DocumentHeader.read("Danh sách cán bộ tham gia tập huấn chuyển đổi số"))
                .isEqualTo(new DocumentHeader(null, null, null));
        assertThat(DocumentHeader.read(null)).isEqualTo(new DocumentHeader(null, null, null));
    }
}
