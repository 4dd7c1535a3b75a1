import Foundation

/// Facts about an interview that the engine does not decide: who, by whom, when, how (SPEC section 5).
public struct InterviewContext: Sendable, Hashable {
    public var responseID: String
    public var questionnaireSHA256: String
    public var respondent: String?
    public var interviewer: String?
    public var mode: InterviewMode
    public var startedAt: String
    public var completedAt: String?

    public init(responseID: String, questionnaireSHA256: String, respondent: String? = nil, interviewer: String? = nil,
                mode: InterviewMode, startedAt: String, completedAt: String? = nil) {
        self.responseID = responseID
        self.questionnaireSHA256 = questionnaireSHA256
        self.respondent = respondent
        self.interviewer = interviewer
        self.mode = mode
        self.startedAt = startedAt
        self.completedAt = completedAt
    }
}

/// One finished interview as it is stored: one JSON line under `responses/` (SPEC section 5).
///
/// Typed throughout: answers and missing reasons are the recorded steps, each at its `AnswerPath` (question,
/// loop options, grid row, `other` text), in interview order; the JSON objects keyed by question id, option
/// value and row id exist only in the written line (`encoded()`), so no command parses `channel_sat[app]`
/// back into its parts.
public struct ResponseRecord: Sendable, Hashable {
    /// One recorded prompt: where it was and what was recorded there.
    public struct Entry: Sendable, Hashable {
        public var path: AnswerPath
        public var outcome: StepOutcome
    }

    /// One compute's value, at its loop options.
    public struct ComputedValue: Sendable, Hashable {
        public var path: AnswerPath
        public var value: Value
    }

    public var questionnaire: String
    public var version: String?
    public var context: InterviewContext
    public var status: EndStatus
    public var language: String?
    /// Meta values by key.
    public var meta: [String: Value]
    /// Answers, missing reasons and notes seen, in interview order.
    public var entries: [Entry]
    /// Computes on the path, in interview order.
    public var computed: [ComputedValue]
    /// The prompts on the path once each (a grid once, an `other` text not at all), in order.
    public var path: [AnswerPath]
    /// Milliseconds per prompt name as in `path`, for the prompts asked: a question in a loop has one per round
    /// (`task_done[find_plan]`), a grid one for all its rows.
    public var durations: [String: Int]
    /// Shown option orders of shuffled questions, by prompt (loop options included, no row).
    public var optionOrder: [AnswerPath: [OptionValue]]
    /// Soft checks the respondent confirmed, as `prompt: message`.
    public var warnings: [String]
}

extension Interview {
    /// Up to this many prompts, the path is searched in place for a prompt already on it; from then on, in a set.
    private static let promptsSearchedInPlace = 32

    /// The response record of a finished interview.
    public func record(_ context: InterviewContext) -> ResponseRecord {
        let status: EndStatus
        if case .finished(let s, _) = state { status = s } else { status = .complete }
        var path: [AnswerPath] = []
        path.reserveCapacity(steps.count)
        // Prompts already on the path once it is long (empty while it is short).
        var onPath = Set<AnswerPath>()
        // The prompt names asked, only to keep the durations of prompts still on the path (none in headless runs).
        let filtersDurations = !durations.isEmpty && durationsMayBeStale
        var asked = Set<String>(minimumCapacity: filtersDurations ? steps.count : 0)
        var previous: AnswerPath?
        for step in steps {
            let prompt = AnswerPath(question: step.key.question, loop: step.key.loop)
            // A grid's rows and an `other` text follow their prompt: the same prompt as the step before.
            if prompt == previous { continue }
            previous = prompt
            if filtersDurations { asked.insert(prompt.description) }
            guard !step.key.isOtherText else { continue }
            if path.count < Self.promptsSearchedInPlace {
                if !path.contains(prompt) {
                    path.append(prompt)
                    if path.count == Self.promptsSearchedInPlace { onPath = Set(path) }
                }
            } else if onPath.insert(prompt).inserted {
                path.append(prompt)
            }
        }
        return ResponseRecord(
            questionnaire: questionnaire.id, version: questionnaire.version, context: context, status: status,
            language: language.isEmpty ? nil : language, meta: meta,
            entries: steps.map { ResponseRecord.Entry(path: $0.key, outcome: $0.outcome) },
            computed: computedValues(), path: path,
            durations: filtersDurations ? durations.filter { asked.contains($0.key) } : durations,
            optionOrder: optionOrders.isEmpty ? [:] : optionOrders.filter { onPath.isEmpty ? path.contains($0.key) : onPath.contains($0.key) },
            warnings: warnings)
    }

    /// The computes on the path, as the record lists them: in compute order, loop iterations of one compute
    /// in option-text order.
    func computedValues() -> [ResponseRecord.ComputedValue] {
        var computedValues: [ResponseRecord.ComputedValue] = []
        computedValues.reserveCapacity(computed.count)
        for id in computeIDs {
            for (key, value) in computed where key.question == id {
                computedValues.append(ResponseRecord.ComputedValue(path: key, value: value))
            }
        }
        // Loop iterations of one compute in option-text order, as records have always listed them.
        // Already in compute order; only a compute with several loop values needs its values sorted.
        if zip(computedValues, computedValues.dropFirst()).contains(where: { $0.path.question == $1.path.question }) {
            computedValues.sort { a, b in
                a.path.question == b.path.question ? a.path.description < b.path.description
                    : (computeIDs.firstIndex(of: a.path.question) ?? 0) < (computeIDs.firstIndex(of: b.path.question) ?? 0)
            }
        }
        return computedValues
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
