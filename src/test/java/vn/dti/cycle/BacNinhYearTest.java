package vn.dti.cycle;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import vn.dti.assessment.AppraisedItem;
import vn.dti.assessment.AssessmentService;
import vn.dti.assessment.AssessmentStatus;
import vn.dti.assessment.SelfItem;
import vn.dti.evidence.EvidenceSamples;
import vn.dti.evidence.EvidenceService;
import vn.dti.indicator.IndicatorNode;
import vn.dti.indicator.IndicatorSet;
import vn.dti.indicator.IndicatorSetCatalog;
import vn.dti.indicator.Level;
import vn.dti.publication.PublicationService;
import vn.dti.scoring.GroupScoring;
import vn.dti.scoring.ItemColumns;
import vn.dti.scoring.ItemEntry;
import vn.dti.scoring.RankedUnit;
import vn.dti.scoring.Ranking;
import vn.dti.scoring.RankingRules;
import vn.dti.scoring.UnitSheet;
import vn.dti.security.DtiUser;
import vn.dti.security.Role;
import vn.dti.unit.Unit;
import vn.dti.unit.UnitCatalog;
import vn.dti.workflow.EngineClock;
import vn.dti.workflow.ProcessModel;
import vn.dti.workflow.TaskInbox;
import vn.dti.workflow.UserTask;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dti.cycle.ProcessTestSupport.assessmentOf;
import static vn.dti.cycle.ProcessTestSupport.await;
import static vn.dti.cycle.ProcessTestSupport.number;
import static vn.dti.cycle.ProcessTestSupport.taskOf;

