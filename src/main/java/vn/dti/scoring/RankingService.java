package vn.dti.scoring;

import org.springframework.stereotype.Service;
import vn.dti.framework.FieldProblem;
import vn.dti.framework.InvalidInputException;
import vn.dti.indicator.IndicatorNode;
import vn.dti.indicator.IndicatorSet;
import vn.dti.indicator.IndicatorSetCatalog;
import vn.dti.indicator.Level;
import vn.dti.unit.Province;
import vn.dti.unit.Unit;
import vn.dti.unit.UnitCatalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Ranks a posted score sheet: checks it against the catalogs, then hands it to the domain scoring. */
@Service
class RankingService {

    static final BigDecimal DEFAULT_EXCLUSION_SHARE = new BigDecimal("0.5");

    private final IndicatorSetCatalog indicatorSets;
    private final UnitCatalog units;

    RankingService(IndicatorSetCatalog indicatorSets, UnitCatalog units) {
        this.indicatorSets = indicatorSets;
        this.units = units;
    }

    record GroupResult(String groupCode, String groupName, GroupScoring.Result scoring, Ranking.Result ranking) {
    }

    record Result(IndicatorSet set, Province province, BigDecimal exclusionShare, List<GroupResult> groups) {
    }

    Result rank(ScoreSheetRequest request) {
        if (request.indicatorSet() == null || request.indicatorSet().isBlank()) {
            throw new InvalidInputException("indicatorSet", "bắt buộc");
        }
        IndicatorSet set = indicatorSets.get(request.indicatorSet()).orElseThrow(() ->
                new InvalidInputException("indicatorSet", "không có bộ chỉ số " + request.indicatorSet()));
        BigDecimal share = request.exclusionShare() == null ? DEFAULT_EXCLUSION_SHARE : request.exclusionShare();
        if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidInputException("exclusionShare", "phải trong khoảng 0 đến 1, đã nhập " + share.toPlainString());
        }
        Province province = units.province(set.province()).orElseThrow();
        List<Unit> groupUnits = units.units(set.province(), set.level());
        List<UnitSheet> listed = sheets(request, set, groupUnits);

        Map<String, UnitSheet> byCode = new HashMap<>();
        listed.forEach(sheet -> byCode.put(sheet.unitCode(), sheet));
        Map<String, List<UnitSheet>> grouped = new LinkedHashMap<>();
        for (Unit unit : groupUnits) {
            // xã are ranked within their huyện (000 Điều 9.4); sở and huyện each form one group
            String group = set.level() == Level.XA ? unit.getParentCode() : set.level().name();
            grouped.computeIfAbsent(group, k -> new ArrayList<>()).add(byCode.getOrDefault(unit.getCode(),
                    UnitSheet.notReported(unit.getCode(), unit.getName())));
        }
        List<String> topLevel = set.items().stream().map(IndicatorNode::code).toList();
        BandThresholds bands = new BandThresholds(province.getBandGood(), province.getBandFair(),
                province.getBandAverage());
        List<GroupResult> groups = new ArrayList<>();
        grouped.forEach((group, sheets) -> {
            GroupScoring.Result scoring = GroupScoring.score(set, sheets, share);
            groups.add(new GroupResult(group, groupName(group, set.level()), scoring,
                    Ranking.rank(scoring.units(), topLevel, set.scale(), bands)));
        });
        return new Result(set, province, share, groups);
    }

    private List<UnitSheet> sheets(ScoreSheetRequest request, IndicatorSet set, List<Unit> groupUnits) {
        if (request.units() == null || request.units().isEmpty()) {
            throw new InvalidInputException("units", "bảng điểm không có đơn vị nào");
        }
        Map<String, Unit> known = new HashMap<>();
        groupUnits.forEach(unit -> known.put(unit.getCode(), unit));
        List<FieldProblem> problems = new ArrayList<>();
        List<UnitSheet> sheets = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.units().size(); i++) {
            ScoreSheetRequest.UnitRequest entry = request.units().get(i);
            String field = "units[" + i + "].unit";
            Unit unit = entry.unit() == null ? null : known.get(entry.unit());
            if (unit == null) {
                problems.add(new FieldProblem(field, "không có đơn vị mã '" + entry.unit() + "' "
                        + set.level().label() + " của tỉnh " + set.province()));
                continue;
            }
            if (!seen.add(unit.getCode())) {
                problems.add(new FieldProblem(field, "đơn vị " + unit.getCode() + " có hai lần trong bảng điểm"));
            }
            Map<String, ItemColumns> items = new LinkedHashMap<>();
            if (entry.items() != null) {
                entry.items().forEach((code, columns) -> items.put(code, columns == null
                        ? new ItemColumns(null, null, null) : columns.toColumns()));
            }
            sheets.add(new UnitSheet(unit.getCode(), unit.getName(), entry.reported() == null || entry.reported(), items));
        }
        if (problems.isEmpty()) {
            problems.addAll(GroupScoring.problems(set, sheets, "units"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return sheets;
    }

    private String groupName(String group, Level level) {
        if (level != Level.XA) {
            return "Các đơn vị " + level.label();
        }
        return "Các xã thuộc " + units.unit(group).map(Unit::getName).orElse(group);
    }
}
