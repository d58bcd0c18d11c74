package vn.dti.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.dti.cycle.ProcessTestSupport;
import vn.dti.workflow.EngineClock;
import vn.dti.workflow.ProcessModel.Appraisal;
import vn.dti.workflow.ProcessModel.UnitAssessment;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dti.cycle.ProcessTestSupport.forAssessment;

/**
 * Issue 10, failure 4 on the council's review page: two members (or two tabs) appraising one item, the later save
 * silently overwrote the earlier one. The page now sends the item's version it was read on; a save on an older
 * version is refused with who saved what and when, and the stored value stays the first member's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CouncilPageConflictDrillTest {

    private static final String COUNCIL = "hoidong.tn-h01";
    private static final String OFFICER = "canbo.tn-x001";
    private static final Pattern VERSION = Pattern.compile("name=\"version-1\" value=\"(\\d+)\"");

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    EngineClock clock;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSaveOnTheVersionAnotherMemberHasMovedPastIsRefusedAndChangesNothing() {
        ProcessTestSupport support = new ProcessTestSupport(http, clock);
        int year = support.freshYear();
        long cycle = support.startCycle(year, "XA", "TN-H01");
        long assessment = support.assessmentOf(cycle, "TN-X001");
        support.awaitTask(OFFICER, UnitAssessment.SELF_ASSESSMENT, forAssessment(assessment));
        support.ok(OFFICER, HttpMethod.PUT, "/api/assessments/" + assessment, Map.of("items", Map.of(
                "1", Map.of("points", 40, "evidence", List.of("Báo cáo hạ tầng.pdf"),
                        "explanation", "Tự chấm theo báo cáo hạ tầng"),
                "2", Map.of("met", true, "explanation", "Có trang thông tin điện tử"))));
        support.complete(OFFICER, support.awaitTask(OFFICER, UnitAssessment.SELF_ASSESSMENT,
                forAssessment(assessment)), Map.of());
        support.awaitAssessmentStatus(OFFICER, assessment, "SUBMITTED");
        support.advanceTo(OffsetDateTime.parse(year + "-12-01T00:00:01+07:00"));
        support.awaitTask(COUNCIL, Appraisal.COUNCIL_REVIEW, forAssessment(assessment));

        String page = "/council/assessments/" + assessment;
        WebSession first = signedIn();
        WebSession second = signedIn();
        String firstRead = first.get(page).body();
        String secondRead = second.get(page).body();

        HttpResponse<String> saved = second.postForm(page + "/appraisal",
                form(secondRead, "30", "Báo cáo chỉ nêu 3/4 hệ thống"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(second.get(page).body()).contains("Đã lưu điểm thẩm định");

        HttpResponse<String> late = first.postForm(page + "/appraisal", form(firstRead, "20", "Thiếu minh chứng"));
        assertThat(late.statusCode()).isEqualTo(302);
        assertThat(first.get(page).body()).contains("Không lưu được: mục 1 đã được " + COUNCIL + " lưu lúc");
        assertThat(jdbc.queryForObject("select appraisal_reason from assessment_item where assessment_id = ?"
                + " and item_code = '1'", String.class, assessment)).isEqualTo("Báo cáo chỉ nêu 3/4 hệ thống");
    }

    private WebSession signedIn() {
        WebSession session = new WebSession(port);
        assertThat(session.signIn(COUNCIL, ProcessTestSupport.PASSWORD).statusCode()).isEqualTo(302);
        return session;
    }

    /** The review form as the member fills it on the page read: item 1's score and reason, its version. */
    private static Map<String, String> form(String page, String score, String reason) {
        Matcher version = VERSION.matcher(page);
        assertThat(version.find()).as("the page carries item 1's version").isTrue();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", WebSession.csrfTokenIn(page, "the review page"));
        form.put("action", "save");
        form.put("score-1", score);
        form.put("reason-1", reason);
        form.put("version-1", version.group(1));
        return form;
    }
}
