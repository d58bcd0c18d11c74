package vn.dti.framework;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Waits in tests for what happens a moment later (a job run, a row written, a task created), asking every 100 ms. */
public final class Poll {

    private Poll() {
    }

    /** What the probe found within that time, or empty. */
    public static <T> Optional<T> within(Duration patience, Supplier<Optional<T>> probe) {
        long until = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < until) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return Optional.empty();
    }

    /** What the probe found within that time; a test waiting longer fails, saying for {@code what}. */
    public static <T> T await(String what, Duration patience, Supplier<Optional<T>> probe) {
        return within(patience, probe).orElseThrow(() -> new AssertionError("Hết thời gian chờ: " + what));
    }
}
