package vn.dti.cycle;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.dti.appraisal.AppraisalService;
import vn.dti.assessment.AssessmentService;
import vn.dti.assessment.AssessmentStatus;
import vn.dti.indicator.Level;
import vn.dti.publication.PublicationService;
import vn.dti.security.DtiUser;
import vn.dti.security.Role;
import vn.dti.workflow.EngineClock;
import vn.dti.workflow.EngineEpoch;
import vn.dti.workflow.EngineEpoch.JobId;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dti.cycle.ProcessTestSupport.await;

/**
 * Zeebe delivers a job at least once: what each worker does, done twice with the same job, changes nothing more.
 * The workers are thin, so their steps are called here twice directly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IdempotentStepsTest {

    @Autowired
    CycleService cycles;
    @Autowired
    AssessmentService assessments;
    @Autowired
    AppraisalService appraisals;
    @Autowired
    PublicationService publications;
    @Autowired
    EngineClock clock;
    @Autowired
    EngineEpoch epoch;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyStepDoneTwiceLeavesWhatItLeftOnce() {
        int year = clock.now().atOffset(ZoneOffset.ofHours(7)).getYear() + 60;
        Cycle cycle = cycles.start("TN", year, Level.XA, "TN-H01", new DtiUser("quantri.tn", Role.ADMIN, "TN", "TN"));
        long id = cycle.getId();
        List<Long> opened = await("phiếu", () -> Optional.of(assessments.ofCycle(id).stream().map(a -> a.getId())
                .toList()).filter(list -> list.size() == 2));

        assertThat(assessments.open(id, cycle.getIndicatorSetId(), cycles.groupUnits(cycle))).isEqualTo(opened);
        assertThat(assessments.ofCycle(id)).hasSize(2);

        long assessment = opened.getFirst();
        var due = clock.now().plus(Duration.ofHours(1));
        assessments.remind(assessment, due, "30/11/" + year, clock.now());
        assessments.remind(assessment, due, "30/11/" + year, clock.now());
        assertThat(assessments.notifications(assessment)).hasSize(1);

        int auditBefore = count("select count(*) from audit_log");
        assertThat(assessments.closeUnreported(assessment, clock.now())).isTrue();
        assertThat(assessments.closeUnreported(assessment, clock.now())).isFalse();
        assertThat(assessments.get(assessment).getStatus()).isEqualTo(AssessmentStatus.NOT_REPORTED);
        assertThat(count("select count(*) from audit_log")).isEqualTo(auditBefore + 1);

        JobId request = new JobId(epoch.current(), 987_654_321L);
        var first = appraisals.recordRequest(opened.get(1), List.of("1"), "Giải trình mục 1", Duration.ofDays(3),
                "hoidong.tn-h01", clock.now(), request);
        var again = appraisals.recordRequest(opened.get(1), List.of("1"), "Giải trình mục 1", Duration.ofDays(3),
                "hoidong.tn-h01", clock.now(), request);
        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(appraisals.requests(opened.get(1))).hasSize(1);
        // The same key in another run of the engine (after a restart) is another job: its request is recorded.
        appraisals.recordRequest(opened.get(1), List.of("2"), "Giải trình mục 2", Duration.ofDays(3),
                "hoidong.tn-h01", clock.now(), new JobId(epoch.current() + 1, request.key()));
        assertThat(appraisals.requests(opened.get(1))).hasSize(2);

        JobId decision = new JobId(epoch.current(), 123_456_789L);
        cycles.recordDecision(id, false, "Xem lại", "chutich.tn-h01", decision);
        cycles.recordDecision(id, false, "Xem lại", "chutich.tn-h01", decision);
        assertThat(cycles.decisions(id)).hasSize(1);
        cycles.recordDecision(id, false, "Xem lại lần nữa", "chutich.tn-h01",
                new JobId(epoch.current() + 1, decision.key()));
        assertThat(cycles.decisions(id)).hasSize(2);

        publications.publish(id);
        publications.publish(id);
        assertThat(count("select count(*) from publication where cycle_id = " + id)).isEqualTo(1);
        assertThat(count("select count(*) from published_result where cycle_id = " + id)).isEqualTo(2);
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}
