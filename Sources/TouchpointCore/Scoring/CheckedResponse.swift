/// A response record that passed the record checks: its fields, typed, ready to score or replay.
public struct CheckedResponse: Sendable {
    public var responseID: String
    public var status: EndStatus
    /// The interview language, when the record gives one.
    public var language: String?
    /// `completed_at` as written (RFC 3339), when present and not null.
    public var completedAt: String?
    public var meta: JSONObject
    /// Answers by question id; loop answers keyed by option value, grid answers by row id.
    public var answers: JSONObject
    /// Missing reasons in the same shape as `answers`.
    public var missing: JSONObject
    public var computed: JSONObject
    /// `questionnaire_sha256`, when the record has it and the reader kept every field.
    public var questionnaireSHA256: String?
    /// Where the line was read.
    public var source: ResponseSource
    public var line: Int

    public init(responseID: String, status: EndStatus, language: String? = nil, completedAt: String? = nil,
                meta: JSONObject = JSONObject(), answers: JSONObject = JSONObject(), missing: JSONObject = JSONObject(),
                computed: JSONObject = JSONObject(), source: ResponseSource = .standardInput, line: Int = 0) {
        self.responseID = responseID
        self.status = status
        self.language = language
        self.completedAt = completedAt
        self.meta = meta
        self.answers = answers
        self.missing = missing
        self.computed = computed
        self.questionnaireSHA256 = nil
        self.source = source
        self.line = line
    }
}
