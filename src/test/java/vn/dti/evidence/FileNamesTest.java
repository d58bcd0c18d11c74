package vn.dti.evidence;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTest {

    @Test
    void keepsOnlyTheLastPartOfAPath() {
        assertThat(FileNames.sanitise("../../x")).isEqualTo("x");
        assertThat(FileNames.sanitise("C:\\Users\\canbo\\Báo cáo số 12.pdf")).isEqualTo("Báo cáo số 12.pdf");
        assertThat(FileNames.sanitise("/etc/passwd")).isEqualTo("passwd");
    }

    @Test
    void dropsWhatIsNoName() {
        assertThat(FileNames.sanitise("..")).isEqualTo(FileNames.UNNAMED);
        assertThat(FileNames.sanitise("../")).isEqualTo(FileNames.UNNAMED);
        assertThat(FileNames.sanitise(null)).isEqualTo(FileNames.UNNAMED);
        assertThat(FileNames.sanitise(".bashrc")).isEqualTo("bashrc");
        assertThat(FileNames.sanitise("kế\u0000hoạch\r\n<1>.docx")).isEqualTo("kếhoạch1.docx");
    }

    @Test
    void composesVietnameseLetters() {
        String decomposed = Normalizer.normalize("Quyết định.pdf", Normalizer.Form.NFD);

        assertThat(FileNames.sanitise(decomposed)).isEqualTo("Quyết định.pdf").hasSize(14);
    }

    @Test
    void shortensALongNameBeforeItsExtension() {
        String name = FileNames.sanitise("Báo cáo ".repeat(40) + ".xlsx");

        assertThat(name).hasSize(200).endsWith(".xlsx").startsWith("Báo cáo Báo cáo");
    }
}
