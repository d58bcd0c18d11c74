package vn.dti.framework;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What any text a person sends may hold: no control character but tab and line breaks (a NUL cannot even be stored
 * in PostgreSQL's text), and at most so many characters, by the field's name. One table for every JSON body
 * ({@link TextInputChecks.Bodies}) and every form, query or multipart parameter ({@link TextInputChecks.Parameters}).
 */
final class TextLimits {

    /** Any text not named below: an explanation, an explanation's answer, a general-information value, a search. */
    static final int DEFAULT_CHARS = 20_000;
    /** An evidence file's name as an item lists it, and how many an item lists. */
    static final int NAME_CHARS = 255;
    static final int EVIDENCE_NAMES = 200;

    /** Shorter limits by field name (a form field {@code reason-1.1} is a {@code reason}). */
    private static final Map<String, Integer> CHARS = Map.of(
            "reason", 2_000,             // an appraisal's reason, a calendar change's or an extension's
            "comment", 5_000,            // the chairman's comment when returning a ranking
            "revisionNote", 5_000,       // the council's note on a revised ranking
            "note", 5_000,               // the same, as the council's page sends it
            "explanationQuestion", 5_000,
            "question", 5_000,           // the same, as the council's page sends it
            "evidence", NAME_CHARS,      // an item's evidence names
            "explanationEvidence", NAME_CHARS);  // the documents an explanation's answer names
    /** The lists of evidence names, at most {@link #EVIDENCE_NAMES} long. */
    private static final Set<String> NAME_LISTS = Set.of("evidence", "explanationEvidence");

    private TextLimits() {
    }

    /** The most characters a field of that name takes. */
    static int maxChars(String name) {
        return CHARS.getOrDefault(baseName(name), DEFAULT_CHARS);
    }

    /** What is wrong with a text sent as the field {@code field} (its limit found by {@code name}), if anything. */
    static Optional<FieldProblem> problem(String field, String name, String text) {
        int max = maxChars(name);
        if (text.length() > max) {
            return Optional.of(new FieldProblem(field, "dài " + VietnameseFormat.count(text.length())
                    + " ký tự, vượt giới hạn " + VietnameseFormat.count(max) + " ký tự"));
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return Optional.of(new FieldProblem(field, "chứa ký tự điều khiển không được phép (mã U+"
                        + String.format("%04X", (int) c) + ") ở vị trí " + (i + 1)));
            }
        }
        return Optional.empty();
    }

    /** A list of evidence names longer than an item or an answer may hold. */
    static Optional<FieldProblem> listProblem(String field, String name, Collection<?> values) {
        if (NAME_LISTS.contains(baseName(name)) && values.size() > EVIDENCE_NAMES) {
            return Optional.of(new FieldProblem(field, VietnameseFormat.count(values.size())
                    + " tên tài liệu, vượt giới hạn " + EVIDENCE_NAMES + " tài liệu mỗi mục"));
        }
        return Optional.empty();
    }

    private static String baseName(String name) {
        int dash = name.indexOf('-');
        return dash > 0 ? name.substring(0, dash) : name;
    }
}
