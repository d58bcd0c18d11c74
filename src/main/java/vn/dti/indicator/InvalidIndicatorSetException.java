package vn.dti.indicator;

import java.util.List;

/** An indicator set file that cannot be used; the message names the file and every problem. */
public class InvalidIndicatorSetException extends RuntimeException {

    private final String source;
    private final List<String> problems;

    public InvalidIndicatorSetException(String source, List<String> problems) {
        super("Bộ chỉ số " + source + " không hợp lệ:\n  - " + String.join("\n  - ", problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public String source() {
        return source;
    }

    public List<String> problems() {
        return problems;
    }
}
