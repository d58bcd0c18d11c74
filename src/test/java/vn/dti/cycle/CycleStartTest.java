package vn.dti.cycle;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dti.indicator.Level;
import vn.dti.security.DtiUser;
import vn.dti.security.Role;
import vn.dti.workflow.EngineClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cycle's process starts inside the transaction that creates the cycle; its first job, which reads the cycle in a
 * transaction of its own, waits for that one to commit instead of failing its retries away.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CycleStartTest {

    private static final DtiUser ADMIN = new DtiUser("quantri.tn", Role.ADMIN, "TN", "TN");

    @Autowired
    TestRestTemplate http;
    @Autowired
    EngineClock clock;
    @Autowired
    CycleService cycles;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theFirstJobWaitsForTheStartToCommit() {
        ProcessTestSupport support = new ProcessTestSupport(http, clock);
        int year = support.freshYear();
        Long cycle = new TransactionTemplate(transactions).execute(status -> {
            long id = cycles.start("TN", year, Level.XA, "TN-H01", ADMIN).getId();
            // Long enough for the open-period job to be activated, and retried, before this commit.
            pause();
            return id;
        });

        support.assessmentOf(cycle, "TN-X001");
        assertThat(cycles.get(cycle).getStatus()).isEqualTo(CycleStatus.SELF_ASSESSMENT);
    }

    private static void pause() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
