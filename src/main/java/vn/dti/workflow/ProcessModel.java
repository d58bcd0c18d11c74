package vn.dti.workflow;

/**
 * Every BPMN process id, element id, job type, message, error code and form id the application refers to, in one
 * place. The canonical models in {@code bpmn/} use these ids ({@code ProcessModelsTest} checks it); a service task's
 * job type is its element id, and its worker method is named after it.
 */
public final class ProcessModel {

    private ProcessModel() {
    }

    /** One year's evaluation of one ranking group of a province. */
    public static final class Cycle {
        public static final String PROCESS_ID = "dti-cycle";
        public static final String OPEN_PERIOD = "open-period";
        public static final String UNIT_ASSESSMENTS = "unit-assessments";
        public static final String AWAIT_APPRAISAL = "await-appraisal";
        public static final String APPRAISAL_START_REACHED = "appraisal-start-reached";
        public static final String START_APPRAISAL = "start-appraisal";
        public static final String UNIT_APPRAISALS = "unit-appraisals";
        public static final String RANK_CYCLE = "rank-cycle";
        public static final String APPROVE_RANKING = "approve-ranking";
        public static final String RECORD_APPROVAL = "record-approval";
        public static final String REVISE_RANKING = "revise-ranking";
        public static final String AWAIT_PUBLICATION = "await-publication";
        public static final String PUBLICATION_DATE_REACHED = "publication-date-reached";
        public static final String PUBLISH_RESULTS = "publish-results";
        public static final String PUBLISHED = "cycle-published";

        private Cycle() {
        }
    }

    /** A unit's self-assessment, from its opening to its submission or to the deadline. */
    public static final class UnitAssessment {
        public static final String PROCESS_ID = "dti-unit-assessment";
        public static final String BEGIN_SELF_ASSESSMENT = "begin-self-assessment";
        public static final String SELF_ASSESSMENT = "self-assessment";
        public static final String CHECK_SUBMISSION = "check-submission";
        public static final String SUBMISSION_REJECTED = "submission-rejected";
        public static final String SUBMITTED = "submitted";
        public static final String AWAIT_DEADLINE = "await-deadline";
        public static final String DEADLINE_REACHED = "deadline-reached";
        public static final String REMINDER_DUE = "reminder-due";
        public static final String SEND_REMINDER = "send-reminder";
        public static final String CLOSE_UNREPORTED = "close-unreported";
        public static final String NOT_REPORTED = "not-reported";

        private UnitAssessment() {
        }
    }

    /** The council's appraisal of one unit, with its requests for explanation. */
    public static final class Appraisal {
        public static final String PROCESS_ID = "dti-appraisal";
        public static final String BEGIN_APPRAISAL = "begin-appraisal";
        public static final String COUNCIL_REVIEW = "council-review";
        public static final String REQUEST_EXPLANATION = "request-explanation";
        public static final String RECORD_EXPLANATION_REQUEST = "record-explanation-request";
        public static final String ANSWER_EXPLANATION = "answer-explanation";
        public static final String REPLY_DEADLINE_PASSED = "reply-deadline-passed";
        public static final String NOTE_UNANSWERED = "note-unanswered";
        public static final String RECORD_EXPLANATION_ANSWER = "record-explanation-answer";
        public static final String RECORD_APPRAISAL = "record-appraisal";
        public static final String APPRAISAL_REJECTED = "appraisal-rejected";
        public static final String APPRAISED = "appraised";

        private Appraisal() {
        }
    }

    /**
     * The indexing of an upload's files (the variable {@code files}, their SHA-256) as one job: the upload answers at
     * once, and a file that cannot be indexed becomes an incident that can be retried, not a lost file.
     */
    public static final class EvidenceIndexing {
        public static final String PROCESS_ID = "dti-evidence-indexing";
        public static final String INDEX_EVIDENCE = "index-evidence";

        private EvidenceIndexing() {
        }
    }

    /** Messages that re-arm timers when an administrator moves a date. */
    public static final class Messages {
        /** Correlated by the cycle id: the appraisal start or the publication date moved. */
        public static final String CALENDAR_CHANGED = "calendar-changed";
        /** Correlated by the assessment id: that unit's deadline moved (a calendar change or an extension). */
        public static final String DEADLINE_CHANGED = "deadline-changed";

        private Messages() {
        }
    }

    /** BPMN error codes of business rejections, each with its own path in the models. */
    public static final class Errors {
        public static final String SUBMISSION_REJECTED = "submission-rejected";
        public static final String APPRAISAL_REJECTED = "appraisal-rejected";

        private Errors() {
        }
    }

    /** The Camunda Forms in {@code forms/}, linked from the user tasks by form id. */
    public static final class Forms {
        public static final String SELF_ASSESSMENT = "self-assessment";
        public static final String EXPLANATION_REQUEST = "explanation-request";
        public static final String EXPLANATION_ANSWER = "explanation-answer";
        public static final String COUNCIL_APPRAISAL = "council-appraisal";
        public static final String APPROVAL = "approval";

        private Forms() {
        }
    }
}
