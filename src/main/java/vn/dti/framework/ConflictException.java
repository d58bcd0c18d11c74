package vn.dti.framework;

import java.util.Map;

/**
 * The request is well formed but the thing it acts on is not in a state that allows it: answered with 409. The
 * properties, if any, go into the answer beside the message (e.g. what an item holds now, when a save was made on an
 * older version of it).
 */
public class ConflictException extends RuntimeException {

    private final Map<String, Object> properties;

    public ConflictException(String message) {
        this(message, Map.of());
    }

    public ConflictException(String message, Map<String, Object> properties) {
        super(message);
        this.properties = Map.copyOf(properties);
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
