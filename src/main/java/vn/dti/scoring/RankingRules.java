package vn.dti.scoring;

import vn.dti.indicator.RegulationProfile;
import vn.dti.indicator.RegulationProfile.NotApplicableTreatment;

/**
 * What a set's regulation profile says about ranking: the bands, or none ({@code bands} null: no band anywhere), and
 * what an item that does not apply does to the figure the rank orders by.
 */
public record RankingRules(BandThresholds bands, NotApplicableTreatment notApplicable) {

    public static RankingRules of(RegulationProfile profile) {
        RegulationProfile.Bands stated = profile.bands();
        // Without a stated treatment no claim is accepted, so every unit's scale is whole and the two methods agree.
        return new RankingRules(stated.stated() ? new BandThresholds(stated.good(), stated.fair(), stated.average()) : null,
                profile.notApplicable().stated() ? profile.notApplicable().treatment() : NotApplicableTreatment.DEDUCT);
    }

    public boolean banded() {
        return bands != null;
    }
}
