package vn.dti.evidence;

/**
 * An uploaded file that is not taken, and why. Each reason has its own message and HTTP status, so that a person
 * knows what to change: another format (415), a smaller file (413), or a file that can be read (422).
 */
final class EvidenceRefusal extends RuntimeException {

    enum Reason {
        TYPE(415), SIZE(413), EMPTY(422), TEXT(422), WORDS(422), TIME(422), DEPTH(422), ENCRYPTED(422), CORRUPT(422),
        BOMB(422), XML_ENTITIES(422), MEMORY(422);

        final int status;

        Reason(int status) {
            this.status = status;
        }
    }

    private final Reason reason;
    private final String field;

    EvidenceRefusal(Reason reason, String message) {
        this(reason, null, message, null);
    }

    /** @param cause what the parser said, for the log: people read the message */
    EvidenceRefusal(Reason reason, String message, Throwable cause) {
        this(reason, null, message, cause);
    }

    private EvidenceRefusal(Reason reason, String field, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.field = field;
    }

    /** The same refusal, said of one file of a request: {@code files[2]}, "tệp 'x.sh': …". */
    EvidenceRefusal of(String field, String fileName) {
        return new EvidenceRefusal(reason, field, "tệp '" + fileName + "': " + getMessage(), getCause());
    }

    Reason reason() {
        return reason;
    }

    String field() {
        return field;
    }
}
