package vn.dti.scoring;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * A posted score sheet: for each unit, the entries per leaf item code. Units of the set's province and level that
 * the sheet leaves out did not report.
 */
@Schema(description = "Bảng điểm: điểm từng mục của từng đơn vị")
record ScoreSheetRequest(
        @Schema(description = "Mã phiên bản bộ chỉ số, ví dụ BN-HUYEN-2023", example = "BN-HUYEN-2023")
        String indicatorSet,
        List<UnitRequest> units,
        @Schema(description = "Quyết định của Hội đồng về các tiêu chí được đề xuất loại trừ (chỉ khi quy chế cho phép)")
        List<ExclusionRequest> exclusions) {

    record ExclusionRequest(
            @Schema(description = "Mã mục lá được đề xuất loại trừ", example = "1.2") String item,
            @Schema(description = "true: loại trừ khỏi xếp hạng; false: giữ") Boolean exclude,
            @Schema(description = "Lý do của quyết định") String reason) {
    }

    record UnitRequest(
            @Schema(description = "Mã đơn vị", example = "BN-H01") String unit,
            @Schema(description = "false nếu đơn vị không báo cáo / không tự đánh giá (mặc định true)") Boolean reported,
            Map<String, ColumnsRequest> items) {
    }

    record ColumnsRequest(ItemEntry self, ItemEntry appraised, @JsonProperty("final") ItemEntry finalEntry) {
        ItemColumns toColumns() {
            return new ItemColumns(self, appraised, finalEntry);
        }
    }
}
