/// Reads task times from the `durations_ms` of a `time_on_task` score's items, and says which attempts
/// succeeded when the score times successful attempts only.
///
/// A question outside loops has its duration under its id; a question in a loop has one per round, under
/// its prompt name as in `path` (`task_done[find_plan]`). An attempt's time is the sum of its items'
/// durations in one round, in seconds. Items written with a round (`task_done[find_plan]`) time that round only.
final class TaskTimer: Sendable {
    /// The question ids timed.
    let ids: [String]
    /// The loop rounds timed (the same for every item), outermost first; empty: every round.
    let rounds: [String]
    /// The loop levels the items are in (the same for all of them).
    let depth: Int
    /// The outcomes that decide which attempts are timed, or `nil` to time every attempt.
    let outcomes: TaskOutcomeReader?

    init(_ definition: ScoreDefinition, schema: ResponseSchema) throws(ScoringPlanError) {
        guard !definition.items.isEmpty else { throw ScoringPlanError("the score has no `items`") }
        var ids: [String] = []
        var signature: [String]?
        var selected: [String]?
        for item in definition.items {
            guard let name = ScoreItemName(item.name), let entry = schema.questions[name.id], name.base == name.id else {
                throw ScoringPlanError("`\(item.name)` is not a question of the questionnaire, so it has no duration")
            }
            let loops = entry.loops.map(\.section)
            if let signature, signature != loops {
                throw ScoringPlanError("`\(item.name)` is asked in a different loop from the other items, so their durations cannot be added round by round")
            }
            if let selected, selected != name.rounds {
                throw ScoringPlanError("`\(item.name)` times other loop rounds than the other items; give every item the same rounds")
            }
            guard name.rounds.count <= loops.count else {
                throw ScoringPlanError("`\(item.name)` names \(name.rounds.count) loop rounds, but `\(name.id)` is in \(loops.count) loop\(loops.count == 1 ? "" : "s")")
            }
            signature = loops
            selected = name.rounds
            ids.append(name.id)
        }
        self.ids = ids
        rounds = selected ?? []
        depth = signature?.count ?? 0
        switch Self.completionScore(of: definition, in: schema.questionnaire) {
        case .none:
            outcomes = nil
        case .some(.failure(let problem)):
            throw problem
        case .some(.success(let completion)):
            let reader = try TaskOutcomeReader(completion, schema: schema)
            guard reader.depth == 0 || Array((signature ?? []).prefix(reader.depth)) == reader.item.loops else {
                throw ScoringPlanError("the `completion` score `\(completion.id)` is asked in a different loop from the timed items, so success cannot be matched to each attempt")
            }
            outcomes = reader
        }
    }

    /// The `completion` score whose successes are timed: the one `successful` names, or the questionnaire's
    /// only one when `successful` is not written; `nil` with `successful: false`.
    static func completionScore(of definition: ScoreDefinition, in questionnaire: Questionnaire) -> Result<ScoreDefinition, ScoringPlanError>? {
        let completions = questionnaire.scores.filter { $0.method == .completion }
        switch definition.task.successful {
        case .all?:
            return nil
        case .successfulBy(let id)?:
            guard let score = completions.first(where: { $0.id == id }) else {
                return .failure(ScoringPlanError("`successful` names `\(id)`, which is not a `completion` score of the questionnaire"))
            }
            return .success(score)
        case nil:
            guard completions.count == 1, let only = completions.first else {
                return .failure(ScoringPlanError(completions.isEmpty
                    ? "it times successful attempts, but the questionnaire has no `completion` score; add one, or write `successful: false`"
                    : "it times successful attempts, but the questionnaire has several `completion` scores; name one in `successful`"))
            }
            return .success(only)
        }
    }

    /// Calls `body` with the time in seconds of each timed attempt of `record`, in the record's order.
    func forEachTime(in record: CheckedResponse, _ body: (Double) -> Void) {
        let durations = record.durations
        guard !durations.isEmpty else { return }
        var success: [String: Bool]?
        if let outcomes {
            var map: [String: Bool] = [:]
            outcomes.forEachOutcome(in: record) { key, outcome in map[key] = outcome }
            success = map
        }
        func timed(_ path: [Substring]) {
            let suffix = path.map { "[\($0)]" }.joined()
            var milliseconds = 0.0
            for id in ids {
                guard case .number(let ms)? = durations[id + suffix], ms >= 0, ms.isFinite else { return }
                milliseconds += ms
            }
            guard milliseconds > 0 else { return }
            if let success, let outcomes {
                let key = path.prefix(outcomes.depth).joined(separator: String(ItemReader.separator))
                guard success[key] == true else { return }
            }
            body(milliseconds / 1000)
        }
        guard depth > 0, let first = ids.first else {
            timed([])
            return
        }
        // The rounds are the loop paths the first item has a duration for.
        for member in durations.members where member.key.hasPrefix(first + "[") && member.key.hasSuffix("]") {
            let inner = member.key.dropFirst(first.count + 1).dropLast()
            let path = inner.split(separator: "][", omittingEmptySubsequences: false)
            if path.count == depth, zip(rounds, path).allSatisfy({ $0 == $1 }) { timed(path) }
        }
    }
}
