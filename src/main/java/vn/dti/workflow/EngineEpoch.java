package vn.dti.workflow;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which run of the process engine a job belongs to. The embedded engine keeps its state in memory and hands its keys
 * out again from the same first value at every start, so a key names a job only together with the run: each start of
 * the embedded engine takes the next epoch from the database ({@code engine_epoch}). A Camunda cluster keeps its keys
 * unique for its whole life; its epoch is {@value #CLUSTER}, as is that of everything recorded before epochs were kept.
 */
@Component
public class EngineEpoch {

    static final long CLUSTER = 0;

    private final long current;

    EngineEpoch(ObjectProvider<ZeebeTestEngine> engine, JdbcTemplate jdbc) {
        this.current = engine.getIfAvailable() == null ? CLUSTER
                : jdbc.queryForObject("insert into engine_epoch (started_at) values (now()) returning id", Long.class);
    }

    public long current() {
        return current;
    }

    /** What a job's effects are keyed by: the same for a redelivery, never the same for another run's job. */
    public JobId of(ActivatedJob job) {
        return new JobId(current, job.getKey());
    }

    /** A job of one run of the engine: its epoch and its key in that run. */
    public record JobId(long epoch, long key) {
    }
}
