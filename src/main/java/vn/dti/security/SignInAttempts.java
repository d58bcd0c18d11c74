package vn.dti.security;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Failed sign-ins per user name, stored so that a restart keeps a lock. Names that do not exist are counted too: a
 * lock then says nothing about whether a name is real. Wall-clock time, not the engine's movable clock.
 *
 * <p>An attempt's password is checked while it holds the name's row lock, and its failure is counted before the lock
 * is let go: checking first and counting after let parallel attempts all pass the check of a name not yet locked (40
 * parallel wrong passwords were 40 guesses, not 5), and counting every attempt as failed before the check locked a
 * person whose client sent a few requests at once with the right password. Attempts on one name wait for each other;
 * other names are not held up.
 */
@Service
class SignInAttempts {

    private final JdbcTemplate jdbc;
    private final SignInLimit limit;
    private final Clock clock;
    private final TransactionTemplate transaction;

    @Autowired
    SignInAttempts(JdbcTemplate jdbc, SignInLimitProperties properties, PlatformTransactionManager transactions) {
        this(jdbc, properties.limit(), Clock.systemUTC(), transactions);
    }

    SignInAttempts(JdbcTemplate jdbc, SignInLimit limit, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.limit = limit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * How an attempt ended: signed in; its check failed ({@code failure}), with the lock that failure set if any; or
     * refused unchecked while the name is locked (neither, until {@code lockedUntil}).
     */
    record Attempt(Authentication signedIn, AuthenticationException failure, Instant lockedUntil) {
    }

    /** Runs {@code check} (the password check) unless the name is locked, in one transaction holding its row lock. */
    public Attempt attempt(String username, Supplier<Authentication> check) {
        return transaction.execute(status -> {
            String key = key(username);
            Instant now = clock.instant();
            jdbc.update("insert into sign_in_attempt (username) values (?) on conflict do nothing", key);
            SignInLimit.State state = state(key);
            if (limit.locked(state, now)) {
                return new Attempt(null, null, state.lockedUntil());
            }
            try {
                Authentication signedIn = check.get();
                jdbc.update("delete from sign_in_attempt where username = ?", key);
                return new Attempt(signedIn, null, null);
            } catch (AuthenticationException failure) {
                SignInLimit.State next = limit.afterFailure(state, now);
                jdbc.update("update sign_in_attempt set failures = ?, window_start = ?, locked_until = ?"
                                + " where username = ?",
                        next.failures(), timestamp(next.windowStart()), timestamp(next.lockedUntil()), key);
                forgetOldNames(key, now);
                return new Attempt(null, failure, next.lockedUntil());
            }
        });
    }

    /**
     * Names tried once and long forgotten are not kept for ever; one being tried right now is left to its own attempt
     * (skip locked), so that two attempts cleaning each other's rows never wait on each other.
     */
    private void forgetOldNames(String key, Instant now) {
        jdbc.update("delete from sign_in_attempt where username in (select username from sign_in_attempt"
                        + " where username <> ? and coalesce(locked_until, window_start) < ? for update skip locked)",
                key, Timestamp.from(now.minus(limit.window()).minus(limit.lockDuration())));
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
