package vn.dti.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Name and password sign-in, for the sign-in page and HTTP Basic alike, within the limit on failures: a locked name
 * is refused before its password is even checked, so a correct password does not open it early.
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
        String username = authentication.getName();
        var locked = attempts.lockedUntil(username);
        if (locked.isPresent()) {
            throw new SignInLockedException(locked.get());
        }
        Authentication result;
        try {
            result = passwords.authenticate(authentication);
        } catch (BadCredentialsException e) {
            var lockedNow = attempts.failed(username);
            if (lockedNow.isPresent()) {
                throw new SignInLockedException(lockedNow.get());
            }
            throw e;
        }
        attempts.succeeded(username);
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
