package vn.dti.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** {@code dti.security.sign-in-limit.*}: how many failed sign-ins of one name within a window lock it, for how long. */
@ConfigurationProperties("dti.security.sign-in-limit")
record SignInLimitProperties(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
                             @DefaultValue("15m") Duration lockDuration) {

    SignInLimit limit() {
        return new SignInLimit(maxFailures, window, lockDuration);
    }
}
