package vn.dti.cycle;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A cycle's process is started inside the transaction that creates the cycle, so that a refused start leaves neither
 * behind. Its first job runs in another transaction and can arrive before that one has committed, when the cycle is
 * not visible to it yet: it would fail, and its retries follow each other within milliseconds. The start holds a
 * PostgreSQL transaction-level advisory lock on the cycle until it commits or rolls back; the job takes the same lock
 * first, and so reads the cycle once the start has ended.
 */
@Component
class CycleStartLock {

    /** The first key of the two-key advisory locks: which kind of thing is locked ("DTIC"). */
    private static final int CYCLE_START = 0x44544943;

    private final JdbcTemplate jdbc;

    CycleStartLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Held by the starting transaction until it ends. */
    void hold(long cycleId) {
        lock("pg_advisory_xact_lock", cycleId);
    }

    /** Returns once no start of this cycle is in progress. */
    void awaitStart(long cycleId) {
        lock("pg_advisory_xact_lock_shared", cycleId);
    }

    private void lock(String function, long cycleId) {
        jdbc.query("select " + function + "(?, ?)", rs -> null, CYCLE_START, Math.toIntExact(cycleId));
    }
}
