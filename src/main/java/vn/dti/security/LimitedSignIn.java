package vn.dti.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Name and password sign-in, for the sign-in page and HTTP Basic alike, within the limit on failures: a locked name
 * is refused before its password is even checked, so a correct password does not open it early; every other attempt
 * is checked and counted under the name's row lock ({@link SignInAttempts#attempt}), so parallel attempts cannot
 * outrun the count.
 */
@Component
class LimitedSignIn implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final SignInAttempts attempts;

    LimitedSignIn(DemoUserDetailsService users, PasswordEncoder encoder, SignInAttempts attempts) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.attempts = attempts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        SignInAttempts.Attempt attempt = attempts.attempt(authentication.getName(),
                () -> passwords.authenticate(authentication));
        if (attempt.signedIn() != null) {
            return attempt.signedIn();
        }
        if (attempt.lockedUntil() != null) {
            throw new SignInLockedException(attempt.lockedUntil());
        }
        throw attempt.failure();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
