package vn.dti.cycle;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.dti.calendar.CalendarField;
import vn.dti.calendar.CalendarService;
import vn.dti.calendar.CycleCalendar;
import vn.dti.framework.VietnameseFormat;
import vn.dti.indicator.IndicatorNode;
import vn.dti.indicator.IndicatorSet;
import vn.dti.indicator.IndicatorSetCatalog;
import vn.dti.scoring.GroupScoring;
import vn.dti.scoring.ItemColumns;
import vn.dti.scoring.ItemEntry;
import vn.dti.scoring.ItemScorer;
import vn.dti.scoring.Ranking;
import vn.dti.scoring.RankingRules;
import vn.dti.scoring.UnitSheet;
import vn.dti.workflow.EngineClock;
import vn.dti.workflow.ProcessModel.Appraisal;
import vn.dti.workflow.ProcessModel.Cycle;
import vn.dti.workflow.ProcessModel.UnitAssessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dti.cycle.ProcessTestSupport.forAssessment;
import static vn.dti.cycle.ProcessTestSupport.forCycle;

/**
 * A year of each of the five seed provinces, through the API and the embedded engine, on the province's own
 * calendar: units added by the administrator where the seed names none, the cycle opened (with the dates its
 * decision leaves to the administrator), a few units self-assessing with an uploaded evidence file and the others
 * not reporting, the council appraising, the chairman approving, and the results published on the calendar's date.
 * The published ranking is checked against the scoring engine fed with the same entries. Each province has its own
 * test method, with what its own regulation profile makes different asserted as a person meets it through the API:
 * Bắc Ninh refuses an explanation in place of a file and any exclusion; Kon Tum accepts the explanation and bands the
 * units, a unit that did not report Yếu; Đắk Lắk has no band anywhere and no not-applicable item; Quảng Nam proposes
 * the item few units entered and excludes it only by the council's decision. In every profile a typed file name is
 * no evidence.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SeedProvinceYearsTest {

    private static final String EXPLANATION = "Đơn vị đã triển khai theo Kế hoạch số 12/KH-UBND, giải trình bằng"
            + " văn bản";
    /** A file name typed on an item, with no file uploaded. */
    private static final String TYPED_NAME = "bao-cao-chuyen-doi-so.pdf";

    @Autowired
    TestRestTemplate http;
    @Autowired
    EngineClock clock;
    @Autowired
    IndicatorSetCatalog indicatorSets;
    @Autowired
    CalendarService calendars;

    @Test
    void konTum() {
        ProcessTestSupport support = new ProcessTestSupport(http, clock).as("quantri.kt");
        for (int i = 1; i <= 3; i++) {
            addUnit("quantri.kt", "KT", Map.of("code", "KT-TS0" + i, "name", "Sở thử nghiệm số " + i + " (kiểm thử)",
                    "level", "SO"));
        }
        int year = support.freshYear();
        // KT-TS03 does not report: under Kon Tum's bands it is Yếu (000 Điều 9.2).
        Year kt = new Year(support, "KT", year, "quantri.kt", "hoidong.kt", "chutich.kt",
                Map.of("province", "KT", "year", year, "level", "SO"), List.of("KT-TS01", "KT-TS02"))
                .checkingEvidence(this::explanationAccepted);

        CycleCalendar calendar = kt.open();
        assertThat(calendar.dataPeriodStart()).isEqualTo(at((year - 1) + "-11-01T00:00:00"));
        assertThat(calendar.selfAssessmentDeadline()).isEqualTo(at(year + "-11-30T23:59:59"));
        assertThat(calendar.appraisalStart()).isEqualTo(at(year + "-12-01T00:00:00"));
        assertThat(calendar.publicationAt()).isEqualTo(at((year + 1) + "-01-15T08:00:00"));

        JsonNode published = kt.run();
        assertThat(ranking(published)).isEqualTo(kt.expected()).hasSize(3);
        assertThat(bands(published)).isEqualTo(kt.expectedBands()).contains("KT-TS03 YEU")
                .allSatisfy(row -> assertThat(row).doesNotEndWith(" null"));
        String page = http.getForObject("/results/KT/" + year + "/SO", String.class);
        assertThat(page).contains("Xếp loại</th>", "từ 90% trở lên", "từ 70% đến dưới 90%", "từ 50% đến dưới 70%",
                "dưới 50%, hoặc không báo cáo").doesNotContain("không quy định xếp loại");
    }

    /** 000 Điều 6.2: a written explanation backs an item; a typed file name alone does not. */
    private void explanationAccepted(ProcessTestSupport support, String officer, long assessment, IndicatorSet set,
                                     String item, Map<String, Object> typed) {
        assertThat(itemProblemsWith(support, officer, assessment, item, typed, "explanation", EXPLANATION)).isEmpty();
        assertThat(itemProblemsWith(support, officer, assessment, item, typed, "evidence", List.of(TYPED_NAME)))
                .singleElement().asString().contains("có điểm nhưng chưa có tài liệu kiểm chứng hoặc giải trình bằng"
                        + " văn bản (tài liệu kiểm chứng là tệp đã tải lên, không phải tên gõ vào)");
    }

    @Test
    void bacNinh() {
        ProcessTestSupport support = new ProcessTestSupport(http, clock).as("quantri.bn");
        int year = support.freshYear();
        Year bn = new Year(support, "BN", year, "quantri.bn", "hoidong.bn", "chutich.bn",
                Map.of("province", "BN", "year", year, "level", "SO"), List.of("BN-S03", "BN-S07", "BN-S12"))
                .checkingEvidence(this::explanationRefused);

        CycleCalendar calendar = bn.open();
        assertThat(calendar.dataPeriodStart()).isEqualTo(at((year - 1) + "-10-01T00:00:00"));
        assertThat(calendar.dataPeriodEnd()).isEqualTo(at(year + "-09-30T23:59:59"));
        assertThat(calendar.selfAssessmentDeadline()).isEqualTo(at(year + "-10-10T23:59:59"));
        assertThat(calendar.appraisalStart()).isEqualTo(at(year + "-10-11T00:00:00"));
        assertThat(calendar.publicationAt()).isEqualTo(at(year + "-11-20T08:00:00"));

        JsonNode published = bn.run();
        List<String> ranking = ranking(published);
        assertThat(ranking).isEqualTo(bn.expected());
        assertThat(ranking.subList(0, 3)).allSatisfy(row -> assertThat(row).doesNotEndWith(" -"));
        assertThat(ranking.subList(3, ranking.size())).isNotEmpty().allSatisfy(row -> assertThat(row).endsWith(" -"));

        // 002 states no exclusion: nothing is proposed and the council cannot exclude.
        assertThat(support.ok("hoidong.bn", HttpMethod.GET, "/api/cycles/" + bn.id() + "/exclusions", null)).isEmpty();
        String item = bn.set().leaves().get(0).code();
        ResponseEntity<JsonNode> refused = support.call("hoidong.bn", HttpMethod.PUT, "/api/cycles/" + bn.id()
                + "/exclusions/" + item, Map.of("exclude", true, "reason", "Ít đơn vị có số liệu"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("errors")).extracting(e -> e.get("field").asText() + ": "
                + e.get("reason").asText()).containsExactly("item: quy chế của bộ chỉ số " + bn.set().id()
                + " không quy định loại trừ tiêu chí: không có quyết định loại trừ nào");
    }

    /** 002 II.2.c: an item with points needs an uploaded file; neither an explanation nor a typed name will do. */
    private void explanationRefused(ProcessTestSupport support, String officer, long assessment, IndicatorSet set,
                                    String item, Map<String, Object> typed) {
        for (Map.Entry<String, Object> backing : Map.of("explanation", EXPLANATION,
                "evidence", (Object) List.of(TYPED_NAME)).entrySet()) {
            assertThat(itemProblemsWith(support, officer, assessment, item, typed, backing.getKey(),
                    backing.getValue())).as(backing.getKey()).singleElement().asString()
                    .contains("có điểm nhưng chưa có tài liệu kiểm chứng (tệp đã tải lên)")
                    .endsWith(") không nhận giải trình thay tài liệu kiểm chứng.");
        }
    }

    @Test
    void dakLak() {
        ProcessTestSupport support = new ProcessTestSupport(http, clock).as("quantri.dlk");
        int year = support.freshYear();
        Map<String, Object> request = Map.of("province", "DLK", "year", year, "level", "SO");

        // 004 gives no deadline for the units: the administrator must give one.
        ResponseEntity<JsonNode> refused = support.call("quantri.dlk", HttpMethod.POST, "/api/cycles", request);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("errors")).extracting(e -> e.get("field").asText() + ": "
                + e.get("reason").asText()).containsExactly("dates.SELF_ASSESSMENT_DEADLINE: lịch của tỉnh DLK không"
                + " định hạn tự đánh giá (004 không nêu hạn các cơ quan, đơn vị tự đánh giá trên Hệ thống DTI):"
                + " quản trị viên nhập ngày này khi mở kỳ");

        Map<String, Object> withDeadline = new HashMap<>(request);
        withDeadline.put("dates", Map.of("SELF_ASSESSMENT_DEADLINE", (year + 1) + "-01-20T23:59:59+07:00"));
        Year dlk = new Year(support, "DLK", year, "quantri.dlk", "hoidong.dlk", "chutich.dlk", withDeadline,
                List.of("DLK-S01", "DLK-S06", "DLK-S10")).checkingEvidence(this::notApplicableRefused);
        CycleCalendar calendar = dlk.open();
        assertThat(calendar.dataPeriodStart()).isEqualTo(at(year + "-01-01T00:00:00"));
        assertThat(calendar.dataPeriodEnd()).isEqualTo(at(year + "-12-31T23:59:59"));
        assertThat(calendar.selfAssessmentDeadline()).isEqualTo(at((year + 1) + "-01-20T23:59:59"));
        assertThat(calendar.appraisalStart()).isEqualTo(at((year + 1) + "-03-04T00:00:00"));
        assertThat(calendar.appraisalEnd()).isEqualTo(at((year + 1) + "-04-10T23:59:59"));
        assertThat(calendar.publicationAt()).isEqualTo(at((year + 1) + "-05-04T08:00:00"));

        JsonNode published = dlk.run();
        List<String> ranking = ranking(published);
        assertThat(ranking).isEqualTo(dlk.expected()).hasSize(18);

        // 004 publishes no band: none in the results, the decision draft or the public page.
        assertThat(published.get("results")).allSatisfy(row -> assertThat(row.get("band").isNull()).isTrue());
        assertThat(published.get("decisionDraft").asText()).doesNotContain("Xếp loại", "Tốt", "Yếu");
        String page = http.getForObject("/results/DLK/" + year + "/SO", String.class);
        assertThat(page).contains("Quy chế của tỉnh không quy định xếp loại").doesNotContain("Xếp loại</th>");
    }

    /** 004 states no not-applicable items: a claim is refused and every item is scored. */
    private void notApplicableRefused(ProcessTestSupport support, String officer, long assessment, IndicatorSet set,
                                      String item, Map<String, Object> typed) {
        ResponseEntity<JsonNode> refused = support.call(officer, HttpMethod.PUT, "/api/assessments/" + assessment,
                Map.of("items", Map.of(item, Map.of("notApplicable", true,
                        "explanation", "Đơn vị không có nhiệm vụ này trong năm"))));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("errors")).extracting(e -> e.get("field").asText() + ": "
                + e.get("reason").asText()).containsExactly("items." + item + ": quy chế của bộ chỉ số " + set.id()
                + " không quy định mục không áp dụng: mục phải được chấm điểm (không có số liệu thì 0 điểm)");
    }

    @Test
    void quangNam() {
        ProcessTestSupport support = new ProcessTestSupport(http, clock).as("quantri.qna");
        addUnit("quantri.qna", "QNA", Map.of("code", "QNA-TH01", "name", "UBND huyện Thử nghiệm (kiểm thử)",
                "level", "HUYEN"));
        for (int i = 1; i <= 3; i++) {
            addUnit("quantri.qna", "QNA", Map.of("code", "QNA-TX0" + i, "name", "UBND xã Thử nghiệm " + i
                    + " (kiểm thử)", "level", "XA", "parent", "QNA-TH01"));
        }
        int year = support.freshYear();
        // 003 states only the publication, before May: every other date is the administrator's.
        Map<String, Object> request = Map.of("province", "QNA", "year", year, "level", "XA", "group", "QNA-TH01",
                "dates", Map.of("DATA_PERIOD_START", year + "-01-01T00:00:00+07:00",
                        "DATA_PERIOD_END", year + "-12-31T23:59:59+07:00",
                        "SELF_ASSESSMENT_DEADLINE", (year + 1) + "-01-15T23:59:59+07:00",
                        "APPRAISAL_START", (year + 1) + "-01-16T00:00:00+07:00",
                        "APPRAISAL_END", (year + 1) + "-03-31T23:59:59+07:00"));
        Year qna = new Year(support, "QNA", year, "quantri.qna", "hoidong.qna-th01", "chutich.qna-th01", request,
                List.of("QNA-TX01", "QNA-TX02", "QNA-TX03"));

        CycleCalendar calendar = qna.open();
        assertThat(calendar.selfAssessmentDeadline()).isEqualTo(at((year + 1) + "-01-15T23:59:59"));
        assertThat(calendar.publicationAt()).isEqualTo(at((year + 1) + "-04-30T08:00:00"));

        // Only QNA-TX01 enters this item: 1 of 3 units with data, below 003's half, so it is proposed.
        IndicatorNode sparse = qna.set().leaves().get(1);
        String reason = "Chỉ 1/3 xã có số liệu (QĐ 2326/QĐ-UBND mục II.2.b)";
        qna.enteredOnlyByFirst(sparse.code()).beforeApproval(() -> exclusionDecided(support, qna, sparse, reason));

        JsonNode published = qna.run();
        assertThat(ranking(published)).isEqualTo(qna.expected(Set.of(sparse.code()))).hasSize(3)
                .isNotEqualTo(qna.expected());
        String excluded = sparse.code() + " " + sparse.name() + " (" + reason + ")";
        assertThat(http.getForObject("/results/QNA/" + year + "/QNA-TH01", String.class))
                .contains("Tiêu chí loại trừ khỏi xếp hạng", excluded);
        assertThat(published.get("decisionDraft").asText()).contains(sparse.code() + " " + sparse.name());
    }

    /**
     * 003 II.2.b: the item below the share is proposed, and counted until the council decides; the council excludes
     * it with its reason, audited.
     */
    private void exclusionDecided(ProcessTestSupport support, Year qna, IndicatorNode item, String reason) {
        String path = "/api/cycles/" + qna.id() + "/exclusions";
        JsonNode proposed = support.ok(qna.council, HttpMethod.GET, path, null);
        assertThat(proposed).extracting(p -> p.get("item").asText() + " " + p.get("withData").asInt() + "/"
                + p.get("inScope").asInt() + " " + p.get("excluded")).containsExactly(item.code() + " 1/3 null");

        // Undecided, it still counts: the chairman's page shows the totals with the item in.
        String totalWithItem = scaledTotal(qna.oracle(Set.of()), "QNA-TX01");
        String totalWithout = scaledTotal(qna.oracle(Set.of(item.code())), "QNA-TX01");
        assertThat(totalWithItem).isNotEqualTo(totalWithout);
        String chairmanPage = http.withBasicAuth(qna.chairman, ProcessTestSupport.PASSWORD)
                .getForObject("/chairman", String.class);
        assertThat(chairmanPage).contains(totalWithItem);

        JsonNode decided = support.ok(qna.council, HttpMethod.PUT, path + "/" + item.code(),
                Map.of("exclude", true, "reason", reason));
        assertThat(decided.get("excluded").asBoolean()).isTrue();
        assertThat(decided.get("reason").asText()).isEqualTo(reason);
        assertThat(decided.get("decidedBy").asText()).isEqualTo(qna.council);

        JsonNode audit = support.ok(qna.admin, HttpMethod.GET, "/api/audit?action=cycle.exclusion", null);
        assertThat(audit.get("entries")).filteredOn(e -> e.get("subjectId").asText().equals(String.valueOf(qna.id())))
                .singleElement().satisfies(e -> {
                    assertThat(e.get("actor").asText()).isEqualTo(qna.council);
                    assertThat(e.get("after").get("item").asText()).isEqualTo(item.code());
                    assertThat(e.get("after").get("excluded").asBoolean()).isTrue();
                    assertThat(e.get("after").get("reason").asText()).isEqualTo(reason);
                });
    }

    @Test
    void ngheAn() {
        ProcessTestSupport support = new ProcessTestSupport(http, clock).as("quantri.na");
        addUnit("quantri.na", "NA", Map.of("code", "NA-TS01", "name", "Sở thử nghiệm (kiểm thử)", "level", "SO"));
        int year = support.freshYear();

        // 001 gives the evaluation period 01/01–30/12 and no other date.
        CycleCalendar calendar = calendars.plan("NA", year, Map.of(
                CalendarField.SELF_ASSESSMENT_DEADLINE, at((year + 1) + "-01-10T23:59:59"),
                CalendarField.APPRAISAL_START, at((year + 1) + "-01-11T00:00:00"),
                CalendarField.APPRAISAL_END, at((year + 1) + "-02-28T23:59:59"),
                CalendarField.PUBLICATION_AT, at((year + 1) + "-03-15T08:00:00")));
        assertThat(calendar.dataPeriodStart()).isEqualTo(at(year + "-01-01T00:00:00"));
        assertThat(calendar.dataPeriodEnd()).isEqualTo(at(year + "-12-30T23:59:59"));

        // The article gives neither the decision's year nor any points: its sets bind no year, and the cycle is
        // refused saying so, rather than run on made-up points.
        ResponseEntity<JsonNode> refused = support.call("quantri.na", HttpMethod.POST, "/api/cycles",
                Map.of("province", "NA", "year", year, "level", "SO"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("errors").get(0).get("reason").asText()).isEqualTo("tỉnh NA chưa có bộ chỉ"
                + " số cấp sở có hiệu lực trong năm " + year + " (NA-SO-1082 chưa có ngày hiệu lực và chưa đủ điểm các"
                + " mục, nên chưa dùng được)");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void addUnit(String admin, String province, Map<String, Object> unit) {
        ResponseEntity<JsonNode> added = new ProcessTestSupport(http, clock).call(admin, HttpMethod.POST,
                "/api/provinces/" + province + "/units", unit);
        assertThat(added.getStatusCode()).as("%s", added.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    private static OffsetDateTime at(String local) {
        return OffsetDateTime.parse(local + "+07:00");
    }

    private static OffsetDateTime date(JsonNode calendar, String field) {
        return OffsetDateTime.parse(calendar.get(field).asText()).withOffsetSameInstant(CycleCalendar.VIETNAM);
    }

    private static String scaledTotal(Ranking.Result ranking, String unit) {
        return ranking.units().stream().filter(u -> u.score().unitCode().equals(unit)).findFirst()
                .map(u -> VietnameseFormat.score(u.scaledTotal())).orElseThrow();
    }

    /** The item saved as typed plus one field, then the submission problems that name it. */
    private static List<String> itemProblemsWith(ProcessTestSupport support, String officer, long assessment,
                                                 String item, Map<String, Object> typed, String field, Object value) {
        Map<String, Object> saved = new HashMap<>(typed);
        saved.put(field, value);
        support.ok(officer, HttpMethod.PUT, "/api/assessments/" + assessment, Map.of("items", Map.of(item, saved)));
        return problemsOf(support, officer, assessment).stream().filter(p -> p.startsWith("Mục " + item + " ("))
                .toList();
    }

    private static List<String> problemsOf(ProcessTestSupport support, String officer, long assessment) {
        List<String> problems = new ArrayList<>();
        support.ok(officer, HttpMethod.GET, "/api/assessments/" + assessment, null).get("submissionProblems")
                .forEach(p -> problems.add(p.asText()));
        return problems;
    }

    private static List<String> bands(JsonNode publication) {
        List<String> rows = new ArrayList<>();
        publication.get("results").forEach(r -> rows.add(r.get("unitCode").asText() + " " + r.get("band").asText()));
        return rows;
    }

    private static List<String> ranking(JsonNode publication) {
        List<String> rows = new ArrayList<>();
        publication.get("results").forEach(r -> rows.add(r.get("rank").asInt() + " " + r.get("unitCode").asText()
                + " " + r.get("totalText").asText()));
        return rows;
    }

    /** What a province's rules make different about backing the first reporting unit's first scored item. */
    @FunctionalInterface
    private interface EvidenceCheck {
        void check(ProcessTestSupport support, String officer, long assessment, IndicatorSet set, String item,
                   Map<String, Object> typed);
    }

    /** One province's cycle driven through the API, with what the test entered as the oracle of its ranking. */
    private final class Year {

        private final ProcessTestSupport support;
        private final String province;
        private final int year;
        private final String admin;
        private final String council;
        private final String chairman;
        private final Map<String, Object> request;
        private final List<String> reporting;
        private final Map<String, Map<String, ItemColumns>> entered = new HashMap<>();
        private long cycle;
        private CycleCalendar calendar;
        private EvidenceCheck evidenceCheck = (support, officer, assessment, set, item, typed) -> { };
        private Runnable beforeApproval = () -> { };
        private String enteredOnlyByFirst;

        Year(ProcessTestSupport support, String province, int year, String admin, String council, String chairman,
             Map<String, Object> request, List<String> reporting) {
            this.support = support;
            this.province = province;
            this.year = year;
            this.admin = admin;
            this.council = council;
            this.chairman = chairman;
            this.request = request;
            this.reporting = reporting;
        }

        /** Checks run on the first reporting unit's first scored item, after its entries and before its upload. */
        Year checkingEvidence(EvidenceCheck check) {
            this.evidenceCheck = check;
            return this;
        }

        /** Run once the ranking awaits the chairman's approval, before he gives it. */
        Year beforeApproval(Runnable step) {
            this.beforeApproval = step;
            return this;
        }

        /** An item that only the first reporting unit enters: the others leave it without data. */
        Year enteredOnlyByFirst(String item) {
            this.enteredOnlyByFirst = item;
            return this;
        }

        long id() {
            return cycle;
        }

        IndicatorSet set() {
            return indicatorSets.get(support.cycle(cycle).get("indicatorSet").asText()).orElseThrow();
        }

        CycleCalendar open() {
            JsonNode opened = support.ok(admin, HttpMethod.POST, "/api/cycles", request);
            cycle = opened.get("id").asLong();
            assertThat(opened.get("province").asText()).isEqualTo(province);
            JsonNode dates = opened.get("calendar");
            calendar = new CycleCalendar(date(dates, "dataPeriodStart"), date(dates, "dataPeriodEnd"),
                    date(dates, "selfAssessmentDeadline"), List.of(), java.time.Duration.ofDays(5),
                    date(dates, "appraisalStart"), date(dates, "appraisalEnd"), date(dates, "publicationAt"));
            return calendar;
        }

        /** Self-assessment, appraisal, approval and publication; returns the published results. */
        JsonNode run() {
            IndicatorSet set = set();
            int index = 0;
            for (String unit : reporting) {
                selfAssess(set, unit, index++);
            }
            support.advanceTo(calendar.appraisalStart().plusSeconds(1));
            for (JsonNode assessment : support.cycle(cycle).get("assessments")) {
                long id = assessment.get("id").asLong();
                if (!reporting.contains(assessment.get("unitCode").asText())) {
                    support.awaitAssessmentStatus(admin, id, "NOT_REPORTED");
                    continue;
                }
                JsonNode review = support.awaitTask(council, Appraisal.COUNCIL_REVIEW, forAssessment(id));
                support.complete(council, review, Map.of("decision", "appraise"));
                support.awaitAssessmentStatus(council, id, "APPRAISED");
            }
            JsonNode approval = support.awaitTask(chairman, Cycle.APPROVE_RANKING, forCycle(cycle));
            beforeApproval.run();
            support.complete(chairman, approval, Map.of("approved", true));
            support.awaitCycleStatus(cycle, "AWAITING_PUBLICATION");
            support.advanceTo(calendar.publicationAt().plusSeconds(1));
            support.awaitCycleStatus(cycle, "PUBLISHED");
            return http.getForObject("/api/publications/" + cycle, JsonNode.class);
        }

        private void selfAssess(IndicatorSet set, String unit, int index) {
            String officer = "canbo." + unit.toLowerCase(Locale.ROOT);
            long assessment = support.assessmentOf(cycle, unit);
            JsonNode task = support.awaitTask(officer, UnitAssessment.SELF_ASSESSMENT, forAssessment(assessment));
            assertThat(OffsetDateTime.parse(task.get("dueDate").asText()).toInstant())
                    .isEqualTo(calendar.selfAssessmentDeadline().toInstant());
            Map<String, Object> items = new LinkedHashMap<>();
            Map<String, ItemColumns> columns = new LinkedHashMap<>();
            int item = 0;
            for (IndicatorNode leaf : set.leaves()) {
                if (index > 0 && leaf.code().equals(enteredOnlyByFirst)) {
                    item++;
                    continue;
                }
                // Different for each unit and item, so that the ranking has something to order.
                BigDecimal share = BigDecimal.valueOf((index * 3 + item++) % 7 + 3).divide(BigDecimal.TEN);
                ItemEntry entry = switch (leaf.kind()) {
                    case YES_NO -> (index + item) % 3 == 0 ? ItemEntry.no() : ItemEntry.yes();
                    case RATIO -> ItemEntry.ratio(share.multiply(BigDecimal.valueOf(100)).toPlainString(), "100");
                    case POINTS -> ItemEntry.points(leaf.points().multiply(share).setScale(2, RoundingMode.HALF_UP)
                            .toPlainString());
                };
                Map<String, Object> typed = new HashMap<>();
                if (entry.met() != null) typed.put("met", entry.met());
                if (entry.numerator() != null) typed.put("numerator", entry.numerator());
                if (entry.denominator() != null) typed.put("denominator", entry.denominator());
                if (entry.points() != null) typed.put("points", entry.points());
                items.put(leaf.code(), typed);
                columns.put(leaf.code(), ItemColumns.selfOnly(entry));
            }
            entered.put(unit, columns);
            support.ok(officer, HttpMethod.PUT, "/api/assessments/" + assessment,
                    Map.of("generalInfo", Map.of("name", unit), "items", items));
            if (index == 0) {
                IndicatorNode scored = set.leaves().stream().filter(leaf -> columns.containsKey(leaf.code())
                        && scoresAboveZero(leaf, columns.get(leaf.code()).self())).findFirst()
                        .orElseThrow();
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) items.get(scored.code());
                evidenceCheck.check(support, officer, assessment, set, scored.code(), typed);
            }
            uploadEvidence(officer, assessment, set.leaves().stream().map(IndicatorNode::code).toList());
            // Every entered item now has its uploaded file: nothing blocks the submission, whatever the profile.
            assertThat(problemsOf(support, officer, assessment)).isEmpty();
            support.complete(officer, task, Map.of());
            support.awaitAssessmentStatus(officer, assessment, "SUBMITTED");
        }

        /** One report, uploaded and linked to every item: evidence that is a stored file, as every profile accepts. */
        private void uploadEvidence(String officer, long assessment, List<String> itemCodes) {
            MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
            String text = "Báo cáo số 15/BC-UBND ngày 20/10/" + year + " về kết quả chuyển đổi số của đơn vị";
            body.add("files", new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)) {
                @Override
                public String getFilename() {
                    return "bao-cao-cds-" + year + ".txt";
                }
            });
            itemCodes.forEach(code -> body.add("items", code));
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
            ResponseEntity<JsonNode> uploaded = http.withBasicAuth(officer, ProcessTestSupport.PASSWORD).exchange(
                    "/api/assessments/" + assessment + "/evidence", HttpMethod.POST, new HttpEntity<>(body, headers),
                    JsonNode.class);
            assertThat(uploaded.getStatusCode().is2xxSuccessful()).as("%s", uploaded.getBody()).isTrue();
        }

        private static boolean scoresAboveZero(IndicatorNode leaf, ItemEntry entry) {
            BigDecimal score = ItemScorer.score(leaf, entry);
            return score != null && score.signum() > 0;
        }

        /** The ranking the scoring engine gives the same entries, units that did not report last. */
        List<String> expected() {
            return expected(Set.of());
        }

        /** As {@link #expected()}, with the council's exclusions. */
        List<String> expected(Set<String> excluded) {
            return oracle(excluded).units().stream().map(u -> u.rank() + " " + u.score().unitCode() + " "
                    + (u.score().reported() ? VietnameseFormat.score(u.score().total()) : "-")).toList();
        }

        /** Each unit's band as the scoring engine gives it ("null" where the profile states no bands). */
        List<String> expectedBands() {
            return oracle(Set.of()).units().stream().map(u -> u.score().unitCode() + " "
                    + (u.band() == null ? "null" : u.band().name())).toList();
        }

        Ranking.Result oracle(Set<String> excluded) {
            JsonNode cycleNode = support.cycle(cycle);
            IndicatorSet set = set();
            List<UnitSheet> sheets = new ArrayList<>();
            for (JsonNode assessment : cycleNode.get("assessments")) {
                String code = assessment.get("unitCode").asText();
                sheets.add(entered.containsKey(code) ? new UnitSheet(code, code, true, entered.get(code))
                        : UnitSheet.notReported(code, code));
            }
            return Ranking.rank(GroupScoring.score(set, sheets, excluded).units(), set.items().stream()
                    .map(IndicatorNode::code).toList(), set.scale(), RankingRules.of(set.profile()));
        }
    }
}
