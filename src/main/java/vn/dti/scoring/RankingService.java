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

    private final IndicatorSetCatalog indicatorSets;
    private final UnitCatalog units;

    RankingService(IndicatorSetCatalog indicatorSets, UnitCatalog units) {
        this.indicatorSets = indicatorSets;
        this.units = units;
    }

    record GroupResult(String groupCode, String groupName, GroupScoring.Result scoring, Ranking.Result ranking) {
    }

    record Result(IndicatorSet set, Province province, List<GroupResult> groups) {
    }

    Result rank(ScoreSheetRequest request) {
        if (request.indicatorSet() == null || request.indicatorSet().isBlank()) {
            throw new InvalidInputException("indicatorSet", "bắt buộc");
        }
        IndicatorSet set = indicatorSets.get(request.indicatorSet()).orElseThrow(() ->
                new InvalidInputException("indicatorSet", "không có bộ chỉ số " + request.indicatorSet()));
        Set<String> excludedByDecision = excludedByDecision(request, set);
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
        RankingRules rules = RankingRules.of(set.profile());
        List<GroupResult> groups = new ArrayList<>();
        grouped.forEach((group, sheets) -> {
            GroupScoring.Result scoring = GroupScoring.score(set, sheets, excludedByDecision);
            groups.add(new GroupResult(group, groupName(group, set.level()), scoring,
                    Ranking.rank(scoring.units(), topLevel, set.scale(), rules)));
        });
        return new Result(set, province, groups);
    }

    /**
     * The items the council decided to exclude, each with its reason. Only a profile that allows exclusion takes
     * decisions; an item not proposed is left in (the result lists what was proposed).
     */
    private static Set<String> excludedByDecision(ScoreSheetRequest request, IndicatorSet set) {
        Set<String> excluded = new HashSet<>();
        if (request.exclusions() == null || request.exclusions().isEmpty()) {
            return excluded;
        }
        if (!set.profile().exclusion().stated()) {
            throw new InvalidInputException("exclusions", "quy chế của bộ chỉ số " + set.id()
                    + " không quy định loại trừ tiêu chí: không có quyết định loại trừ nào");
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < request.exclusions().size(); i++) {
            ScoreSheetRequest.ExclusionRequest decision = request.exclusions().get(i);
            String field = "exclusions[" + i + "]";
            if (decision.item() == null || set.find(decision.item()).filter(IndicatorNode::isLeaf).isEmpty()) {
                problems.add(new FieldProblem(field + ".item", "không có mục lá mã " + decision.item()
                        + " trong bộ chỉ số " + set.id()));
            }
            if (decision.reason() == null || decision.reason().isBlank()) {
                problems.add(new FieldProblem(field + ".reason", "quyết định loại trừ hay giữ tiêu chí phải nêu lý do"));
            }
            if (decision.exclude() == null) {
                problems.add(new FieldProblem(field + ".exclude", "bắt buộc: true (loại trừ) hoặc false (giữ)"));
            } else if (decision.exclude()) {
                excluded.add(decision.item());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return excluded;
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
