package vn.dti.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The limit on failed sign-ins, as plain arithmetic on instants: 5 failures within 15 minutes lock for 15 minutes. */
class SignInLimitTest {

    private static final SignInLimit LIMIT = new SignInLimit(5, Duration.ofMinutes(15), Duration.ofMinutes(15));
    private static final Instant T0 = Instant.parse("2025-06-05T07:00:00Z");

    @Test
    void theFifthFailureWithinTheWindowLocksForTheLockDuration() {
        SignInLimit.State state = SignInLimit.State.NONE;
        for (int minute = 0; minute < 4; minute++) {
            state = LIMIT.afterFailure(state, T0.plus(Duration.ofMinutes(minute * 3)));
            assertThat(LIMIT.locked(state, T0.plus(Duration.ofMinutes(minute * 3)))).isFalse();
        }
        assertThat(state.failures()).isEqualTo(4);

        Instant fifth = T0.plus(Duration.ofMinutes(14));
        state = LIMIT.afterFailure(state, fifth);

        assertThat(state.lockedUntil()).isEqualTo(fifth.plus(Duration.ofMinutes(15)));
        assertThat(LIMIT.locked(state, fifth.plus(Duration.ofMinutes(15)).minusSeconds(1))).isTrue();
        assertThat(LIMIT.locked(state, fifth.plus(Duration.ofMinutes(15)))).isFalse();
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        SignInLimit.State state = SignInLimit.State.NONE;
        for (int i = 0; i < 4; i++) {
            state = LIMIT.afterFailure(state, T0.plusSeconds(i));
        }
        state = LIMIT.afterFailure(state, T0.plus(Duration.ofMinutes(15)));

        assertThat(state.lockedUntil()).isNull();
        assertThat(state.failures()).isEqualTo(1);
        assertThat(state.windowStart()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
    }

    @Test
    void aFailureAfterTheLockHasEndedStartsCountingAgain() {
        SignInLimit.State locked = new SignInLimit.State(0, null, T0);

        SignInLimit.State next = LIMIT.afterFailure(locked, T0.plusSeconds(1));

        assertThat(LIMIT.locked(next, T0.plusSeconds(1))).isFalse();
        assertThat(next.failures()).isEqualTo(1);
    }

    @Test
    void aFailureWhileLockedNeitherLiftsNorLengthensTheLock() {
        SignInLimit.State locked = new SignInLimit.State(0, null, T0.plus(Duration.ofMinutes(15)));

        assertThat(LIMIT.afterFailure(locked, T0.plusSeconds(1))).isEqualTo(locked);
    }

    @Test
    void aLimitThatCouldNeverLockIsRefused() {
        assertThatThrownBy(() -> new SignInLimit(0, Duration.ofMinutes(15), Duration.ofMinutes(15)))
                .hasMessageContaining("max-failures ≥ 1");
        assertThatThrownBy(() -> new SignInLimit(5, Duration.ZERO, Duration.ofMinutes(15)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
