package vn.dti.workflow;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import vn.dti.workflow.ProcessModel.Appraisal;
import vn.dti.workflow.ProcessModel.Cycle;
import vn.dti.workflow.ProcessModel.Errors;
import vn.dti.workflow.ProcessModel.EvidenceIndexing;
import vn.dti.workflow.ProcessModel.Forms;
import vn.dti.workflow.ProcessModel.Messages;
import vn.dti.workflow.ProcessModel.UnitAssessment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the canonical models in {@code bpmn/} from the ids of {@link ProcessModel}, with the builder's automatic
 * layout: {@code ./mvnw -q test-compile exec:java -Dexec.mainClass=vn.dti.workflow.CanonicalModels
 * -Dexec.classpathScope=test}. The files are what is deployed and what people open in Modeler and Operate.
 */
public final class CanonicalModels {

    private static final String RETRIES = "3";

    private CanonicalModels() {
    }

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args.length > 0 ? args[0] : "bpmn");
        write(directory.resolve("dti-cycle.bpmn"), cycle());
        write(directory.resolve("dti-unit-assessment.bpmn"), unitAssessment());
        write(directory.resolve("dti-appraisal.bpmn"), appraisal());
        write(directory.resolve("dti-evidence-indexing.bpmn"), evidenceIndexing());
    }

    static BpmnModelInstance cycle() {
        return Bpmn.createExecutableProcess(Cycle.PROCESS_ID).name("Đánh giá DTI hằng năm của một nhóm đơn vị")
                .startEvent("cycle-started").name("Mở kỳ đánh giá")
                .serviceTask(Cycle.OPEN_PERIOD, t -> t.name("Mở kỳ: chốt bộ chỉ số, danh sách đơn vị, tạo phiếu")
                        .zeebeJobType(Cycle.OPEN_PERIOD).zeebeJobRetries(RETRIES))
                .callActivity(Cycle.UNIT_ASSESSMENTS, c -> c.name("Đơn vị tự đánh giá")
                        .zeebeProcessId(UnitAssessment.PROCESS_ID).zeebePropagateAllChildVariables(false)
                        .multiInstance(m -> m.parallel().zeebeInputCollectionExpression("assessmentIds")
                                .zeebeInputElement("assessmentId")))
                .eventBasedGateway(Cycle.AWAIT_APPRAISAL).name("Chờ ngày bắt đầu thẩm định")
                .intermediateCatchEvent(Cycle.APPRAISAL_START_REACHED, e -> e.name("Đến ngày thẩm định")
                        .timerWithDateExpression("date and time(appraisalStartAt)"))
                .serviceTask(Cycle.START_APPRAISAL, t -> t.name("Chuyển Hội đồng thẩm định")
                        .zeebeJobType(Cycle.START_APPRAISAL).zeebeJobRetries(RETRIES))
                .callActivity(Cycle.UNIT_APPRAISALS, c -> c.name("Hội đồng thẩm định từng đơn vị")
                        .zeebeProcessId(Appraisal.PROCESS_ID).zeebePropagateAllChildVariables(false)
                        .multiInstance(m -> m.parallel().zeebeInputCollectionExpression("reportedAssessmentIds")
                                .zeebeInputElement("assessmentId")))
                .serviceTask(Cycle.RANK_CYCLE, t -> t.name("Tổng hợp điểm, xếp loại, xếp hạng")
                        .zeebeJobType(Cycle.RANK_CYCLE).zeebeJobRetries(RETRIES))
                .userTask(Cycle.APPROVE_RANKING, t -> t.name("Chủ tịch phê duyệt kết quả").zeebeUserTask()
                        .zeebeCandidateGroupsExpression("[approverGroup]").zeebeFormId(Forms.APPROVAL))
                .serviceTask(Cycle.RECORD_APPROVAL, t -> t.name("Ghi nhận phê duyệt")
                        .zeebeJobType(Cycle.RECORD_APPROVAL).zeebeJobRetries(RETRIES))
                .exclusiveGateway("approved-gateway").name("Phê duyệt?")
                .condition("Trả lại", "=approved = false")
                .userTask(Cycle.REVISE_RANKING, t -> t.name("Hội đồng xem xét lại theo ý kiến Chủ tịch")
                        .zeebeUserTask().zeebeCandidateGroupsExpression("[councilGroup]")
                        .zeebeFormId(Forms.COUNCIL_APPRAISAL))
                .connectTo(Cycle.RANK_CYCLE)
                .moveToNode("approved-gateway").condition("Phê duyệt", "=approved = true")
                .eventBasedGateway(Cycle.AWAIT_PUBLICATION).name("Chờ ngày công bố")
                .intermediateCatchEvent(Cycle.PUBLICATION_DATE_REACHED, e -> e.name("Đến ngày công bố")
                        .timerWithDateExpression("date and time(publicationAt)"))
                .serviceTask(Cycle.PUBLISH_RESULTS, t -> t.name("Công bố: chốt kết quả, dự thảo quyết định")
                        .zeebeJobType(Cycle.PUBLISH_RESULTS).zeebeJobRetries(RETRIES))
                .endEvent(Cycle.PUBLISHED).name("Đã công bố")
                .moveToNode(Cycle.AWAIT_APPRAISAL)
                .intermediateCatchEvent("appraisal-date-changed", e -> e.name("Lịch thay đổi")
                        .message(m -> m.name(Messages.CALENDAR_CHANGED).zeebeCorrelationKeyExpression("string(cycleId)")))
                .connectTo(Cycle.AWAIT_APPRAISAL)
                .moveToNode(Cycle.AWAIT_PUBLICATION)
                .intermediateCatchEvent("publication-date-changed", e -> e.name("Lịch thay đổi")
                        .message(m -> m.name(Messages.CALENDAR_CHANGED).zeebeCorrelationKeyExpression("string(cycleId)")))
                .connectTo(Cycle.AWAIT_PUBLICATION)
                .done();
    }

    static BpmnModelInstance unitAssessment() {
        return Bpmn.createExecutableProcess(UnitAssessment.PROCESS_ID).name("Đơn vị tự đánh giá")
                .startEvent("assessment-started").name("Mở phiếu tự đánh giá")
                .serviceTask(UnitAssessment.BEGIN_SELF_ASSESSMENT, t -> t.name("Chuẩn bị phiếu, hạn nộp, nhắc hạn")
                        .zeebeJobType(UnitAssessment.BEGIN_SELF_ASSESSMENT).zeebeJobRetries(RETRIES))
                .parallelGateway("split")
                .userTask(UnitAssessment.SELF_ASSESSMENT, t -> t.name("Tự đánh giá, chấm điểm, đính kèm tài liệu kiểm chứng")
                        .zeebeUserTask().zeebeCandidateGroupsExpression("[unitGroup]").zeebeDueDateExpression("deadline")
                        .zeebeFormId(Forms.SELF_ASSESSMENT))
                .serviceTask(UnitAssessment.CHECK_SUBMISSION, t -> t.name("Kiểm tra phiếu nộp")
                        .zeebeJobType(UnitAssessment.CHECK_SUBMISSION).zeebeJobRetries(RETRIES))
                .boundaryEvent(UnitAssessment.SUBMISSION_REJECTED, b -> b.name("Phiếu chưa đạt, trả lại")
                        .error(Errors.SUBMISSION_REJECTED))
                .connectTo(UnitAssessment.SELF_ASSESSMENT)
                .moveToActivity(UnitAssessment.CHECK_SUBMISSION)
                .endEvent(UnitAssessment.SUBMITTED, e -> e.name("Đã nộp").terminate())
                .moveToNode("split")
                .eventBasedGateway(UnitAssessment.AWAIT_DEADLINE).name("Chờ hạn nộp")
                .intermediateCatchEvent(UnitAssessment.DEADLINE_REACHED, e -> e.name("Hết hạn nộp")
                        .timerWithDateExpression("date and time(deadline)"))
                .serviceTask(UnitAssessment.CLOSE_UNREPORTED, t -> t.name("Đóng phiếu: không báo cáo (xếp loại Yếu)")
                        .zeebeJobType(UnitAssessment.CLOSE_UNREPORTED).zeebeJobRetries(RETRIES))
                .endEvent(UnitAssessment.NOT_REPORTED, e -> e.name("Không báo cáo").terminate())
                .moveToNode(UnitAssessment.AWAIT_DEADLINE)
                .intermediateCatchEvent(UnitAssessment.REMINDER_DUE, e -> e.name("Đến lúc nhắc hạn")
                        .timerWithDateExpression("date and time(nextReminderAt)"))
                .serviceTask(UnitAssessment.SEND_REMINDER, t -> t.name("Nhắc hạn nộp")
                        .zeebeJobType(UnitAssessment.SEND_REMINDER).zeebeJobRetries(RETRIES))
                .connectTo(UnitAssessment.AWAIT_DEADLINE)
                .moveToNode(UnitAssessment.AWAIT_DEADLINE)
                .intermediateCatchEvent("deadline-changed", e -> e.name("Hạn nộp thay đổi")
                        .message(m -> m.name(Messages.DEADLINE_CHANGED)
                                .zeebeCorrelationKeyExpression("string(assessmentId)")))
                .connectTo(UnitAssessment.AWAIT_DEADLINE)
                .done();
    }

    static BpmnModelInstance appraisal() {
        return Bpmn.createExecutableProcess(Appraisal.PROCESS_ID).name("Hội đồng thẩm định một đơn vị")
                .startEvent("appraisal-started").name("Bắt đầu thẩm định")
                .serviceTask(Appraisal.BEGIN_APPRAISAL, t -> t.name("Chuẩn bị hồ sơ thẩm định")
                        .zeebeJobType(Appraisal.BEGIN_APPRAISAL).zeebeJobRetries(RETRIES))
                // Restarted with a request still open (embedded engine): back to the unit's answer.
                .exclusiveGateway("request-open-gateway").name("Đang chờ đơn vị giải trình?")
                .defaultFlow()
                .userTask(Appraisal.COUNCIL_REVIEW, t -> t.name("Hội đồng xem xét, thẩm định")
                        .zeebeUserTask().zeebeCandidateGroupsExpression("[councilGroup]")
                        .zeebeDueDateExpression("appraisalDue").zeebeFormId(Forms.COUNCIL_APPRAISAL))
                .exclusiveGateway("review-decision").name("Quyết định?")
                .condition("Yêu cầu giải trình", "=decision = \"request-explanation\"")
                .userTask(Appraisal.REQUEST_EXPLANATION, t -> t.name("Soạn yêu cầu giải trình")
                        .zeebeUserTask().zeebeCandidateGroupsExpression("[councilGroup]")
                        .zeebeFormId(Forms.EXPLANATION_REQUEST))
                .serviceTask(Appraisal.RECORD_EXPLANATION_REQUEST, t -> t.name("Ghi nhận yêu cầu giải trình")
                        .zeebeJobType(Appraisal.RECORD_EXPLANATION_REQUEST).zeebeJobRetries(RETRIES))
                .userTask(Appraisal.ANSWER_EXPLANATION, t -> t.name("Đơn vị giải trình")
                        .zeebeUserTask().zeebeCandidateGroupsExpression("[unitGroup]")
                        .zeebeDueDateExpression("replyDeadline").zeebeFormId(Forms.EXPLANATION_ANSWER))
                .boundaryEvent(Appraisal.REPLY_DEADLINE_PASSED, b -> b.name("Quá hạn giải trình")
                        .timerWithDateExpression("date and time(replyDeadline)"))
                .serviceTask(Appraisal.NOTE_UNANSWERED, t -> t.name("Ghi nhận không giải trình")
                        .zeebeJobType(Appraisal.NOTE_UNANSWERED).zeebeJobRetries(RETRIES))
                .connectTo(Appraisal.COUNCIL_REVIEW)
                .moveToActivity(Appraisal.ANSWER_EXPLANATION)
                .serviceTask(Appraisal.RECORD_EXPLANATION_ANSWER, t -> t.name("Ghi nhận giải trình")
                        .zeebeJobType(Appraisal.RECORD_EXPLANATION_ANSWER).zeebeJobRetries(RETRIES))
                .connectTo(Appraisal.COUNCIL_REVIEW)
                .moveToNode("request-open-gateway").condition("Đang chờ", "=explanationOpen = true")
                .connectTo(Appraisal.ANSWER_EXPLANATION)
                .moveToNode("review-decision").condition("Thẩm định xong", "=decision = \"appraise\"")
                .serviceTask(Appraisal.RECORD_APPRAISAL, t -> t.name("Ghi nhận điểm thẩm định")
                        .zeebeJobType(Appraisal.RECORD_APPRAISAL).zeebeJobRetries(RETRIES))
                .boundaryEvent(Appraisal.APPRAISAL_REJECTED, b -> b.name("Thiếu lý do điều chỉnh")
                        .error(Errors.APPRAISAL_REJECTED))
                .connectTo(Appraisal.COUNCIL_REVIEW)
                .moveToActivity(Appraisal.RECORD_APPRAISAL)
                .endEvent(Appraisal.APPRAISED).name("Đã thẩm định")
                .done();
    }

    static BpmnModelInstance evidenceIndexing() {
        return Bpmn.createExecutableProcess(EvidenceIndexing.PROCESS_ID).name("Lập chỉ mục tài liệu kiểm chứng")
                .startEvent("evidence-stored").name("Tệp đã lưu")
                // One job for an upload's files: a job per file cost the engine about as much as reading the files.
                .serviceTask(EvidenceIndexing.INDEX_EVIDENCE, t -> t
                        .name("Nhận diện số, ngày, loại văn bản; OCR bản quét")
                        .zeebeJobType(EvidenceIndexing.INDEX_EVIDENCE).zeebeJobRetries(RETRIES))
                .endEvent("evidence-indexed").name("Đã lập chỉ mục")
                .done();
    }

    private static void write(Path file, BpmnModelInstance model) throws IOException {
        Bpmn.validateModel(model);
        Files.createDirectories(file.getParent());
        Files.writeString(file, Bpmn.convertToString(model));
        System.out.println("wrote " + file);
    }
}
