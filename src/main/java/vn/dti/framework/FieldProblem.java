package vn.dti.framework;

/** One reason an input was refused: which field (a path such as {@code units[2].items.1.1.self.points}) and why. */
public record FieldProblem(String field, String reason) {
}
