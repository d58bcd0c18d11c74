package vn.dti.publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.dti.framework.VietnameseFormat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ResultsImportApiTest {

    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) ->
            a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;
    private static final String HEADER = "TT;Đơn vị;Chính quyền số;Kinh tế số;Xã hội số;Tổng điểm;Xếp hạng\n";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void importsSeed004HuyenTableAndReportsItsTwoDiscrepancies() {
        List<Integer> before = counts();

        ResponseEntity<JsonNode> response = upload(Seed004.huyenCsv(), "huyen-2021.csv", "DLK", "HUYEN", "2021");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode report = response.getBody();
        assertThat(response.getHeaders().getLocation()).hasToString("/api/results-imports/" + report.get("id").asLong());
        assertThat(report.get("indicatorSetId").asText()).isEqualTo("DLK-HUYEN-2021");
        assertThat(report.get("format").asText()).isEqualTo("CSV");
        assertThat(report.get("fileSha256").asText()).hasSize(64);

        assertThat(report.get("discrepancies")).hasSize(2);
        assertThat(report.get("discrepancies").get(0).toString()).isEqualTo("""
                {"line":8,"unitCode":"DLK-H07","unitName":"UBND huyện Krông Bông","column":"Tổng điểm",\
                "published":"159,99","computed":"160,01",\
                "reason":"tổng điểm công bố khác tổng các cột điểm (Chính quyền số + Kinh tế số + Xã hội số)"}""");
        assertThat(report.get("discrepancies").get(1).toString()).isEqualTo("""
                {"line":17,"unitCode":null,"unitName":"Giá trị trung bình","column":"Xã hội số",\
                "published":"30,42","computed":"31,45","reason":"giá trị trung bình công bố khác trung bình tính lại\
                 trên 15 đơn vị của bảng (đơn vị không báo cáo tính 0 điểm)"}""");
        assertThat(report.get("warnings")).isEmpty();

        JsonNode units = report.get("units");
        assertThat(units).hasSize(15);
        JsonNode krongBong = units.get(6);
        assertThat(krongBong.get("rank").asInt()).isEqualTo(7);
        assertThat(krongBong.get("unitCode").asText()).isEqualTo("DLK-H07");
        assertThat(krongBong.get("scores").get(2).get("column").asText()).isEqualTo("Xã hội số");
        assertThat(krongBong.get("scores").get(2).get("text").asText()).isEqualTo("38,92");
        assertThat(krongBong.get("total").get("text").asText()).isEqualTo("160,01");
        // Đắk Lắk's profile states no bands (004 publishes none)
        assertThat(krongBong.get("bandLabel").isNull()).isTrue();
        assertThat(units.get(14).get("reported").asBoolean()).isFalse();
        assertThat(units.get(14).get("total").get("text").asText()).isEqualTo("-");
        assertThat(units.findValuesAsText("rank")).containsExactlyElementsOf(
                units.findValuesAsText("publishedRank"));

        assertThat(report.get("statistics").get("averages").findValuesAsText("column"))
                .containsExactly("Chính quyền số", "Kinh tế số", "Xã hội số", "Tổng điểm");
        assertThat(report.get("statistics").get("averages").findValues("computed").stream()
                .map(figure -> figure.get("text").asText()))
                .containsExactly("101,25", "29,64", "31,45", "162,33");

        assertThat(counts()).containsExactly(before.get(0) + 1, before.get(1) + 15, before.get(2) + 2);
    }

    @Test
    void theSameTableAsXlsxGivesTheSameReport() throws IOException {
        JsonNode fromCsv = upload(Seed004.huyenCsv(), "huyen-2021.csv", "DLK", "HUYEN", "2021").getBody();

        ResponseEntity<JsonNode> response = upload(xlsx(Seed004.huyenCsv()), "bang-2.bin", "DLK", "HUYEN", "2021");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody().get("format").asText()).isEqualTo("XLSX");
        // A spreadsheet's 20 is the CSV's "20,00": numbers are compared as numbers.
        assertThat(withoutFileFacts(response.getBody()).equals(NUMBERS_BY_VALUE, withoutFileFacts(fromCsv)))
                .as("XLSX report %s%nequals CSV report %s", response.getBody(), fromCsv).isTrue();
    }

    @Test
    void importsSeed004SoTableWhoseOnlyScoreIsTheTotal() {
        ResponseEntity<JsonNode> response = upload(Seed004.soCsv(), "so-2021.csv", "DLK", "SO", "2021");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode report = response.getBody();
        assertThat(report.get("indicatorSetId").asText()).isEqualTo("DLK-SO-2021");
        assertThat(report.get("discrepancies")).isEmpty();
        assertThat(report.get("units")).hasSize(18);
        assertThat(report.get("units").get(0).get("unitName").asText())
                .isEqualTo("Sở Nông nghiệp và Phát triển nông thôn");
        // 162,08 of 180 is 90,04%, but 004 never says "Tốt": no band
        assertThat(report.get("units").get(0).get("bandLabel").isNull()).isTrue();
        assertThat(report.get("statistics").get("bandCounts")).isEmpty();
        JsonNode average = report.get("statistics").get("averages").get(0);
        assertThat(average.get("computed").get("text").asText()).isEqualTo("128,20");
        assertThat(average.get("published").get("text").asText()).isEqualTo("128,20");
        assertThat(report.get("statistics").get("gap").get("text").asText()).isEqualTo("41,56");
    }

    @Test
    void answersAStoredReportByIdAndNotFoundForAnother() {
        JsonNode created = upload(Seed004.huyenCsv(), "huyen-2021.csv", "DLK", "HUYEN", "2021").getBody();
        long id = created.get("id").asLong();

        ResponseEntity<JsonNode> stored = as("hoidong.dlk").getForEntity("/api/results-imports/" + id, JsonNode.class);
        ResponseEntity<JsonNode> missing = as("quantri.dlk").getForEntity("/api/results-imports/" + (id + 1000), JsonNode.class);

        assertThat(stored.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(stored.getBody()).isEqualTo(created);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void onlyTheProvincesAdministratorAndCouncilImportAndReadItsTables() {
        long id = upload(Seed004.huyenCsv(), "huyen-2021.csv", "DLK", "HUYEN", "2021").getBody().get("id").asLong();
        List<Integer> before = counts();

        for (String other : List.of("quantri.bn", "hoidong.bn", "canbo.bn-s01", "chutich.bn")) {
            assertThat(as(other).getForEntity("/api/results-imports/" + id, JsonNode.class).getStatusCode())
                    .as(other).isEqualTo(HttpStatus.FORBIDDEN);
        }
        ResponseEntity<JsonNode> foreign = upload("quantri.bn", Seed004.huyenCsv(), "huyen-2021.csv", "DLK", "HUYEN",
                "2021");
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(foreign.getBody().get("detail").asText())
                .isEqualTo("Chỉ quản trị viên hoặc Hội đồng thẩm định của tỉnh DLK được nhập và xem bảng kết quả đối chiếu");
        assertThat(rest.getForEntity("/api/results-imports/" + id, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(counts()).isEqualTo(before);
    }

    static Stream<Arguments> refusals() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        String seed = new String(Seed004.huyenCsv(), StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of("not CSV or XLSX", png, "DLK", "2021", "file", "tệp không phải CSV hoặc XLSX"),
                Arguments.of("unknown unit",
                        utf8(seed.replace("UBND huyện Ea Súp", "UBND huyện Hòa Bình")), "DLK", "2021",
                        "dòng 13", "không có đơn vị 'UBND huyện Hòa Bình' cấp huyện của tỉnh Đắk Lắk"),
                Arguments.of("unknown column", utf8("TT;Đơn vị;Điểm thưởng;Tổng điểm\n1;UBND huyện Lắk;5;5\n"), "DLK", "2021",
                        "cột Điểm thưởng", "không phải cột của bảng kết quả theo bộ chỉ số DLK-HUYEN-2021;"
                                + " các cột được chấp nhận: TT hoặc STT, Đơn vị (hoặc Tên đơn vị, Tên huyện),"
                                + " Chính quyền số (hoặc I), Kinh tế số (hoặc II), Xã hội số (hoặc III),"
                                + " Tổng điểm, Xếp hạng"),
                Arguments.of("not a number", utf8(HEADER + "1;UBND huyện Lắk;94,67;20.5.1;8,28;123,45;1\n"),
                        "DLK", "2021", "dòng 2, cột Kinh tế số", "'20.5.1' không phải là số"),
                Arguments.of("unknown province", Seed004.huyenCsv(), "XYZ", "2021",
                        "province", "không có tỉnh mã 'XYZ'"),
                Arguments.of("no indicator set for the year", Seed004.huyenCsv(), "DLK", "2020",
                        "year", "không có bộ chỉ số cấp huyện của tỉnh Đắk Lắk có hiệu lực ngày 31/12/2020"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesBadInputNamingFieldAndReasonAndStoresNothing(String label, byte[] content, String province,
                                                             String year, String field, String reason) {
        List<Integer> before = counts();

        ResponseEntity<JsonNode> response = upload(content, "bang.csv", province, "HUYEN", year);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors")).hasSize(1);
        assertThat(response.getBody().get("errors").get(0).get("field").asText()).isEqualTo(field);
        assertThat(response.getBody().get("errors").get(0).get("reason").asText()).isEqualTo(reason);
        assertThat(counts()).isEqualTo(before);
    }

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, "thu-nghiem");
    }

    private ResponseEntity<JsonNode> upload(byte[] content, String fileName, String province, String level,
                                            String year) {
        return upload("quantri.dlk", content, fileName, province, level, year);
    }

    private ResponseEntity<JsonNode> upload(String user, byte[] content, String fileName, String province,
                                            String level, String year) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        body.add("province", province);
        body.add("level", level);
        body.add("year", year);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as(user).postForEntity("/api/results-imports", new HttpEntity<>(body, headers), JsonNode.class);
    }

    private List<Integer> counts() {
        return Stream.of("results_import", "results_import_row", "results_import_discrepancy")
                .map(table -> jdbc.queryForObject("select count(*) from " + table, Integer.class)).toList();
    }

    private static JsonNode withoutFileFacts(JsonNode report) {
        ObjectNode copy = report.deepCopy();
        copy.remove(List.of("id", "fileName", "fileSha256", "format", "importedAt"));
        return copy;
    }

    /** The CSV's rows as a spreadsheet would hold them: numbers as numeric cells, everything else as text. */
    private static byte[] xlsx(byte[] csv) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet();
            List<String> lines = new String(csv, StandardCharsets.UTF_8).lines().toList();
            for (int r = 0; r < lines.size(); r++) {
                Row row = sheet.createRow(r);
                String[] cells = lines.get(r).split(";", -1);
                for (int c = 0; c < cells.length; c++) {
                    if (cells[c].matches("\\d+(,\\d+)?")) {
                        row.createCell(c).setCellValue(VietnameseFormat.parseScore(cells[c]).doubleValue());
                    } else {
                        row.createCell(c).setCellValue(cells[c]);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
