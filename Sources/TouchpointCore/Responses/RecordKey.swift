/// The keys of a response record (SPEC section 5), in the order every record is written: the one list that
/// the writer, the strict reader, the checkpoint, headless `--answers` and the JSON string table all use.
public enum RecordKey: String, Sendable, CaseIterable {
    case questionnaire
    case version
    case questionnaireSHA256 = "questionnaire_sha256"
    case responseID = "response_id"
    case status
    case respondent
    case interviewer
    case mode
    case language
    case startedAt = "started_at"
    case completedAt = "completed_at"
    case meta
    case answers
    case missing
    case computed
    case path
    case durations = "durations_ms"
    case optionOrder = "option_order"
    case warnings

    /// The keys that `score` and `verify` read from every line; the others are skipped unbuilt.
    static let checked: [RecordKey] = [.questionnaire, .responseID, .status, .language, .completedAt, .meta, .answers,
                                       .missing, .computed]

    /// The keys, and the fixed values a record holds (statuses, modes, missing reasons), interned by the
    /// JSON reader so that reading a million records builds each of these strings once.
    public static let stringTable = JSONStringTable(
        allCases.map(\.rawValue) + EndStatus.allCases.map(\.rawValue) + InterviewMode.allCases.map(\.rawValue)
            + MissingReason.allCases.map(\.rawValue))
}

/// How an interview was taken (SPEC section 5, `mode`).
public enum InterviewMode: String, Sendable, Hashable, CaseIterable {
    /// Through readline at a terminal.
    case interactive
    /// From `--answers`, or from lines piped in.
    case headless
}
