import Foundation

/// Facts about an interview that the engine does not decide: who, by whom, when, how (SPEC section 5).
public struct InterviewContext: Sendable, Hashable {
    public var responseID: String
    public var questionnaireSHA256: String
    public var respondent: String?
    public var interviewer: String?
    /// `interactive` or `headless`.
    public var mode: String
    public var startedAt: String
    public var completedAt: String?

    public init(responseID: String, questionnaireSHA256: String, respondent: String? = nil, interviewer: String? = nil,
                mode: String, startedAt: String, completedAt: String? = nil) {
        self.responseID = responseID
        self.questionnaireSHA256 = questionnaireSHA256
        self.respondent = respondent
        self.interviewer = interviewer
        self.mode = mode
        self.startedAt = startedAt
        self.completedAt = completedAt
    }
}

extension Interview {
    /// The response record of a finished interview, keys in the order of SPEC section 5.
    public func record(_ context: InterviewContext) -> JSONValue {
        let status: EndStatus
        if case .finished(let s, _) = state { status = s } else { status = .complete }
        var object = JSONObject()
        object["questionnaire"] = .string(questionnaire.id)
        object["version"] = questionnaire.version.map(JSONValue.string) ?? .null
        object["questionnaire_sha256"] = .string(context.questionnaireSHA256)
        object["response_id"] = .string(context.responseID)
        object["status"] = .string(status.rawValue)
        object["respondent"] = context.respondent.map(JSONValue.string) ?? .null
        object["interviewer"] = context.interviewer.map(JSONValue.string) ?? .null
        object["mode"] = .string(context.mode)
        object["language"] = language.isEmpty ? .null : .string(language)
        object["started_at"] = .string(context.startedAt)
        object["completed_at"] = context.completedAt.map(JSONValue.string) ?? .null
        object["meta"] = .object(JSONObject(meta.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value.json) }))
        let (answers, missing) = answerObjects()
        object["answers"] = .object(answers)
        object["missing"] = .object(missing)
        object["computed"] = .object(computedObject())
        object["path"] = .array(pathKeys().map(JSONValue.string))
        let asked = Set(steps.map(\.key.question))
        object["durations_ms"] = .object(JSONObject(durations.filter { asked.contains($0.key) }.sorted { $0.key < $1.key }
            .map { (key: $0.key, value: .number(Double($0.value))) }))
        let shown = Set(steps.map { AnswerPath(question: $0.key.question, loop: $0.key.loop).description })
        object["option_order"] = .object(JSONObject(optionOrders.filter { shown.contains($0.key) }.sorted { $0.key < $1.key }
            .map { (key: $0.key, value: .array($0.value.map(\.json))) }))
        object["warnings"] = .array(warnings.map(JSONValue.string))
        return .object(object)
    }

    /// The prompts on the path, once each, in order (`channel_sat[app]`; a grid once, by its id).
    public func pathKeys() -> [String] {
        var seen = Set<String>()
        var keys: [String] = []
        for step in steps where !step.key.isOtherText {
            let key = AnswerPath(question: step.key.question, loop: step.key.loop).description
            if seen.insert(key).inserted { keys.append(key) }
        }
        return keys
    }

    /// `answers` and `missing` objects: plain values, loop answers keyed by option, grids by row.
    func answerObjects() -> (JSONObject, JSONObject) {
        var answers = JSONObject()
        var missing = JSONObject()
        for step in steps {
            let key = step.key
            let name = key.isOtherText ? key.question + "_other" : key.question
            var path = key.loop.map(\.description)
            if let row = key.row { path.append(row) }
            switch step.outcome {
            case .answer(let value): Interview.insert(value.json, at: [name] + path, into: &answers)
            case .missing(let reason): Interview.insert(.string(reason.rawValue), at: [name] + path, into: &missing)
            case .seen: break
            }
        }
        return (answers, missing)
    }

    func computedObject() -> JSONObject {
        var object = JSONObject()
        for id in computeIDs {
            for (key, value) in computed.sorted(by: { $0.key < $1.key }) where key == id || key.hasPrefix(id + "[") {
                let loop = key.dropFirst(id.count).split(separator: "]").map { String($0.dropFirst()) }
                Interview.insert(value.json, at: [id] + loop, into: &object)
            }
        }
        return object
    }

    static func insert(_ value: JSONValue, at path: [String], into object: inout JSONObject) {
        guard let head = path.first else { return }
        if path.count == 1 {
            object[head] = value
            return
        }
        var inner = object[head]?.objectValue ?? JSONObject()
        insert(value, at: Array(path.dropFirst()), into: &inner)
        object[head] = .object(inner)
    }
}

extension Value {
    /// The value as JSON: lists as arrays, keyed values as objects with sorted keys.
    public var json: JSONValue {
        switch self {
        case .null: .null
        case .bool(let b): .bool(b)
        case .number(let n): .number(n)
        case .text(let s): .string(s)
        case .list(let items): .array(items.map(\.json))
        case .keyed(let map): .object(JSONObject(map.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value.json) }))
        }
    }

    /// A JSON value as an expression value.
    public init(json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let n): self = .number(n)
        case .string(let s): self = .text(s)
        case .array(let items): self = .list(items.map(Value.init(json:)))
        case .object(let o):
            var map: [String: Value] = [:]
            for (k, v) in o where map[k] == nil { map[k] = Value(json: v) }
            self = .keyed(map)
        }
    }
}

extension OptionValue {
    var json: JSONValue {
        switch self {
        case .integer(let i): .number(Double(i))
        case .text(let s): .string(s)
        }
    }
}
