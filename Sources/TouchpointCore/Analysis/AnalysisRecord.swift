/// One accepted response as the analysis commands (`export`, `tab`, `verbatims`) see it.
///
/// This is the adapter between the scoring reader's record type and everything under Analysis/: when the
/// record type changes, only `init(_:)` here follows it.
public struct AnalysisRecord: Sendable {
    public var responseID: String
    /// `complete`, `screened_out`, `quota_full` or a quota's own status, as written.
    public var status: String
    public var respondent: String?
    public var interviewer: String?
    public var mode: String?
    public var language: String?
    public var startedAt: String?
    public var completedAt: String?
    public var meta: JSONObject
    public var answers: JSONObject
    public var missing: JSONObject
    public var computed: JSONObject
    /// Where the line was read.
    public var source: ResponseSource
    public var line: Int

    /// The record of a line the reader accepted.
    public init(_ checked: CheckedResponse) {
        responseID = checked.responseID
        status = checked.record["status"]?.stringValue ?? checked.status.rawValue
        respondent = checked.record["respondent"]?.stringValue
        interviewer = checked.record["interviewer"]?.stringValue
        mode = checked.record["mode"]?.stringValue
        language = checked.language
        startedAt = checked.record["started_at"]?.stringValue
        completedAt = checked.completedAt ?? checked.record["completed_at"]?.stringValue
        meta = checked.meta
        answers = checked.answers
        missing = checked.missing
        computed = checked.computed
        source = checked.source
        line = checked.line
    }

    /// A record from its parts, for tests.
    public init(responseID: String, status: String = "complete", respondent: String? = nil, language: String? = nil,
                meta: JSONObject = JSONObject(), answers: JSONObject = JSONObject(), missing: JSONObject = JSONObject(),
                computed: JSONObject = JSONObject()) {
        self.responseID = responseID
        self.status = status
        self.respondent = respondent
        self.interviewer = nil
        self.mode = nil
        self.language = language
        self.startedAt = nil
        self.completedAt = nil
        self.meta = meta
        self.answers = answers
        self.missing = missing
        self.computed = computed
        self.source = .standardInput
        self.line = 0
    }

    /// The value a record field, meta key (`meta.x`) or top-level question has, for grouping.
    public func groupValue(_ name: String) -> JSONValue? {
        switch name {
        case "language": return language.map(JSONValue.string)
        case "status": return .string(status)
        case "interviewer": return interviewer.map(JSONValue.string)
        case "mode": return mode.map(JSONValue.string)
        default:
            if name.hasPrefix("meta.") { return meta[String(name.dropFirst(5))] }
            return answers[name]
        }
    }
}
