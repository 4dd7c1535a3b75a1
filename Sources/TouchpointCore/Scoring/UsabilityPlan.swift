import Foundation

/// How a usability-test score (`sus`, `umux_lite`, `completion`, `time_on_task`) reads records and what it
/// makes of its totals (SPEC section 6).
///
/// The usability scores reuse the running totals of the other methods: `sus`, `umux_lite` and
/// `time_on_task` (on the logarithms of the times) keep moments, as `mean` does, and `completion` a count of
/// successes, as `percent` does. So they merge across parts of a file, group by `--by` and weight by
/// `--weight` like every other score. Their results are `mean` and `share` outcomes; what only they have
/// (the SUS grade, the adjusted UMUX-Lite) follows from the value.
///
/// Decisions where SPEC section 6 is silent:
/// - `sus`, `umux_lite`: a respondent (or loop round) missing any item is not scored; items must be 1-5
///   (SUS) or 1-7 (UMUX-Lite) scales, else the score is unavailable. SUS also reports Cronbach's alpha of
///   the ten recoded (0-4) items.
/// - `completion`: an attempt counts when the item has an answer; skipped, don't know and refused ones are
///   not attempts. A loop item gives one attempt per round.
/// - `time_on_task`: an attempt's time is the sum of the `durations_ms` of its items in that round (in
///   seconds); an attempt with an item that has no duration, or a total of zero (headless runs and
///   simulations record 0 ms), has no time and is left out, since a geometric mean needs positive times.
///   With `successful`, only attempts whose completion item in the same round (or outside the loop) holds a
///   success value are timed; attempts whose success is unknown are left out.
final class UsabilityPlan: Sendable {
    enum Kind: Sendable {
        case sus(CaseLayout)
        case umuxLite(CaseLayout)
        case completion(TaskOutcomeReader)
        case timeOnTask(TaskTimer)
    }

    let method: ScoreMethod
    let kind: Kind

    /// Whether the totals are a count of successes (`completion`) rather than moments.
    var isShare: Bool {
        if case .completion = kind { return true }
        return false
    }

    /// The items of the Cronbach's alpha kept beside the moments (SUS: ten; others none).
    var alphaItems: Int {
        if case .sus = kind { return SystemUsabilityScale.itemCount }
        return 0
    }

    /// Resolves `definition` against the records' schema, or says why it cannot be scored.
    init(_ definition: ScoreDefinition, schema: ResponseSchema) throws(ScoringPlanError) {
        method = definition.method
        switch definition.method {
        case .sus:
            kind = .sus(try Self.scaleLayout(definition, schema: schema, count: SystemUsabilityScale.itemCount, points: 1...5))
        case .umuxLite:
            kind = .umuxLite(try Self.scaleLayout(definition, schema: schema, count: 2, points: 1...7))
        case .completion:
            kind = .completion(try TaskOutcomeReader(definition, schema: schema))
        case .timeOnTask:
            kind = .timeOnTask(try TaskTimer(definition, schema: schema))
        default:
            throw ScoringPlanError("`\(definition.method.rawValue)` is not a usability-test method")
        }
    }

    /// The layout of a questionnaire's fixed-length scale: exactly `count` items, each a `points` scale.
    private static func scaleLayout(_ definition: ScoreDefinition, schema: ResponseSchema, count: Int,
                                    points: ClosedRange<Int>) throws(ScoringPlanError) -> CaseLayout {
        guard definition.items.count == count else {
            throw ScoringPlanError("the score needs exactly \(count) items, but names \(definition.items.count)")
        }
        var readers: [ItemReader] = []
        for item in definition.items {
            guard !item.reverse else {
                throw ScoringPlanError("`\(item.name)` is marked reversed; \(definition.method.rawValue) reverses its items itself")
            }
            guard let question = schema.questions[ScoreItemName(item.name)?.base ?? item.name]?.question, question.type == .scale, question.scalePoints == points else {
                throw ScoringPlanError("`\(item.name)` is not a \(points.lowerBound)-\(points.upperBound) scale question")
            }
            readers.append(try ItemReader(item, schema: schema))
        }
        return try CaseLayout(readers)
    }

    /// Adds what `record` brings to the totals at `slot`, through `apply`, which updates every group concerned.
    func contribute(_ record: CheckedResponse, weight: Double, slot: Int, apply: ((inout GroupState) -> Void) -> Void) {
        switch kind {
        case .sus(let layout):
            layout.forEachCase(in: record) { row in
                let answers = row.compactMap { $0 }
                guard answers.count == row.count, let parts = SystemUsabilityScale.contributions(answers) else { return }
                let score = 2.5 * parts.reduce(0, +)
                apply { state in
                    state.moments[slot].add(score, weight: weight)
                    parts.map(Optional.some).withUnsafeBufferPointer { state.alphas[slot].add($0) }
                }
            }
        case .umuxLite(let layout):
            layout.forEachCase(in: record) { row in
                guard row.count == 2, let a = row[0], let b = row[1], let score = UMUXLite.score(a, b) else { return }
                apply { $0.moments[slot].add(score, weight: weight) }
            }
        case .completion(let reader):
            reader.forEachOutcome(in: record) { _, success in
                apply { $0.shares[slot].add(success, weight: weight) }
            }
        case .timeOnTask(let timer):
            timer.forEachTime(in: record) { seconds in
                let logSeconds = log(seconds)
                apply { $0.moments[slot].add(logSeconds, weight: weight) }
            }
        }
    }

    /// The result of the totals at `slot` of `state`.
    func outcome(_ state: GroupState, slot: Int, weighted: Bool) -> ScoreResult.Outcome {
        switch kind {
        case .sus:
            let totals = state.moments[slot]
            return .mean(n: totals.n, totals.estimate(weighted: weighted), alpha: state.alphas[slot].estimate)
        case .umuxLite:
            let totals = state.moments[slot]
            return .mean(n: totals.n, totals.estimate(weighted: weighted), alpha: nil)
        case .completion:
            let totals = state.shares[slot]
            return .share(n: totals.n, count: totals.hits, totals.adjustedWaldEstimate(weighted: weighted))
        case .timeOnTask:
            let totals = state.moments[slot]
            let estimate = totals.estimate(weighted: weighted).map { MeanEstimate(estimate: GeometricMean.exponentiated($0.estimate), sd: nil) }
            return .mean(n: totals.n, estimate, alpha: nil)
        }
    }
}
