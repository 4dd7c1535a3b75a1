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
    /// `durations_ms`, read only when a `time_on_task` score needs it (empty otherwise).
    public var durations = JSONObject()
    /// `questionnaire_sha256`, when the record has it and the reader kept every field.
    public var questionnaireSHA256: String?
    /// The whole parsed line (only the fields the reader kept; all of them with `keepsAllFields`), for
    /// readers that need fields beyond these, such as `respondent` for exports.
    public var record = JSONObject()
    /// The answers, computes and meta values that scores read, by slot (see `ResponseSchema.Slots`).
    var values: [JSONValue?] = []
    /// Bit `slot` is set when the question in that slot has a `missing` reason (slots below 64).
    var missingMask: UInt64 = 0
    /// The answers of numbered loop questions (`ResponseSchema.QuestionEntry.isNumbered`), as the scanner
    /// read them: numbers, yes/no as 1 and 0, in the order written. Such a slot's `values` entry is nil.
    var numbers: [LoopNumber] = []
    /// Bit `slot` is set when the answers of the question in that slot are in `numbers`.
    var numberedMask: UInt64 = 0
    /// `responseID` prepared for the reader's id set, when the scanner read it from the line's bytes.
    var idKey: ResponseIDSet.Key?
    /// Where the line was read.
    public var source: ResponseSource
    public var line: Int

    /// A checked record from its parts (tests and callers that build records in memory use it).
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

/// One answer of a question in a loop, as a number: the question's slot, the loop option it was answered
/// at (its index among the loop's `orderedKeys`) and the value.
struct LoopNumber: Sendable {
    var slot: Int32
    var option: Int32
    var value: Double
}

extension CheckedResponse {
    /// Whether the answers of the question in `slot` are in `numbers`.
    @inline(__always)
    func isNumbered(_ slot: Int) -> Bool {
        slot >= 0 && slot < 64 && numberedMask & (1 << UInt64(slot)) != 0
    }

    /// What the checker put in `slot`; for a record built without the checker (no slots filled), what
    /// `search` finds in the record's objects.
    func value(inSlot slot: Int, orSearch search: () -> JSONValue?) -> JSONValue? {
        slot >= 0 && slot < values.count ? values[slot] : search()
    }

    /// What the checker put in `slot` (`.some(nil)`: nothing), or `nil` when the record has no such slot and
    /// must be searched. Callers on the scoring path use it before building a search closure, which would
    /// copy the whole record (a retain and release of each of its fields) on every call.
    @inline(__always)
    func slotted(_ slot: Int) -> JSONValue?? {
        slot >= 0 && slot < values.count ? .some(values[slot]) : nil
    }

    /// Whether question `id` (whose answers go in `slot`) was asked: it has an answer or a missing reason.
    func wasAsked(_ id: String, slot: Int) -> Bool {
        guard slot >= 0, slot < 64, slot < values.count else {
            return answers.contains(key: id) || missing.contains(key: id)
        }
        return values[slot] != nil || (missingMask | numberedMask) & (1 << UInt64(slot)) != 0
    }
}
