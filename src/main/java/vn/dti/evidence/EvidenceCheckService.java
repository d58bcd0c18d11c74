package vn.dti.evidence;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dti.assessment.Assessment;
import vn.dti.assessment.AssessmentAccess;
import vn.dti.assessment.AssessmentItem;
import vn.dti.assessment.AssessmentService;
import vn.dti.calendar.CalendarService;
import vn.dti.calendar.CycleCalendar;
import vn.dti.indicator.IndicatorSet;
import vn.dti.security.DtiUser;
import vn.dti.unit.Unit;
import vn.dti.unit.UnitCatalog;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Gathers an assessment's snapshot for {@link EvidenceChecks}, for whoever may read the assessment. */
@Service
@Transactional(readOnly = true)
class EvidenceCheckService {

    private final AssessmentService assessments;
    private final CalendarService calendars;
    private final UnitCatalog units;
    private final ConsistencyRules rules;
    private final JdbcTemplate jdbc;

    EvidenceCheckService(AssessmentService assessments, CalendarService calendars, UnitCatalog units,
                         ConsistencyRules rules, JdbcTemplate jdbc) {
        this.assessments = assessments;
        this.calendars = calendars;
        this.units = units;
        this.rules = rules;
        this.jdbc = jdbc;
    }

    record Checks(long assessmentId, String unit, String unitName, List<EvidenceChecks.Finding> checks) {
    }

    Checks checks(long assessmentId, DtiUser user) {
        Assessment assessment = assessments.readable(assessmentId, user);
        Unit unit = assessments.unitOf(assessment);
        IndicatorSet set = assessments.setOf(assessment);
        Map<String, EvidenceChecks.Entered> items = new LinkedHashMap<>();
        for (AssessmentItem item : assessments.items(assessmentId)) {
            items.put(item.getItemCode(), new EvidenceChecks.Entered(item.getSelfEntry(), item.getExplanation()));
        }
        List<EvidenceChecks.Link> links = jdbc.query("select l.sha256, l.item_code, l.file_name, f.doc_number,"
                        + " f.doc_date from evidence_link l join evidence_file f on f.sha256 = l.sha256"
                        + " where l.assessment_id = ? order by l.id",
                (rs, n) -> new EvidenceChecks.Link(rs.getString("sha256"), rs.getString("item_code"),
                        rs.getString("file_name"), rs.getString("doc_number"),
                        rs.getObject("doc_date", LocalDate.class)), assessmentId);
        // another unit's use, in any cycle: the same unit reusing its own file in another year is no finding. Only
        // the units the caller may read: a unit's officer never learns that another unit has the same file.
        List<EvidenceChecks.OtherUse> otherUses = jdbc.query("select distinct l.sha256, a.unit_code"
                        + " from evidence_link l join assessment a on a.id = l.assessment_id"
                        + " where l.sha256 in (select sha256 from evidence_link where assessment_id = ?)"
                        + " and a.unit_code <> ?",
                (rs, n) -> Map.entry(rs.getString("sha256"), units.unit(rs.getString("unit_code")).orElseThrow()),
                assessmentId, unit.getCode()).stream()
                .filter(use -> AssessmentAccess.canRead(user, use.getValue()))
                .map(use -> new EvidenceChecks.OtherUse(use.getKey(), use.getValue().getCode(),
                        use.getValue().getName())).toList();
        CycleCalendar calendar = calendars.calendar(assessment.getCycleId());
        List<EvidenceChecks.Finding> findings = EvidenceChecks.check(new EvidenceChecks.Snapshot(set, items, links,
                calendar.dataPeriodStart().toLocalDate(), calendar.dataPeriodEnd().toLocalDate(), otherUses,
                assessment.getGeneralInfo(), rules.of(set.id())));
        return new Checks(assessmentId, unit.getCode(), unit.getName(), findings);
    }
}
