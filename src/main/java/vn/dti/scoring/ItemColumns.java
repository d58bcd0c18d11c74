package vn.dti.scoring;

/**
 * The three score columns of one item (003 II.2.b-c): what the unit self-assessed, what the appraiser set, and the
 * final score after appraisal. Any may be absent; the ranking uses the final column, falling back to the appraised,
 * then to the self-assessed one.
 */
public record ItemColumns(ItemEntry self, ItemEntry appraised, ItemEntry finalEntry) {

    public static ItemColumns selfOnly(ItemEntry self) {
        return new ItemColumns(self, null, null);
    }

    public ItemEntry effective() {
        return finalEntry != null ? finalEntry : appraised != null ? appraised : self;
    }
}
