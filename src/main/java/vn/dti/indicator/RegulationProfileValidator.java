package vn.dti.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/** Checks that a regulation profile is whole and agrees with itself. Every problem names the rule and why. */
final class RegulationProfileValidator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private RegulationProfileValidator() {
    }

    static List<String> problems(RegulationProfile profile) {
        List<String> problems = new ArrayList<>();
        if (profile.bands() == null) {
            problems.add(missing("bands"));
        } else {
            bands(profile.bands(), problems);
        }
        if (profile.notApplicable() == null) {
            problems.add(missing("notApplicable"));
        } else {
            var rule = profile.notApplicable();
            source("notApplicable", rule.source(), problems);
            if (rule.stated() && rule.treatment() == null) {
                problems.add(prefix("notApplicable") + "thiếu cách xử lý (treatment: DEDUCT | RESCALE)");
            }
            if (rule.stated() && rule.evidenceRequired() == null) {
                problems.add(prefix("notApplicable") + "thiếu evidenceRequired (true | false)");
            }
            if (!rule.stated() && (rule.treatment() != null || rule.evidenceRequired() != null)) {
                problems.add(notStatedWithValues("notApplicable"));
            }
        }
        if (profile.evidence() == null) {
            problems.add(missing("evidence"));
        } else {
            var rule = profile.evidence();
            source("evidence", rule.source(), problems);
            if (rule.stated() && rule.policy() == null) {
                problems.add(prefix("evidence") + "thiếu yêu cầu (policy: FILE_REQUIRED | FILE_OR_EXPLANATION)");
            }
            if (!rule.stated() && rule.policy() != null) {
                problems.add(notStatedWithValues("evidence"));
            }
        }
        if (profile.exclusion() == null) {
            problems.add(missing("exclusion"));
        } else {
            exclusion(profile.exclusion(), problems);
        }
        Set<RegulationProfile.PlatformRule> seen = new HashSet<>();
        for (var decision : profile.platformDecisions()) {
            if (decision.rule() == null) {
                problems.add("quy chế, platformDecisions: thiếu rule");
            } else if (!seen.add(decision.rule())) {
                problems.add("quy chế, platformDecisions: " + decision.rule() + " ghi hai lần");
            }
            if (decision.text() == null || decision.text().isBlank()) {
                problems.add("quy chế, platformDecisions " + decision.rule() + ": thiếu nội dung (text)");
            }
        }
        return problems;
    }

    private static void bands(RegulationProfile.Bands bands, List<String> problems) {
        source("bands", bands.source(), problems);
        List<BigDecimal> values = Stream.of(bands.good(), bands.fair(), bands.average()).filter(Objects::nonNull).toList();
        if (!bands.stated()) {
            if (!values.isEmpty()) {
                problems.add(notStatedWithValues("bands"));
            }
            return;
        }
        if (values.size() < 3) {
            problems.add(prefix("bands") + "cần đủ ba ngưỡng good (Tốt), fair (Khá), average (Trung bình)");
            return;
        }
        if (!(bands.good().compareTo(bands.fair()) > 0 && bands.fair().compareTo(bands.average()) > 0
                && bands.average().signum() > 0 && bands.good().compareTo(HUNDRED) <= 0)) {
            problems.add(prefix("bands") + "các ngưỡng phải giảm dần trong khoảng 0–100%: good " + plain(bands.good())
                    + " > fair " + plain(bands.fair()) + " > average " + plain(bands.average()) + " > 0");
        }
    }

    private static void exclusion(RegulationProfile.Exclusion rule, List<String> problems) {
        source("exclusion", rule.source(), problems);
        if (!rule.stated()) {
            if (rule.belowShare() != null || rule.decidedBy() != null) {
                problems.add(notStatedWithValues("exclusion"));
            }
            return;
        }
        if (rule.belowShare() == null) {
            problems.add(prefix("exclusion") + "thiếu tỷ lệ (belowShare, ví dụ 0.5)");
        } else if (rule.belowShare().signum() <= 0 || rule.belowShare().compareTo(BigDecimal.ONE) > 0) {
            problems.add(prefix("exclusion") + "tỷ lệ belowShare " + plain(rule.belowShare())
                    + " ngoài khoảng 0–1 (lớn hơn 0, tối đa 1)");
        }
        if (rule.decidedBy() == null || rule.decidedBy().isBlank()) {
            problems.add(prefix("exclusion") + "thiếu cơ quan xem xét loại trừ (decidedBy)");
        }
    }

    private static void source(String rule, String source, List<String> problems) {
        if (source == null || source.isBlank()) {
            problems.add(prefix(rule) + "thiếu nguồn (source: số quyết định và điều/mục quy định, hoặc "
                    + RegulationProfile.NOT_STATED + " nếu quyết định không quy định)");
        }
    }

    private static String missing(String rule) {
        return "quy chế (profile): thiếu quy tắc " + rule + "; ghi nguồn (source) hoặc source: "
                + RegulationProfile.NOT_STATED;
    }

    private static String notStatedWithValues(String rule) {
        return prefix(rule) + "ghi " + RegulationProfile.NOT_STATED + " (không quy định) nhưng lại có giá trị";
    }

    private static String prefix(String rule) {
        return "quy chế (profile), quy tắc " + rule + ": ";
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