/**
 * A whole year for Bắc Ninh's 25 units (002: submit by 10/10, the council in October, publication in November) on
 * the embedded engine: its Sở and its huyện, each a cycle, from opening to publication, with units that submit on
 * time, late after an extension, never, and after explaining themselves; the published ranking is then checked
 * against the scoring engine fed with the same entries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BacNinhYearTest {

    private static final DtiUser ADMIN = new DtiUser("quantri.bn", Role.ADMIN, "BN", "BN");
    private static final DtiUser COUNCIL = new DtiUser("hoidong.bn", Role.COUNCIL, "BN", "BN");
    private static final Set<String> LATE = Set.of("BN-S05", "BN-H03");
    private static final Set<String> MISSING = Set.of("BN-S09", "BN-H07");
    private static final Set<String> EXPLAINED = Set.of("BN-S02", "BN-H01");
    private static final Set<String> CORRECTED = Set.of("BN-S02", "BN-S11", "BN-H01", "BN-H05");

    @Autowired
    CycleService cycles;
    @Autowired
    AssessmentService assessments;
    @Autowired
    PublicationService publications;
    @Autowired
    IndicatorSetCatalog indicatorSets;
    @Autowired
    UnitCatalog units;
    @Autowired
    TaskInbox inbox;
    @Autowired
    EngineClock clock;
    @Autowired
    EvidenceService evidence;

    /** What the test entered, per unit and item: the oracle the published ranking is checked against. */
    private final Map<String, Map<String, ItemColumns>> entered = new HashMap<>();

    @Test
    void aWholeYearFromOpeningToPublication() {
        int year = clock.now().atOffset(ZoneOffset.ofHours(7)).getYear() + 30;
        long so = cycles.start("BN", year, Level.SO, null, ADMIN).getId();
        long huyen = cycles.start("BN", year, Level.HUYEN, null, ADMIN).getId();
        assertThat(cycles.get(so).getIndicatorSetId()).isEqualTo("BN-SO-2023");

        for (long cycle : List.of(so, huyen)) {
            for (String unit : cycles.groupUnits(cycles.get(cycle))) {
                long assessment = assessmentOf(assessments, cycle, unit);
                UserTask task = taskOf(inbox, ProcessModel.UnitAssessment.SELF_ASSESSMENT, assessment);
                assertThat(task.dueDate()).isEqualTo(OffsetDateTime.parse(year + "-10-10T23:59:59+07:00"));
                if (LATE.contains(unit)) {
                    cycles.extend(cycle, unit, OffsetDateTime.parse(year + "-10-15T23:59:59+07:00"), "Sự cố mạng",
                            ADMIN);
                } else if (!MISSING.contains(unit)) {
                    selfAssessAndSubmit(assessment, unit, task);
                }
            }
        }

        clock.advanceTo(OffsetDateTime.parse(year + "-10-11T00:00:01+07:00").toInstant());
        for (String missing : MISSING) {
            long cycle = missing.startsWith("BN-S") ? so : huyen;
            long assessment = assessmentOf(assessments, cycle, missing);
            await(missing + " không báo cáo", () -> Optional.of(assessments.get(assessment).getStatus())
                    .filter(AssessmentStatus.NOT_REPORTED::equals));
        }
        for (String late : LATE) {
            long assessment = assessmentOf(assessments, late.startsWith("BN-S") ? so : huyen, late);
            assertThat(assessments.get(assessment).getStatus()).isEqualTo(AssessmentStatus.OPEN);
            selfAssessAndSubmit(assessment, late,
                    taskOf(inbox, ProcessModel.UnitAssessment.SELF_ASSESSMENT, assessment));
        }

        for (long cycle : List.of(so, huyen)) {
            for (String unit : cycles.groupUnits(cycles.get(cycle))) {
                if (!MISSING.contains(unit)) {
                    appraise(assessmentOf(assessments, cycle, unit), unit);
                }
            }
        }

        for (long cycle : List.of(so, huyen)) {
            UserTask approval = await("phê duyệt kỳ " + cycle, () -> inbox.openTasks().stream()
                    .filter(t -> t.elementId().equals(ProcessModel.Cycle.APPROVE_RANKING))
                    .filter(t -> Long.valueOf(cycle).equals(number(t, "cycleId"))).findFirst());
            assertThat(approval.candidateGroups()).containsExactly("chairman:BN");
            inbox.complete(approval.key(), Map.of("approved", true, "completedBy", "chutich.bn"));
            await("chờ công bố", () -> Optional.of(cycles.get(cycle).getStatus())
                    .filter(CycleStatus.AWAITING_PUBLICATION::equals));
        }

        clock.advanceTo(OffsetDateTime.parse(year + "-11-20T08:00:01+07:00").toInstant());
        for (long cycle : List.of(so, huyen)) {
            await("công bố kỳ " + cycle, () -> Optional.of(cycles.get(cycle).getStatus())
                    .filter(CycleStatus.PUBLISHED::equals));
            checkPublished(cycle);
        }
    }

    private void checkPublished(long cycle) {
        Cycle c = cycles.get(cycle);
        IndicatorSet set = indicatorSets.get(c.getIndicatorSetId()).orElseThrow();
        List<UnitSheet> sheets = new ArrayList<>();
        for (String code : cycles.groupUnits(c)) {
            Unit unit = units.unit(code).orElseThrow();
            sheets.add(MISSING.contains(code) ? UnitSheet.notReported(code, unit.getName())
                    : new UnitSheet(code, unit.getName(), true, entered.get(code)));
        }
        Ranking.Result expected = Ranking.rank(GroupScoring.score(set, sheets, Set.of()).units(),
                set.items().stream().map(IndicatorNode::code).toList(), set.scale(), RankingRules.of(set.profile()));

        List<String> published = publications.publication(cycle).orElseThrow().results().stream()
                .map(r -> r.rank() + " " + r.unitCode() + " " + r.totalText() + " " + r.band()).toList();
        List<String> computed = expected.units().stream()
                .map(u -> u.rank() + " " + u.score().unitCode() + " "
                        + vn.dti.framework.VietnameseFormat.score(u.score().total()) + " " + u.band()).toList();
        assertThat(published).isEqualTo(computed);
        RankedUnit last = expected.units().getLast();
        assertThat(MISSING).contains(last.score().unitCode());
        // 002 speaks of "xếp loại" but states no thresholds: no band is published, the missing unit shows "-"
        assertThat(publications.publication(cycle).orElseThrow().results())
                .extracting(PublicationService.PublishedRow::band).containsOnlyNulls();
        assertThat(published.getLast()).endsWith(" - null");
    }

    private void selfAssessAndSubmit(long assessment, String unit, UserTask task) {
        IndicatorSet set = indicatorSets.get(assessments.get(assessment).getIndicatorSetId()).orElseThrow();
        Map<String, SelfItem> sheet = new LinkedHashMap<>();
        Map<String, ItemColumns> columns = new LinkedHashMap<>();
        int unitIndex = Integer.parseInt(unit.substring(4));
        int itemIndex = 0;
        for (IndicatorNode leaf : set.leaves()) {
            int seed = unitIndex * 31 + itemIndex++ * 7;
            // Evidence left null: each item keeps the name of the file uploaded for it below
            SelfItem item = switch (leaf.kind()) {
                case YES_NO -> new SelfItem(seed % 4 != 0, null, null, null, null, null, null, null);
                case RATIO -> new SelfItem(null, BigDecimal.valueOf(seed % 90 + 10), BigDecimal.valueOf(100), null, null,
                        null, null, null);
                case POINTS -> new SelfItem(null, null, null, null, leaf.points().multiply(BigDecimal.valueOf(seed % 5))
                        .divide(BigDecimal.valueOf(4)), null, "Giải trình cách chấm mục " + leaf.code(), null);
            };
            sheet.put(leaf.code(), item);
            columns.put(leaf.code(), ItemColumns.selfOnly(item.entry()));
        }
        entered.put(unit, columns);
        DtiUser officer = new DtiUser("canbo." + unit.toLowerCase(), Role.UNIT_OFFICER, unit, "BN");
        // 002 II.2.c requires evidence: one uploaded report backs every item (an explanation alone is refused)
        try {
            evidence.upload(assessment, List.of(new MockMultipartFile("files", "bao-cao-cds-" + unit + ".pdf",
                    "application/pdf", EvidenceSamples.pdf("Báo cáo chuyển đổi số " + unit,
                            List.of("Báo cáo kết quả chuyển đổi số năm của " + unit)))),
                    set.leaves().stream().map(IndicatorNode::code).toList(), officer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assessments.selfAssess(assessment, Map.of("name", unit), sheet, officer, clock.now());
        inbox.complete(task.key(), Map.of("completedBy", officer.username()));
        await(unit + " đã nộp", () -> Optional.of(assessments.get(assessment).getStatus())
                .filter(AssessmentStatus.SUBMITTED::equals));
    }

    private void appraise(long assessment, String unit) {
        UserTask review = taskOf(inbox, ProcessModel.Appraisal.COUNCIL_REVIEW, assessment);
        if (EXPLAINED.contains(unit)) {
            inbox.complete(review.key(), Map.of("decision", "request-explanation", "completedBy", COUNCIL.username()));
            UserTask request = taskOf(inbox, ProcessModel.Appraisal.REQUEST_EXPLANATION, assessment);
            inbox.complete(request.key(), Map.of("explanationItems", List.of("1.1"), "explanationQuestion",
                    "Đề nghị cung cấp quyết định thành lập Ban chỉ đạo.", "replyDays", 3, "completedBy", COUNCIL.username()));
            UserTask answer = taskOf(inbox, ProcessModel.Appraisal.ANSWER_EXPLANATION, assessment);
            assertThat(answer.candidateGroups()).containsExactly("unit:" + unit);
            inbox.complete(answer.key(), Map.of("explanationAnswer", "Quyết định số 12/QĐ-UBND kèm theo.",
                    "completedBy", "canbo." + unit.toLowerCase()));
            review = taskOf(inbox, ProcessModel.Appraisal.COUNCIL_REVIEW, assessment);
        }
        if (CORRECTED.contains(unit)) {
            // 1.1 is yes/no in both sets: the council finds it not met and says why
            assessments.appraise(assessment, Map.of("1.1", new AppraisedItem(false, null, null, null, null, null,
                    "Chưa có quyết định thành lập Ban chỉ đạo")), COUNCIL, clock.now());
            Map<String, ItemColumns> columns = entered.get(unit);
            columns.put("1.1", new ItemColumns(columns.get("1.1").self(), ItemEntry.no(), null));
        }
        inbox.complete(review.key(), Map.of("decision", "appraise", "completedBy", COUNCIL.username()));
        await(unit + " đã thẩm định", () -> Optional.of(assessments.get(assessment).getStatus())
                .filter(AssessmentStatus.APPRAISED::equals));
    }
}
