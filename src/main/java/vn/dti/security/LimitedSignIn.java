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
 * is refused before its password is even checked, so a correct password does not open it early; every other attempt
 * is counted as failed before the check ({@link SignInAttempts#admit}), so parallel attempts cannot outrun the count.
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
        SignInAttempts.Admission admission = attempts.admit(username);
        if (!admission.admitted()) {
            throw new SignInLockedException(admission.lockedUntil());
        }
        Authentication result;
        try {
            result = passwords.authenticate(authentication);
        } catch (BadCredentialsException e) {
            if (admission.lockedUntil() != null) {
                throw new SignInLockedException(admission.lockedUntil());
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
