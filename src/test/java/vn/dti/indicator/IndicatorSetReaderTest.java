package vn.dti.indicator;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndicatorSetReaderTest {

    private static final String HEADER = """
            province: T
            level: SO
            version: "1"
            effectiveFrom: 2024-01-01
            scale: 100
            complete: true
            items:
            """;

    @Test
    void readsATree() {
        IndicatorSet set = read(HEADER + """
                  - {code: "1", name: "Nhận thức số", type: MAIN, points: 100, children: [
                      {code: "1.1", name: "Có Ban chỉ đạo", type: COMPONENT, points: 40, kind: YES_NO},
                      {code: "1.2", name: "Tỷ lệ văn bản ký số", type: COMPONENT, points: 60, kind: RATIO}]}
                """);

        assertThat(set.id()).isEqualTo("T-SO-1");
        assertThat(set.leaves()).extracting(IndicatorNode::code).containsExactly("1.1", "1.2");
        assertThat(set.find("1.2").orElseThrow().kind()).isEqualTo(ItemKind.RATIO);
    }

    @Test
    void aParentThatDoesNotAddUpNamesTheFileTheCodeAndBothNumbers() {
        assertThatThrownBy(() -> read(HEADER + """
                  - {code: "1", name: "Nhận thức số", type: MAIN, points: 100, children: [
                      {code: "1.1", name: "a", type: COMPONENT, points: 40, kind: YES_NO},
                      {code: "1.2", name: "b", type: COMPONENT, points: 50, kind: RATIO}]}
                """))
                .isInstanceOf(InvalidIndicatorSetException.class)
                .hasMessageContaining("thu.yaml")
                .hasMessageContaining("mục 1: điểm tối đa 100 khác tổng điểm các mục con 90");
    }

    @Test
    void aRootThatDoesNotMatchTheScaleIsRefused() {
        assertThatThrownBy(() -> read(HEADER + """
                  - {code: "1", name: "a", type: MAIN, points: 90, kind: POINTS}
                """)).hasMessageContaining("thang điểm 100 khác tổng điểm các mục cấp trên cùng 90");
    }

    @Test
    void duplicateCodesMissingKindsAndUnknownKeysAreRefused() {
        assertThatThrownBy(() -> read(HEADER + """
                  - {code: "1", name: "a", type: MAIN, points: 50, kind: POINTS}
                  - {code: "1", name: "b", type: MAIN, points: 50}
                """)).hasMessageContaining("mã 1 bị trùng").hasMessageContaining("thiếu cách tính");
        assertThatThrownBy(() -> read(HEADER + """
                  - {code: "1", name: "a", type: MAIN, pointz: 100, kind: POINTS}
                """)).isInstanceOf(InvalidIndicatorSetException.class).hasMessageContaining("pointz");
    }

    @Test
    void whatTheFileFormatRefusesIsSaidInVietnameseWithTheLineAndTheKey() {
        assertThat(problem(HEADER + """
                  - {code: "1", name: "a", type: MAIN, points: 100, kind: YESNO}
                """)).isEqualTo("dòng 8: giá trị 'YESNO' của 'items[0].kind' không hợp lệ: cần một trong YES_NO, RATIO, POINTS");
        assertThat(problem(HEADER + """
                  - {code: "1", name: "a", type: MAIN, points: "12,5", kind: POINTS}
                """)).isEqualTo("dòng 8: giá trị '12,5' của 'items[0].points' không hợp lệ: cần một số (phần thập phân viết"
                + " sau dấu chấm, ví dụ 12.5)");
        assertThat(problem(HEADER.replace("2024-01-01", "01/01/2024") + """
                  - {code: "1", name: "a", type: MAIN, points: 100, kind: POINTS}
                """)).startsWith("dòng 4: giá trị '01/01/2024' của 'effectiveFrom' không hợp lệ: cần một ngày");
        assertThat(problem(HEADER + """
                  - {code: "1", name: "a", type: MAIN, points: 100, kind: POINTS, children: 3}
                """)).isEqualTo("dòng 8: 'items[0].children' không đúng dạng: cần một danh sách");
        assertThat(problem(HEADER + """
                  - {code: "1", name: "a", type: MAIN, pointz: 100, kind: POINTS}
                """)).isEqualTo("dòng 8: khóa 'pointz' không có trong định dạng (ở 'items[0]'); các khóa được nhận:"
                + " children, code, kind, name, parts, points, type");
        assertThat(problem(HEADER + """
                  - {code: "1", name: "a", type: MAIN, points: 100, kind: POINTS
                """)).isEqualTo("dòng 8, cột 65: lỗi cú pháp YAML: hãy kiểm tra thụt lề, dấu hai chấm và các dấu ngoặc");
        assertThat(problem("- một\n- danh sách\n")).isEqualTo("dòng 1: nội dung tệp không đúng dạng: cần một nhóm khóa"
                + " (khóa: giá trị)");
    }

    @Test
    void whatTheDatabaseCouldNotKeepIsRefused() {
        assertThat(assertThrows(HEADER.replace("version: \"1\"", "version: \"" + "9".repeat(33) + "\"") + """
                  - {code: "1", name: "a", type: MAIN, points: 100, kind: POINTS}
                """)).contains("phiên bản (version) dài 33 ký tự, tối đa 32");
        assertThat(assertThrows(HEADER + """
                  - {code: "1", name: "a", type: MAIN, points: 100, children: [
                      {code: "1.1", name: "b", type: COMPONENT, points: 33.333, kind: POINTS},
                      {code: "1.2", name: "c", type: COMPONENT, points: 66.667, kind: POINTS}]}
                """)).contains("mục 1.1: điểm tối đa 33,333 phải nhỏ hơn 100.000.000 và có tối đa 2 chữ số thập phân");
    }

    @Test
    void onlyAnIncompleteSetMayLeavePointsOut() {
        String incomplete = HEADER.replace("complete: true", "complete: false") + """
                  - {code: "1", name: "a", type: MAIN, kind: POINTS}
                """;
        assertThat(read(incomplete).complete()).isFalse();
        assertThatThrownBy(() -> read(HEADER + """
                  - {code: "1", name: "a", type: MAIN, kind: POINTS}
                """)).hasMessageContaining("mục 1: thiếu điểm tối đa");
    }

    /** The file's one problem. */
    private static String problem(String yaml) {
        try {
            read(yaml);
        } catch (InvalidIndicatorSetException e) {
            assertThat(e.problems()).hasSize(1);
            return e.problems().get(0);
        }
        throw new AssertionError("the file was read");
    }

    private static String assertThrows(String yaml) {
        try {
            read(yaml);
        } catch (InvalidIndicatorSetException e) {
            return String.join("\n", e.problems());
        }
        throw new AssertionError("the file was read");
    }

    private static IndicatorSet read(String yaml) {
        return IndicatorSetReader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "thu.yaml");
    }
}
