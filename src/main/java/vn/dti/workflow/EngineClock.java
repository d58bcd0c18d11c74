package vn.dti.workflow;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * "Now" as the process engine sees it. In embedded mode the engine's clock can be moved forward (demonstrations,
 * tests: a year in seconds), and every date the application compares with the engine's timers must use this clock.
 * Against a real cluster it is the wall clock and cannot be moved.
 */
@Component
public class EngineClock {

    private final ZeebeTestEngine engine;
    private volatile Duration offset = Duration.ZERO;

    EngineClock(ObjectProvider<ZeebeTestEngine> engine) {
        this.engine = engine.getIfAvailable();
    }

    public Instant now() {
        return Instant.now().plus(offset);
    }

    public boolean movable() {
        return engine != null;
    }

    /** Moves the embedded engine's clock forward; its timers due by then fire. */
    public synchronized Instant advance(Duration duration) {
        if (engine == null) {
            throw new IllegalStateException("Chỉ dời được đồng hồ của bộ máy quy trình nhúng (chế độ embedded)");
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("Đồng hồ chỉ dời tới, không lùi lại");
        }
        engine.increaseTime(duration);
        offset = offset.plus(duration);
        return now();
    }

    /** Moves the clock to {@code instant} if it is later than now. */
    public Instant advanceTo(Instant instant) {
        Duration gap = Duration.between(now(), instant);
        return gap.isNegative() || gap.isZero() ? now() : advance(gap);
    }
}
