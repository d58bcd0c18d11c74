package vn.dti.evidence;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A short passage of a document with the words a search matched marked in the original text, diacritics and case as
 * written: «…kế hoạch <mark>chuyển đổi số</mark> năm…». PostgreSQL matched on the folded form of the text (lower case,
 * diacritics removed, đ read as d: {@code dti_unaccent(lower(…))}); folding here the same way while remembering where
 * each folded character came from finds the matched words where the reader sees them. The passage is HTML: the
 * document's own text is escaped, the marks are the only tags.
 */
final class Snippets {

    /** About two lines of a result list. */
    static final int WIDTH = 200;
    /** Text kept before the first match, so that it does not open the passage. */
    private static final int LEAD = 50;
    private static final String ELLIPSIS = "…";

    private Snippets() {
    }

    /**
     * The lexemes a query can match in a document, from PostgreSQL's text of the query
     * ({@code 'chuyen' <-> 'doi' & !'ke' | '1187/qd-ubnd'}): those negated with {@code !}, alone or in a negated group,
     * are left out, since a document shows them only where they did not help it match.
     */
    static List<String> positiveLexemes(String tsquery) {
        List<String> lexemes = new ArrayList<>();
        List<Boolean> groups = new ArrayList<>();
        boolean negateNext = false;
        for (int i = 0; i < tsquery.length(); i++) {
            char c = tsquery.charAt(i);
            boolean negated = negateNext || (!groups.isEmpty() && groups.getLast());
            switch (c) {
                case '!' -> negateNext = true;
                case '(' -> {
                    groups.add(negated);
                    negateNext = false;
                }
                case ')' -> groups.removeLast();
                case '\'' -> {
                    StringBuilder lexeme = new StringBuilder();
                    i++;
                    while (i < tsquery.length()) {
                        char d = tsquery.charAt(i);
                        if (d == '\\' && i + 1 < tsquery.length()) {
                            lexeme.append(tsquery.charAt(++i));
                        } else if (d == '\'' && i + 1 < tsquery.length() && tsquery.charAt(i + 1) == '\'') {
                            lexeme.append('\'');
                            i++;
                        } else if (d == '\'') {
                            break;
                        } else {
                            lexeme.append(d);
                        }
                        i++;
                    }
                    if (!negated && !lexemes.contains(lexeme.toString())) {
                        lexemes.add(lexeme.toString());
                    }
                    negateNext = false;
                }
                default -> {
                }
            }
        }
        return lexemes;
    }

    /**
     * The passage of about {@link #WIDTH} characters with the most different lexemes (then the most matches, then the
     * earliest), every match in it marked; words marked side by side share one mark. Empty when nothing matches.
     */
    static Optional<String> marked(String text, List<String> lexemes) {
        if (text == null) {
            return Optional.empty();
        }
        List<Match> matches = matches(text, lexemes);
        if (matches.isEmpty()) {
            return Optional.empty();
        }
        // a window opening at each match in turn, its far end pushed forward as it goes: linear in the matches
        Map<String, Integer> inWindow = new HashMap<>();
        int best = 0;
        int bestDistinct = -1;
        int bestCount = -1;
        int next = 0;
        for (int first = 0; first < matches.size(); first++) {
            int end = matches.get(first).start() + WIDTH - LEAD;
            while (next < matches.size() && matches.get(next).end() <= end) {
                inWindow.merge(matches.get(next).lexeme(), 1, Integer::sum);
                next++;
            }
            if (next > first && (inWindow.size() > bestDistinct
                    || inWindow.size() == bestDistinct && next - first > bestCount)) {
                best = first;
                bestDistinct = inWindow.size();
                bestCount = next - first;
            }
            if (next > first) {
                inWindow.computeIfPresent(matches.get(first).lexeme(),
                        (lexeme, count) -> count == 1 ? null : count - 1);
            } else {
                next = first + 1;
            }
        }
        int start = Math.max(0, matches.get(best).start() - LEAD);
        int end = Math.min(text.length(), start + WIDTH);
        return Optional.of(render(text, start, end,
                matches.stream().filter(m -> m.start() >= start && m.end() <= end).toList()));
    }

    /** The text's first {@link #WIDTH} characters or so, for a document whose match lies where no passage shows. */
    static String beginning(String text) {
        return text == null || text.isBlank() ? "" : render(text, 0, Math.min(text.length(), WIDTH), List.of());
    }

