package vn.dti.framework;

/** The signed-in user may not do this: answered with 403 and the reason, and nothing changes. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
