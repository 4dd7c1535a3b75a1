/// Saving an unfinished interview and continuing it later (`--resume`, SPEC section 4).
///
/// A checkpoint holds the interview's facts and every recorded step in order. Resuming replays the steps
/// through the engine, so the interview continues at the question where it stopped with the same answers,
/// timings, warnings and option orders (orders come from the same seed).
public enum Checkpoint {
    public static let format = "touchpoint-checkpoint/1"

    /// Why a checkpoint cannot be resumed, for people.
    public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        public var message: String
        /// The first saved answer (or question of a revised file) that stands in the way, when that is the reason.
        public var question: String?

        public init(message: String, question: String? = nil) {
            self.message = message
            self.question = question
        }

        public var description: String { message }
    }

    /// An interview continued from its checkpoint.
    public struct Resumed: Sendable {
        public var interview: Interview
        public var context: InterviewContext
        /// Whether the questionnaire file changed since the interview was saved, so that its answers were
        /// replayed against the revised file (and still fit it).
        public var fileChanged: Bool
    }

    /// The checkpoint of an interview in progress.
    public static func json(_ interview: Interview, context: InterviewContext, file: String) -> JSONValue {
        var o = JSONObject()
        o["format"] = .string(format)
        o["questionnaire"] = .string(interview.questionnaire.id)
        o["questionnaire_sha256"] = .string(context.questionnaireSHA256)
        o["file"] = .string(file)
        o["response_id"] = .string(context.responseID)
        o["respondent"] = context.respondent.map(JSONValue.string) ?? .null
        o["interviewer"] = context.interviewer.map(JSONValue.string) ?? .null
        o["mode"] = .string(context.mode.rawValue)
        o["language"] = .string(interview.language)
        o["started_at"] = .string(context.startedAt)
        o["seed"] = .string(String(interview.seed))
        o["meta"] = .object(JSONObject(interview.meta.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value.json) }))
        o["steps"] = .array(interview.steps.map { step in
            .object(JSONObject([(key: "key", value: .string(step.key.description))] + [outcomeMember(step.outcome)]))
        })
        o["remembered"] = .object(JSONObject(interview.remembered.map { (key: $0.key.description, value: $0.value) }
            .sorted { $0.key < $1.key }.map { key, outcome in
                (key: key, value: .object(JSONObject([outcomeMember(outcome)])))
            }))
        o["durations_ms"] = .object(JSONObject(interview.durations.sorted { $0.key < $1.key }.map { (key: $0.key, value: .number(Double($0.value))) }))
        o["option_order"] = .object(JSONObject(interview.optionOrders.map { (key: $0.key.description, value: JSONValue.array($0.value.map(\.json))) }
            .sorted { $0.key < $1.key }))
        o["warnings"] = .array(interview.warnings.map(JSONValue.string))
        o["progress"] = .number(Double(interview.steps.count))
        return .object(o)
    }

    private static func outcomeMember(_ outcome: StepOutcome) -> (key: String, value: JSONValue) {
        switch outcome {
        case .answer(let v): (key: "answer", value: v.json)
        case .missing(let r): (key: "missing", value: .string(r.rawValue))
        case .seen: (key: "seen", value: .bool(true))
        }
    }

    private static func outcome(_ o: JSONObject) -> StepOutcome? {
        if let a = o["answer"] { return .answer(Value(json: a)) }
        if let m = o["missing"]?.stringValue, let r = MissingReason(rawValue: m) { return .missing(r) }
        if o["seen"] != nil { return .seen }
        return nil
    }

    /// Rebuilds an interview from a checkpoint (see `resume`).
    public static func restore(_ json: JSONValue, checked: CheckedQuestionnaire,
                               sha256: String) throws(Problem) -> (Interview, InterviewContext) {
        let resumed = try resume(json, checked: checked, sha256: sha256)
        return (resumed.interview, resumed.context)
    }

    /// Rebuilds an interview from its checkpoint, to continue at the question where it stopped.
    ///
    /// With the same questionnaire file (`sha256` as saved) the steps are re-recorded as they were. When the file
    /// has changed since, the saved answers are replayed against it with the rules of `run --answers` (see
    /// `replayRevised`): the interview continues when they still fit, and otherwise nothing is changed and the
    /// problem names the first saved answer that does not fit.
    public static func resume(_ json: JSONValue, checked: CheckedQuestionnaire, sha256: String) throws(Problem) -> Resumed {
        guard let o = json.objectValue, o["format"]?.stringValue == format else {
            throw Problem(message: "this is not a touchpoint checkpoint (or one written by a newer version)")
        }
        guard let id = o["response_id"]?.stringValue, let started = o["started_at"]?.stringValue,
              let seedText = o["seed"]?.stringValue, let seed = UInt64(seedText), let stepList = o["steps"]?.arrayValue else {
            throw Problem(message: "the checkpoint is incomplete (a field is missing)")
        }
        var steps: [(key: String, outcome: StepOutcome)] = []
        for (index, step) in stepList.enumerated() {
            guard let s = step.objectValue, let key = s["key"]?.stringValue, let outcome = outcome(s) else {
                throw Problem(message: "step \(index + 1) of the checkpoint is damaged")
            }
            steps.append((key, outcome))
        }
        var meta: [String: Value] = [:]
        for (k, v) in o["meta"]?.objectValue ?? JSONObject() { meta[k] = Value(json: v) }
        let language = o["language"]?.stringValue
        let fileChanged = o["questionnaire_sha256"]?.stringValue != sha256
        var interview: Interview
        var warnings = (o["warnings"]?.arrayValue ?? []).compactMap(\.stringValue)
        if fileChanged {
            interview = try replayRevised(steps, checked: checked, language: language, meta: meta, seed: seed)
            warnings = interview.warnings
        } else {
            interview = Interview(checked, language: language, meta: meta, seed: seed)
            for (index, step) in steps.enumerated() {
                guard interview.restoreStep(key: step.key, outcome: step.outcome, durationMs: 0) else {
                    throw Problem(message: "step \(index + 1) (`\(step.key)`) no longer follows from the answers before it", question: step.key)
                }
            }
        }
        var durations: [String: Int] = [:]
        for (k, v) in o["durations_ms"]?.objectValue ?? JSONObject() where !fileChanged || AnswerPath(parsing: k, in: checked) != nil {
            durations[k] = v.intValue ?? 0
        }
        var remembered: [AnswerPath: StepOutcome] = [:]
        for (k, v) in o["remembered"]?.objectValue ?? JSONObject() {
            guard let path = AnswerPath(parsing: k, in: checked), let obj = v.objectValue, let r = outcome(obj) else { continue }
            // A default offered after `:back` must still be an answer the (revised) question takes.
            if fileChanged, !fits(r, at: path, checked: checked, language: interview.language) { continue }
            remembered[path] = r
        }
        var orders: [AnswerPath: [OptionValue]] = [:]
        for (k, v) in o["option_order"]?.objectValue ?? JSONObject() {
            guard let path = AnswerPath(parsing: k, in: checked), let values = v.arrayValue else { continue }
            orders[path] = values.compactMap { value in
                switch value {
                case .number(let n): Int(exactly: n).map(OptionValue.integer)
                case .string(let s): .text(s)
                default: nil
                }
            }
        }
        interview.restoreExtras(durations: durations, warnings: warnings, remembered: remembered, optionOrders: orders)
        let context = InterviewContext(responseID: id, questionnaireSHA256: sha256, respondent: o["respondent"]?.stringValue,
                                       interviewer: o["interviewer"]?.stringValue, mode: o["mode"]?.stringValue.flatMap(InterviewMode.init(rawValue:)) ?? .interactive,
                                       startedAt: started)
        return Resumed(interview: interview, context: context, fileChanged: fileChanged)
    }
}