    /** Every whole-word occurrence of a lexeme in the folded text, as a range of the original, in order. */
    static List<Match> matches(String text, List<String> lexemes) {
        Folded folded = fold(text);
        List<Match> matches = new ArrayList<>();
        for (String lexeme : lexemes) {
            if (lexeme.isEmpty()) {
                continue;
            }
            int at = folded.text().indexOf(lexeme);
            while (at >= 0) {
                int after = at + lexeme.length();
                if (boundary(folded.text(), at - 1) && boundary(folded.text(), after)) {
                    matches.add(new Match(folded.origin()[at], folded.origin()[after], lexeme));
                }
                at = folded.text().indexOf(lexeme, at + 1);
            }
        }
        matches.sort(Comparator.comparingInt(Match::start).thenComparingInt(Match::end));
        return matches;
    }

    record Match(int start, int end, String lexeme) {
    }

    /**
     * {@code text} folded as {@code dti_unaccent(lower(text))} folds Vietnamese; {@code origin[i]} is where the folded
     * character {@code i} starts in the original, {@code origin[length]} the original's length. A combining mark (text
     * written decomposed, NFD) folds to nothing and so stays with the letter before it.
     */
    record Folded(String text, int[] origin) {
    }

    static Folded fold(String original) {
        StringBuilder folded = new StringBuilder(original.length());
        int[] origin = new int[original.length() * 2 + 1];
        int i = 0;
        while (i < original.length()) {
            int codePoint = original.codePointAt(i);
            String piece = foldCodePoint(codePoint);
            for (int k = 0; k < piece.length(); k++) {
                if (folded.length() + 1 >= origin.length) {
                    origin = Arrays.copyOf(origin, origin.length * 2);
                }
                origin[folded.length()] = i;
                folded.append(piece.charAt(k));
            }
            i += Character.charCount(codePoint);
        }
        origin[folded.length()] = original.length();
        return new Folded(folded.toString(), Arrays.copyOf(origin, folded.length() + 1));
    }

    private static String foldCodePoint(int codePoint) {
        if (codePoint < 0x80) {
            return String.valueOf((char) Character.toLowerCase(codePoint));
        }
        return codePoint < FOLDED.length ? FOLDED[codePoint] : decompose(codePoint);
    }

    /** Latin letters with their Vietnamese marks lie below U+2000: folded once, not once per character of a page. */
    private static final String[] FOLDED = new String[0x2000];

    static {
        for (int codePoint = 0x80; codePoint < FOLDED.length; codePoint++) {
            FOLDED[codePoint] = decompose(codePoint);
        }
    }

    private static String decompose(int codePoint) {
        // unaccent reads đ and Đ as d; they do not decompose, so NFD alone would keep them
        if (codePoint == 'đ' || codePoint == 'Đ') {
            return "d";
        }
        String decomposed = Normalizer.normalize(Character.toString(Character.toLowerCase(codePoint)),
                Normalizer.Form.NFD);
        StringBuilder base = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
                .forEach(base::appendCodePoint);
        return base.toString();
    }

    private static boolean boundary(String text, int at) {
        return at < 0 || at >= text.length() || !Character.isLetterOrDigit(text.charAt(at));
    }

    /**
     * {@code text[start, end)} widened or narrowed to whole words, escaped, white space collapsed, with the matches
     * marked: marks separated by white space only become one.
     */
    private static String render(String text, int start, int end, List<Match> marks) {
        int firstMark = marks.isEmpty() ? end : marks.getFirst().start();
        int lastMark = marks.stream().mapToInt(Match::end).max().orElse(start);
        while (start > 0 && start < firstMark && !Character.isWhitespace(text.charAt(start - 1))) {
            start++;
        }
        while (end < text.length() && end > lastMark && !Character.isWhitespace(text.charAt(end))) {
            end--;
        }
        List<int[]> ranges = new ArrayList<>();
        for (Match mark : marks) {
            int[] last = ranges.isEmpty() ? null : ranges.getLast();
            if (last != null && (mark.start() <= last[1] || text.substring(last[1], mark.start()).isBlank())) {
                last[1] = Math.max(last[1], mark.end());
            } else {
                ranges.add(new int[] {mark.start(), mark.end()});
            }
        }
        StringBuilder passage = new StringBuilder();
        int at = start;
        for (int[] range : ranges) {
            passage.append(plain(text.substring(at, range[0])));
            passage.append("<mark>").append(plain(text.substring(range[0], range[1]))).append("</mark>");
            at = range[1];
        }
        passage.append(plain(text.substring(at, end)));
        return (start > 0 ? ELLIPSIS : "") + passage.toString().strip() + (end < text.length() ? ELLIPSIS : "");
    }

    private static String plain(String text) {
        return text.replaceAll("\\s+", " ").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
