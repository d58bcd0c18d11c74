package vn.dti.security;

import java.time.Duration;
import java.time.Instant;

/**
 * The limit on failed sign-ins of one user name: {@code maxFailures} failures within {@code window} lock the name
 * for {@code lockDuration}. A failure after the window has passed starts a new count; one while the name is locked
 * changes nothing (it neither lifts nor lengthens the lock).
 */
record SignInLimit(int maxFailures, Duration window, Duration lockDuration) {

    SignInLimit {
        if (maxFailures < 1 || window.isNegative() || window.isZero() || lockDuration.isNegative()
                || lockDuration.isZero()) {
            throw new IllegalArgumentException("dti.security.sign-in-limit: max-failures ≥ 1, window và lock-duration"
                    + " phải dương (đang là " + maxFailures + ", " + window + ", " + lockDuration + ")");
        }
    }

    /** What is known of one name: failures counted since {@code windowStart}, or a lock until {@code lockedUntil}. */
    record State(int failures, Instant windowStart, Instant lockedUntil) {

        static final State NONE = new State(0, null, null);
    }

    boolean locked(State state, Instant now) {
        return state.lockedUntil() != null && now.isBefore(state.lockedUntil());
    }

    State afterFailure(State state, Instant now) {
        if (locked(state, now)) {
            return state;
        }
        boolean inWindow = state.windowStart() != null && now.isBefore(state.windowStart().plus(window));
        int failures = inWindow ? state.failures() + 1 : 1;
        if (failures >= maxFailures) {
            return new State(0, null, now.plus(lockDuration));
        }
        return new State(failures, inWindow ? state.windowStart() : now, null);
    }
}
