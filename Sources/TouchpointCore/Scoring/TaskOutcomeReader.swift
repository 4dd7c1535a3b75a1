/// Reads task outcomes (succeeded or not) from the answers of a `completion` score's item: a yes_no or
/// single question, one outcome per loop round when the item is in a loop.
final class TaskOutcomeReader: Sendable {
    let item: ItemReader
    let success: Set<TaskScoreKeys.SuccessValue>

    /// The values counted as success when a score does not say: `true`.
    static let defaultSuccess: [TaskScoreKeys.SuccessValue] = [.bool(true)]

    init(_ definition: ScoreDefinition, schema: ResponseSchema) throws(ScoringPlanError) {
        guard let item = definition.item else { throw ScoringPlanError("the score has no `item`") }
        guard let question = schema.questions[ScoreItemName(item.name)?.base ?? item.name]?.question, question.type == .yesNo || question.type == .single else {
            throw ScoringPlanError("`\(item.name)` is not a yes_no or single question")
        }
        let success = definition.task.success.isEmpty ? Self.defaultSuccess : definition.task.success
        if question.type == .single, success.contains(where: { if case .bool = $0 { true } else { false } }) {
            throw ScoringPlanError("`\(item.name)` is a single question: list the option values that count as success in `success`")
        }
        self.item = try ItemReader(item, schema: schema)
        self.success = Set(success)
    }

    /// The loop levels the outcomes are keyed by.
    var depth: Int { item.loops.count }

    /// Calls `body` with each answered attempt of `record`: its loop path (options joined by
    /// `ItemReader.separator`, "" outside loops) and whether it succeeded.
    func forEachOutcome(in record: CheckedResponse, _ body: (String, Bool) -> Void) {
        guard let root = item.root(in: record) else { return }
        walk(root, key: "", level: 0, body)
    }

    private func walk(_ node: JSONValue, key: String, level: Int, _ body: (String, Bool) -> Void) {
        if level < depth {
            guard case .object(let keyed) = node else { return }
            for member in keyed.members where level >= item.rounds.count || member.key == item.rounds[level] {
                walk(member.value, key: level == 0 ? member.key : key + String(ItemReader.separator) + member.key, level: level + 1, body)
            }
            return
        }
        if let outcome = isSuccess(node) { body(key, outcome) }
    }

    /// Whether an answer is one of the success values; `nil` for something that is not an answer.
    func isSuccess(_ answer: JSONValue) -> Bool? {
        switch answer {
        case .bool(let b): return success.contains(.bool(b))
        case .string(let s): return success.contains(.option(.text(s)))
        case .number(let x):
            guard x == x.rounded(), abs(x) < 1e15 else { return false }
            return success.contains(.option(.integer(Int(x))))
        default: return nil
        }
    }
}
