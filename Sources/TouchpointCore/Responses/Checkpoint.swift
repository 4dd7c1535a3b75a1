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
        public var description: String { message }
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

    /// Rebuilds an interview from a checkpoint of the same questionnaire file.
    public static func restore(_ json: JSONValue, checked: CheckedQuestionnaire,
                               sha256: String) throws(Problem) -> (Interview, InterviewContext) {
        guard let o = json.objectValue, o["format"]?.stringValue == format else {
            throw Problem(message: "this is not a touchpoint checkpoint (or one written by a newer version)")
        }
        guard o["questionnaire_sha256"]?.stringValue == sha256 else {
            throw Problem(message: "the questionnaire file has changed since this interview was saved, so its answers may no longer fit; finish it with the version it was started with, or replay its answers with --answers")
        }
        guard let id = o["response_id"]?.stringValue, let started = o["started_at"]?.stringValue,
              let seedText = o["seed"]?.stringValue, let seed = UInt64(seedText), let steps = o["steps"]?.arrayValue else {
            throw Problem(message: "the checkpoint is incomplete (a field is missing)")
        }
        var meta: [String: Value] = [:]
        for (k, v) in o["meta"]?.objectValue ?? JSONObject() { meta[k] = Value(json: v) }
        var interview = Interview(checked, language: o["language"]?.stringValue, meta: meta, seed: seed)
        for (index, step) in steps.enumerated() {
            guard let s = step.objectValue, let key = s["key"]?.stringValue, let outcome = outcome(s) else {
                throw Problem(message: "step \(index + 1) of the checkpoint is damaged")
            }
            guard interview.restoreStep(key: key, outcome: outcome, durationMs: 0) else {
                throw Problem(message: "step \(index + 1) (`\(key)`) no longer follows from the answers before it")
            }
        }
        var durations: [String: Int] = [:]
        for (k, v) in o["durations_ms"]?.objectValue ?? JSONObject() { durations[k] = v.intValue ?? 0 }
        var remembered: [AnswerPath: StepOutcome] = [:]
        for (k, v) in o["remembered"]?.objectValue ?? JSONObject() {
            if let path = AnswerPath(parsing: k, in: checked), let obj = v.objectValue, let r = outcome(obj) { remembered[path] = r }
        }
        let warnings = (o["warnings"]?.arrayValue ?? []).compactMap(\.stringValue)
        interview.restoreExtras(durations: durations, warnings: warnings, remembered: remembered)
        let context = InterviewContext(responseID: id, questionnaireSHA256: sha256, respondent: o["respondent"]?.stringValue,
                                       interviewer: o["interviewer"]?.stringValue, mode: o["mode"]?.stringValue.flatMap(InterviewMode.init(rawValue:)) ?? .interactive,
                                       startedAt: started)
        return (interview, context)
    }
}
