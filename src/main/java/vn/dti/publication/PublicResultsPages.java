package vn.dti.publication;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import vn.dti.publication.PublishedResultsReader.PublishedCycle;
import vn.dti.scoring.Band;
import vn.dti.scoring.BandThresholds;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The published results, for everyone without signing in: the list of published cycles by province, year and group,
 * one cycle's ranking with its chart and band spread, and its downloads. Only what a publication froze is read; any
 * other cycle is "not found", whether it exists or not.
 */
@Controller
class PublicResultsPages {

    private final PublishedResultsReader reader;

    PublicResultsPages(PublishedResultsReader reader) {
        this.reader = reader;
    }

    /** A published group's results, e.g. {@code /results/DLK/2021/HUYEN} or {@code /results/TN/2030/TN-H02}. */
    static String path(PublishedCycle cycle) {
        return "/results/" + cycle.provinceCode() + "/" + cycle.year() + "/" + cycle.groupCode();
    }

    /** A row of the band spread: the band, the province's rule for it, how many units and what share. */
    record BandRow(Band band, String rule, int count, String share, String barWidth) {
    }

    record Option(String value, String label) {
    }

    @GetMapping("/results")
    String index(@RequestParam(required = false) String province, @RequestParam(required = false) String year,
                 @RequestParam(required = false) String group, Model model) {
        List<PublishedCycle> all = reader.publishedCycles();
        List<PublishedCycle> chosen = all.stream()
                .filter(cycle -> blank(province) || cycle.provinceCode().equals(province))
                .filter(cycle -> blank(year) || String.valueOf(cycle.year()).equals(year))
                .filter(cycle -> blank(group) || cycle.groupCode().equals(group))
                .toList();
        if (!blank(province) && !blank(year) && !blank(group) && chosen.size() == 1) {
            return "redirect:" + path(chosen.getFirst());
        }
        Map<String, Option> provinces = new LinkedHashMap<>();
        Map<String, Option> years = new LinkedHashMap<>();
        Map<String, Option> groups = new LinkedHashMap<>();
        for (PublishedCycle cycle : all) {
            provinces.putIfAbsent(cycle.provinceCode(), new Option(cycle.provinceCode(), cycle.provinceName()));
            years.putIfAbsent(String.valueOf(cycle.year()), new Option(String.valueOf(cycle.year()),
                    String.valueOf(cycle.year())));
            if (blank(province) || cycle.provinceCode().equals(province)) {
                groups.putIfAbsent(cycle.groupCode(), new Option(cycle.groupCode(), cycle.groupTitle()));
            }
        }
        model.addAttribute("provinces", sorted(provinces));
        model.addAttribute("years", new ArrayList<>(years.values()));
        model.addAttribute("groups", new ArrayList<>(groups.values()));
        model.addAttribute("province", Objects.requireNonNullElse(province, ""));
        model.addAttribute("year", Objects.requireNonNullElse(year, ""));
        model.addAttribute("group", Objects.requireNonNullElse(group, ""));
        model.addAttribute("cycles", chosen);
        model.addAttribute("anyPublished", !all.isEmpty());
        return "results/index";
    }

    @GetMapping("/results/{cycleId:\\d+}")
    String byId(@PathVariable long cycleId) {
        return "redirect:" + path(reader.publishedCycle(cycleId).orElseThrow(PublicResultsPages::notFound));
    }

    @GetMapping("/results/{province}/{year:\\d{1,4}}/{group}")
    String results(@PathVariable String province, @PathVariable int year, @PathVariable String group, Model model) {
        PublishedCycle cycle = published(province, year, group);
        PublishedResults results = reader.results(cycle.cycleId()).orElseThrow(PublicResultsPages::notFound);
        model.addAttribute("results", results);
                model.addAttribute("chart", ResultsChart.of(results));
        model.addAttribute("bands", bands(results));
        model.addAttribute("base", path(cycle));
        return "results/cycle";
    }

    @GetMapping("/results/{province}/{year:\\d{1,4}}/{group}/ket-qua.xlsx")
    ResponseEntity<byte[]> spreadsheet(@PathVariable String province, @PathVariable int year,
                                       @PathVariable String group) {
        PublishedCycle cycle = published(province, year, group);
        return download(ResultsWorkbook.write(reader.results(cycle.cycleId()).orElseThrow(PublicResultsPages::notFound)),
                ResultsWorkbook.MEDIA_TYPE, "ket-qua-" + fileName(cycle) + ".xlsx");
    }

    @GetMapping("/results/{province}/{year:\\d{1,4}}/{group}/du-thao-quyet-dinh.docx")
    ResponseEntity<byte[]> decisionDocx(@PathVariable String province, @PathVariable int year,
                                        @PathVariable String group) {
        PublishedCycle cycle = published(province, year, group);
        return download(DecisionDocx.write(decision(cycle)), DecisionDocx.MEDIA_TYPE,
                "du-thao-quyet-dinh-" + fileName(cycle) + ".docx");
    }

    @GetMapping("/results/{province}/{year:\\d{1,4}}/{group}/du-thao-quyet-dinh.pdf")
    ResponseEntity<byte[]> decisionPdf(@PathVariable String province, @PathVariable int year,
                                       @PathVariable String group) {
        PublishedCycle cycle = published(province, year, group);
        return download(DecisionPdf.write(decision(cycle)), DecisionPdf.MEDIA_TYPE,
                "du-thao-quyet-dinh-" + fileName(cycle) + ".pdf");
    }

    private PublishedCycle published(String province, int year, String group) {
        return reader.publishedCycle(province, year, group).orElseThrow(PublicResultsPages::notFound);
    }

    private DecisionDraft decision(PublishedCycle cycle) {
        return reader.decision(cycle.cycleId()).orElseThrow(PublicResultsPages::notFound);
    }

    /** The same answer for a cycle that does not exist and one not yet published: nothing of it is public. */
    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "Không có kết quả đã công bố ở địa chỉ này");
    }

    /** Empty where the profile states no bands: the page then shows no band spread. */
    private static List<BandRow> bands(PublishedResults results) {
        BandThresholds thresholds = results.thresholds();
        if (thresholds == null) {
            return List.of();
        }
        int units = Math.max(1, results.statistics().unitCount());
        List<BandRow> rows = new ArrayList<>();
        for (Band band : Band.values()) {
            String rule = switch (band) {
                case TOT -> "từ " + percent(thresholds.good()) + " trở lên";
                case KHA -> "từ " + percent(thresholds.fair()) + " đến dưới " + percent(thresholds.good());
                case TRUNG_BINH -> "từ " + percent(thresholds.average()) + " đến dưới " + percent(thresholds.fair());
                case YEU -> "dưới " + percent(thresholds.average()) + ", hoặc không báo cáo";
            };
            int count = results.statistics().bandCounts().getOrDefault(band, 0);
            // The bar is at most 6em long, so the column stays narrow at 360 px.
            rows.add(new BandRow(band, rule, count, "%d%%".formatted(Math.round(100.0 * count / units)),
                    String.format(Locale.ROOT, "%.2fem", 6.0 * count / units)));
        }
        return rows;
    }

    private static String percent(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString().replace('.', ',') + "%";
    }

    private static String fileName(PublishedCycle cycle) {
        return cycle.provinceCode() + "-" + cycle.year() + "-" + cycle.groupCode();
    }

    private static ResponseEntity<byte[]> download(byte[] content, String mediaType, String fileName) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(mediaType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .body(content);
    }

    private static List<Option> sorted(Map<String, Option> options) {
        return options.values().stream().sorted(Comparator.comparing(Option::label)).toList();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
