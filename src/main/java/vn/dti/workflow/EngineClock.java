package vn.dti.workflow;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.dti.framework.VietnameseFormat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * "Now" as the process engine sees it. In embedded mode the engine's clock can be moved forward (demonstrations,
 * tests: a year in seconds), and every date the application compares with the engine's timers must use this clock.
 * Against a real cluster it is the wall clock and cannot be moved.
 */
@Component
public class EngineClock {

    /**
     * The latest moment the clock may show: dates are kept and shown with four-digit years (PostgreSQL's timestamps
     * end in the year 294276, the engine's in epoch milliseconds), and a clock moved past them could never come back.
     */
    public static final Instant LATEST = LocalDateTime.of(9999, 12, 31, 23, 59, 59)
            .atZone(VietnameseFormat.VIETNAM).toInstant();

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

    /**
     * Moves the embedded engine's clock forward; its timers due by then fire. A move backwards or past {@link #LATEST}
     * is refused with an {@link IllegalArgumentException} before anything moves.
     */
    public synchronized Instant advance(Duration duration) {
        if (engine == null) {
            throw new IllegalStateException("Chỉ dời được đồng hồ của bộ máy quy trình nhúng (chế độ embedded)");
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("đồng hồ chỉ dời tới, không lùi lại");
        }
        if (duration.compareTo(Duration.between(now(), LATEST)) > 0) {
            throw new IllegalArgumentException("đồng hồ không dời quá " + VietnameseFormat.dateTime(LATEST)
                    + " (đang là " + VietnameseFormat.dateTime(now()) + ")");
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
