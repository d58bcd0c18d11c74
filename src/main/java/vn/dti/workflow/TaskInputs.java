package vn.dti.workflow;

import vn.dti.framework.FieldProblem;
import vn.dti.framework.InvalidInputException;
import vn.dti.workflow.ProcessModel.Appraisal;
import vn.dti.workflow.ProcessModel.Cycle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What each user task needs to be completed, checked before the engine sees it: a gateway that finds no matching
 * flow would otherwise stop the process with an incident. Tasklist enforces the same through the forms' required
 * fields.
 */
final class TaskInputs {

    private TaskInputs() {
    }

    static void check(String elementId, Map<String, Object> variables) {
        List<FieldProblem> problems = new ArrayList<>();
        switch (elementId) {
            case Appraisal.COUNCIL_REVIEW -> {
                Object decision = variables.get("decision");
                if (!"appraise".equals(decision) && !"request-explanation".equals(decision)) {
                    problems.add(new FieldProblem("decision", "chọn \"appraise\" (thẩm định xong) hoặc"
                            + " \"request-explanation\" (yêu cầu giải trình)"));
                }
            }
            case Appraisal.REQUEST_EXPLANATION -> {
                if (!(variables.get("explanationItems") instanceof Collection<?> items) || items.isEmpty()) {
                    problems.add(new FieldProblem("explanationItems", "nêu ít nhất một mục cần giải trình"));
                }
                if (blank(variables.get("explanationQuestion"))) {
                    problems.add(new FieldProblem("explanationQuestion", "bắt buộc"));
                }
            }
            case Appraisal.ANSWER_EXPLANATION -> {
                if (blank(variables.get("explanationAnswer"))) {
                    problems.add(new FieldProblem("explanationAnswer", "bắt buộc"));
                }
            }
            case Cycle.APPROVE_RANKING -> {
                Object approved = variables.get("approved");
                if (!(approved instanceof Boolean)) {
                    problems.add(new FieldProblem("approved", "true (phê duyệt) hoặc false (trả lại Hội đồng)"));
                } else if (!((Boolean) approved) && blank(variables.get("comment"))) {
                    problems.add(new FieldProblem("comment", "khi trả lại Hội đồng, cần ghi ý kiến"));
                }
            }
            default -> {
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }
}
