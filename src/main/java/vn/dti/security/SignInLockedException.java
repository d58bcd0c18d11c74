package vn.dti.security;

import org.springframework.security.authentication.LockedException;
import vn.dti.framework.VietnameseFormat;

import java.time.Instant;

/** A sign-in refused because its name is locked after too many failures; it says until when, in Vietnamese. */
class SignInLockedException extends LockedException {

    private final Instant lockedUntil;

    SignInLockedException(Instant lockedUntil) {
        super("Tên đăng nhập này đang tạm khoá do đăng nhập sai nhiều lần. Hãy thử lại sau "
                + VietnameseFormat.dateTime(lockedUntil) + ".");
        this.lockedUntil = lockedUntil;
    }

    Instant lockedUntil() {
        return lockedUntil;
    }
}
