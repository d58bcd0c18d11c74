package vn.dti.indicator;

import java.math.BigDecimal;
import java.util.List;

/**
 * The rules (quy chế) a province's decision sets around one indicator set version: bands, not-applicable items,
 * evidence, exclusion of little-reported items. Every rule names its source (decision and article) or says
 * {@value #NOT_STATED}; a rule not stated is never filled with another province's rule: the platform then shows no
 * band, accepts no not-applicable claim, asks for no evidence and excludes nothing. {@code platformDecisions} are what
 * the platform decided where the decisions are silent, stated as such and not as the province's rule.
 */
public record RegulationProfile(Bands bands, NotApplicable notApplicable, Evidence evidence, Exclusion exclusion,
                                List<PlatformDecision> platformDecisions) {

    /** The source of a rule the province's decision does not state ("không quy định"). */
    public static final String NOT_STATED = "not-stated";

    public RegulationProfile {
        platformDecisions = platformDecisions == null ? List.of() : List.copyOf(platformDecisions);
    }

    /** The profile of a set file without one: no rule stated. */
    public static RegulationProfile notStated() {
        return new RegulationProfile(new Bands(NOT_STATED, null, null, null),
                new NotApplicable(NOT_STATED, null, null), new Evidence(NOT_STATED, null),
                new Exclusion(NOT_STATED, null, null), List.of());
    }

    static boolean stated(String source) {
        return source != null && !source.isBlank() && !NOT_STATED.equals(source.strip());
    }

    /** Lower bounds in percent of the applicable maximum: Tốt ≥ good, Khá ≥ fair, Trung bình ≥ average, else Yếu. */
    public record Bands(String source, BigDecimal good, BigDecimal fair, BigDecimal average) {
        public boolean stated() {
            return RegulationProfile.stated(source);
        }
    }

    /**
     * What an item that does not apply to a unit does to its scale. A claim always carries the unit's reason; it
     * also needs an uploaded evidence file when {@code evidenceRequired}. Not stated: no claim is accepted.
     */
    public record NotApplicable(String source, NotApplicableTreatment treatment, Boolean evidenceRequired) {
        public boolean stated() {
            return RegulationProfile.stated(source);
        }

        public boolean needsEvidence() {
            return Boolean.TRUE.equals(evidenceRequired);
        }
    }

    public record Evidence(String source, EvidencePolicy policy) {
        public boolean stated() {
            return RegulationProfile.stated(source);
        }
    }

    /**
     * Items for which fewer than {@code belowShare} of the units in scope have data are proposed for exclusion;
     * {@code decidedBy} (the body the decision names) excludes or keeps each, with a reason.
     */
    public record Exclusion(String source, BigDecimal belowShare, String decidedBy) {
        public boolean stated() {
            return RegulationProfile.stated(source);
        }
    }

    public record PlatformDecision(PlatformRule rule, String text) {
    }

    public enum NotApplicableTreatment {
        /** The item's points leave the unit's scale; the unit ranks on the total of the items scored. */
        DEDUCT,
        /** The total over the applicable items is brought back to the full scale, and that figure is printed. */
        RESCALE
    }

    public enum EvidencePolicy {
        /** Every item scored above zero has an uploaded evidence file. */
        FILE_REQUIRED,
        /** An uploaded evidence file, or a written explanation of how the item was scored. */
        FILE_OR_EXPLANATION
    }

    public enum PlatformRule {
        /** A unit's extended deadline may run into the appraisal window. */
        EXTENSIONS_INTO_APPRAISAL,
        /** Units that did not report are outside the share of the exclusion rule. */
        NON_REPORTING_OUTSIDE_EXCLUSION_SHARE
    }
}
