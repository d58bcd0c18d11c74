package vn.dti.security;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Failed sign-ins per user name, stored so that a restart keeps a lock. Names that do not exist are counted too: a
 * lock then says nothing about whether a name is real. Wall-clock time, not the engine's movable clock.
 *
 * <p>Every attempt is counted as a failure under the name's row lock <em>before</em> its password is checked, and a
 * right password then clears the count: checking first and counting after let parallel attempts all pass the check
 * of a name not yet locked (40 parallel wrong passwords were 40 guesses, not 5).
 */
@Service
class SignInAttempts {

    private final JdbcTemplate jdbc;
    private final SignInLimit limit;
    private final Clock clock;

    @Autowired
    SignInAttempts(JdbcTemplate jdbc, SignInLimitProperties properties) {
        this(jdbc, properties.limit(), Clock.systemUTC());
    }

    SignInAttempts(JdbcTemplate jdbc, SignInLimit limit, Clock clock) {
        this.jdbc = jdbc;
        this.limit = limit;
        this.clock = clock;
    }

    /**
     * What an attempt may do: refused while the name is locked ({@code admitted} false, until {@code lockedUntil});
     * else let through to the password check, already counted as failed, with the lock that count set if any (the
     * answer to a wrong password then).
     */
    record Admission(boolean admitted, Instant lockedUntil) {
    }

    /** Counts the attempt as failed, unless the name is locked; one transaction holding the name's row lock. */
    @Transactional
    public Admission admit(String username) {
        String key = key(username);
        Instant now = clock.instant();
        jdbc.update("insert into sign_in_attempt (username) values (?) on conflict do nothing", key);
        SignInLimit.State state = state(key);
        if (limit.locked(state, now)) {
            return new Admission(false, state.lockedUntil());
        }
        SignInLimit.State next = limit.afterFailure(state, now);
        jdbc.update("update sign_in_attempt set failures = ?, window_start = ?, locked_until = ? where username = ?",
                next.failures(), timestamp(next.windowStart()), timestamp(next.lockedUntil()), key);
        // Names tried once and long forgotten are not kept for ever; one being tried right now is left to its own
        // attempt (skip locked), so that two attempts cleaning each other's rows never wait on each other.
        jdbc.update("delete from sign_in_attempt where username in (select username from sign_in_attempt"
                        + " where username <> ? and coalesce(locked_until, window_start) < ? for update skip locked)",
                key, Timestamp.from(now.minus(limit.window()).minus(limit.lockDuration())));
        return new Admission(true, next.lockedUntil());
    }

    @Transactional
    public void succeeded(String username) {
        jdbc.update("delete from sign_in_attempt where username = ?", key(username));
    }

    private SignInLimit.State state(String key) {
        List<SignInLimit.State> rows = jdbc.query("select failures, window_start, locked_until from sign_in_attempt"
                        + " where username = ? for update",
                (rs, n) -> new SignInLimit.State(rs.getInt(1), instant(rs.getTimestamp(2)),
                        instant(rs.getTimestamp(3))),
                key);
        return rows.isEmpty() ? SignInLimit.State.NONE : rows.getFirst();
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
