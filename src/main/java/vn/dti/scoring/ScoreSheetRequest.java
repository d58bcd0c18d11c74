package vn.dti.scoring;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
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
        @Schema(description = "Loại mục khỏi xếp hạng khi tỷ lệ đơn vị có số liệu thấp hơn ngưỡng này (mặc định 0,5; 0 để tắt)")
        BigDecimal exclusionShare,
        List<UnitRequest> units) {

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
