package vn.dti.framework;

/** The request is well formed but the thing it acts on is not in a state that allows it: answered with 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
