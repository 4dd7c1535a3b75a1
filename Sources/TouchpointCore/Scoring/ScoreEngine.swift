import Foundation

/// Computes every score of a questionnaire (SPEC section 6) over streamed response records, overall and
/// per group, in memory that does not grow with the number of responses.
///
/// Each record is read once: its weight and group are found, each score's values are taken from it, and
/// they are added to running totals for all responses and for the record's group (see the accumulators:
/// counts for NPS and shares, Welford moments for means, co-moments for drivers, item and total
/// variances for alpha). The estimates at the end are those of the `Statistics` functions on the same
/// values.
///
/// Decisions where SPEC section 6 is silent:
/// - `percent`: a record is in the base when a question its rule names was asked (it has an answer or a
///   `missing` reason) or a compute it names was computed; rules that name only meta keys count every
///   complete record. A "don't know" stays in the base and counts as not holding the rule, unless the
///   score says `dont_know: excluded`. Screened-out respondents are never scored.
/// - `mean` / `sum`: a case counts when at least `min_answered` of its items are answered (default: all),
///   and its value is the mean (or sum) of those answered; alpha uses the complete cases only, unweighted.
/// - `drivers`: yes/no items count as 1 and 0 (point-biserial r); the score's `n` counts target values.
/// - `--weight`: a record without a usable weight (missing, not a number, negative, infinite) is rejected
///   and reported like any other invalid line, so weighted and unweighted totals never silently differ.
public struct ScoreEngine: Sendable {
    public let questionnaire: Questionnaire
    public let options: ScoreOptions
    let schema: ResponseSchema
    let plans: [ScorePlan]
    /// `plans` again, unretained: the loop over every record's scores visits each plan without a retain and
    /// release (atomic, so they cost more than the rest of a record's scoring). `plans` keeps them alive.
    let unretainedPlans: [Unmanaged<ScorePlan>]
    /// The slot of the one `--by` meta key or question, read straight from `CheckedResponse.values` on each
    /// record (-1: another grouping, or none).
    let groupSlot: Int
    let dimensions: [GroupDimension]
    let weightSource: WeightSource?
    var reader: ResponseReader
    /// The totals of all responses (first), then of each group in the order met.
    var states: [GroupState]
    var groupIndex: [[GroupValue]: Int] = [:]
    var groupKeys: [[GroupValue]] = []
    /// Counts the quotas each complete record fills.
    let quotaCounter: QuotaCounter

    /// An engine for `questionnaire` with `options`; throws when a `--by` or `--weight` name is unusable.
    public init(_ checked: CheckedQuestionnaire, options: ScoreOptions = ScoreOptions()) throws(ScoreSetupError) {
        let questionnaire = checked.questionnaire
        self.questionnaire = questionnaire
        self.options = options
        let unslotted = ResponseSchema(checked)
        let schema = ResponseSchema(checked, slots: ScorePlan.slots(for: questionnaire, options: options, schema: unslotted))
        self.schema = schema
        var plans: [ScorePlan] = []
        var counters = (nps: 0, shares: 0, moments: 0, drivers: 0)
        for definition in questionnaire.scores {
            let kind = ScorePlan.kind(of: definition, schema: schema)
            let slot: Int
            switch kind {
            case .nps: slot = counters.nps; counters.nps += 1
            case .box, .percent: slot = counters.shares; counters.shares += 1
            case .scale: slot = counters.moments; counters.moments += 1
            case .drivers: slot = counters.drivers; counters.drivers += 1
            case .usability(let plan) where plan.isShare: slot = counters.shares; counters.shares += 1
            case .usability: slot = counters.moments; counters.moments += 1
            case .unavailable: slot = 0
            }
            plans.append(ScorePlan(definition: definition, kind: kind, slot: slot))
        }
        self.plans = plans
        unretainedPlans = plans.map { Unmanaged.passUnretained($0) }
        quotaCounter = QuotaCounter(questionnaire.quotas, schema: schema)
        var dimensions: [GroupDimension] = []
        for name in options.groupBy {
            if dimensions.contains(where: { $0.name == name }) {
                throw ScoreSetupError(option: "--by \(name)", message: "is given twice; name each grouping once")
            }
            dimensions.append(try GroupDimension(name: name, schema: schema, reservingPeriod: options.period != nil))
        }
        if let period = options.period { dimensions.append(GroupDimension(period: period)) }
        self.dimensions = dimensions
        switch dimensions.first?.source {
        case .meta(_, let slot)? where dimensions.count == 1, .question(_, let slot)? where dimensions.count == 1:
            groupSlot = slot
        default:
            groupSlot = -1
        }
        if let table = options.weightTable {
            weightSource = WeightSource(table: table)
        } else if let name = options.weight {
            weightSource = try WeightSource(name: name, schema: schema)
        } else {
            weightSource = nil
        }
        reader = ResponseReader(schema: schema, checksTimes: options.period != nil, keepsAllFields: false,
                                extraKeys: options.weightTable?.key == .respondent ? ["respondent"] : [], scansBytes: true)
        states = [GroupState(plans: plans)]
    }

    /// How many cores a large file is scored on (1: one after the other). At most 4, and no more than the
    /// machine has.
    public var parallelism = min(max(ProcessInfo.processInfo.activeProcessorCount, 1), 4)

    /// Files smaller than this many bytes per core are read on one core: splitting them gains nothing.
    var minimumPartBytes = 16 << 20

    /// Whether estimates are weighted.
    public var isWeighted: Bool { weightSource != nil }

    /// The counts of lines read so far.
    public var counts: ResponseReader.Counts { reader.counts }

    /// Reads and scores every line of `source`; each line that is not scored goes to `onRejection` as it is met,
    /// in file order.
    ///
    /// Several sources may be read one after the other: duplicate ids are found across all of them. A large
    /// regular file is scored on several cores at once (see `readInParallel`), with the same results.
    public mutating func read(_ source: ResponseSource, onRejection: (LineRejection) -> Void) throws(JSONLinesError) {
        // The reader is moved out while it runs, so that it stays uniquely referenced (its id set is not
        // copied) and `add` may update the totals from inside its callback.
        var reader = self.reader
        self.reader = reader.emptyCopy()
        defer { self.reader = reader }
        let sourceIndex = reader.begin(source)
        if case .file(let path) = source, parallelism > 1,
           let ranges = FileChunks.ranges(path: path, parts: parallelism, minimumPartBytes: minimumPartBytes) {
            try readInParallel(source, sourceIndex: sourceIndex, ranges: ranges, reader: &reader, onRejection: onRejection)
        } else {
            try reader.read(source, sourceIndex: sourceIndex, range: nil, accept: { record throws(LineProblem) in
                try self.add(record)
            }, reject: onRejection)
        }
    }

    /// Scores one record that already passed the record checks; throws, adding nothing, when it has no
    /// usable weight.
    public mutating func add(_ record: CheckedResponse) throws(LineProblem) {
        let weight = try weightSource?.weight(of: record) ?? 1
        var group: Int?
        if dimensions.count == 1, groupKeys.count <= 16 {
            // One grouping with few values (the usual `--by meta.segment`): a look along the groups met so
            // far costs less than building and hashing a key for every record. `states[i + 1]` holds the
            // totals of `groupKeys[i]`, as both grow together.
            let value: GroupValue
            if groupSlot >= 0, groupSlot < record.values.count {
                // `GroupDimension.value(of:)` for a slotted value, without copying the dimension.
                value = GroupDimension.value(record.values[groupSlot])
            } else {
                value = dimensions[0].value(of: record)
            }
            if let index = groupKeys.firstIndex(where: { $0[0] == value }) {
                group = index + 1
            } else {
                states.append(GroupState(plans: plans))
                groupIndex[[value]] = states.count - 1
                groupKeys.append([value])
                group = states.count - 1
            }
        } else if !dimensions.isEmpty {
            let key = dimensions.map { $0.value(of: record) }
            if let index = groupIndex[key] {
                group = index
            } else {
                states.append(GroupState(plans: plans))
                groupIndex[key] = states.count - 1
                groupKeys.append(key)
                group = states.count - 1
            }
        }
        states[0].responses += 1
        if let group { states[group].responses += 1 }
        states[0].statusTally.add(record.status.rawValue)
        if let group { states[group].statusTally.add(record.status.rawValue) }
        // SPEC section 6: responses that are not complete are read and counted by status, not scored.
        guard record.status == .complete else { return }
        let schema = self.schema
        if !quotaCounter.isEmpty {
            quotaCounter.forEachFilled(by: record, schema: schema) { id in states[0].quotaFill[id, default: 0] += 1 }
        }
        for plan in unretainedPlans {
            plan._withUnsafeGuaranteedRef { plan in
                Self.contribute(plan, record: record, weight: weight, schema: schema) { (body: (inout GroupState) -> Void) in
                    body(&states[0])
                    if let group { body(&states[group]) }
                }
            }
        }
    }

    /// Adds what `record` brings to `plan`'s totals, through `apply`, which updates every group concerned.
    private static func contribute(_ plan: ScorePlan, record: CheckedResponse, weight: Double, schema: ResponseSchema,
                                   apply: ((inout GroupState) -> Void) -> Void) {
        let slot = plan.slot
        // The usual kinds through `plan.unretained`, which copies without reference counting; the others,
        // and percent rules beyond one name, through `plan.kind`.
        switch plan.unretained {
        case .nps(let item):
            item._withUnsafeGuaranteedRef { item in
                item.forEachValue(in: record) { value in
                    let rating = Int(value.rounded())
                    apply { $0.nps[slot].add(rating: rating, weight: weight) }
                }
            }
            return
        case .box(let item, let box):
            item._withUnsafeGuaranteedRef { item in
                item.forEachValue(in: record) { value in
                    let hit = box.contains(value)
                    apply { $0.shares[slot].add(hit, weight: weight) }
                }
            }
            return
        case .simplePercent(let named, let isQuestion):
            // As the general percent below, for a rule that is one yes/no question or Boolean compute: in the
            // base when it was asked (or computed), and it holds when it is true.
            let value: JSONValue?
            let inBase: Bool
            if let slotted = record.slotted(named) {
                value = slotted
                inBase = isQuestion ? record.wasAsked(plan.percentName, slot: named) : slotted != nil
            } else if isQuestion {
                value = record.answers[plan.percentName]
                inBase = record.wasAsked(plan.percentName, slot: named)
            } else {
                value = record.computed[plan.percentName]
                inBase = value != nil
            }
            guard inBase else { return }
            if !plan.dontKnowInBase, isQuestion, record.missing[plan.percentName]?.stringValue == MissingReason.dontKnow.rawValue {
                return
            }
            let hit = value == .bool(true)
            apply { $0.shares[slot].add(hit, weight: weight) }
            return
        case .scale(let layout, let isSum, let minAnswered, let alpha):
            layout._withUnsafeGuaranteedRef { layout in
                layout.forEachCase(in: record) { row in
                    var total = 0.0
                    var answered = 0
                    for value in row {
                        if let value {
                            total += value
                            answered += 1
                        }
                    }
                    guard answered >= minAnswered else { return }
                    let value = isSum ? total : total / Double(answered)
                    let complete = alpha && answered == row.count
                    apply { state in
                        state.moments[slot].add(value, weight: weight)
                        if complete { state.alphas[slot].add(row) }
                    }
                }
            }
            return
        case .drivers(let target):
            var targets = 0
            target._withUnsafeGuaranteedRef { target in target.forEachValue(in: record) { _ in targets += 1 } }
            apply { $0.targets[slot] += targets }
            for (index, layout) in plan.driverLayouts.enumerated() {
                layout._withUnsafeGuaranteedRef { layout in
                    layout.forEachCase(in: record) { pair in
                        guard let x = pair[0], let y = pair[1] else { return }
                        apply { $0.correlations[slot][index].add(x: x, y: y, weight: weight) }
                    }
                }
            }
            return
        case .other:
            break
        }
        switch plan.kind {
        case .percent(let expr, let questions, let computes):
            let inBase = (questions.isEmpty && computes.isEmpty)
                || questions.contains { record.wasAsked($0.id, slot: $0.slot) }
                || computes.contains { compute in
                    if let slotted = record.slotted(compute.slot) { return slotted != nil }
                    return record.computed[compute.id] != nil
                }
            guard inBase else { return }
            if !plan.dontKnowInBase,
               questions.contains(where: { record.missing[$0.id]?.stringValue == MissingReason.dontKnow.rawValue }) {
                return
            }
            let hit = Evaluator.evaluate(expr, in: RecordEnvironment(record: record, schema: schema)).isTruthy
            apply { $0.shares[slot].add(hit, weight: weight) }
        case .usability(let usability):
            usability.contribute(record, weight: weight, slot: slot, apply: apply)
        case .nps, .box, .scale, .drivers, .unavailable:
            return
        }
    }

    /// The scores of everything read so far.
    public func report() -> ScoreReport {
        let counts = reader.counts
        let overall = ScoreReport.Group(by: [], responses: states[0].responses, scores: results(states[0]))
        let order = groupKeys.indices.sorted { lhs, rhs in
            for (dimension, (a, b)) in zip(dimensions, zip(groupKeys[lhs], groupKeys[rhs])) where a != b {
                return dimension.orders(a, before: b)
            }
            return false
        }
        let groups = order.map { index in
            let key = groupKeys[index]
            let state = states[groupIndex[key] ?? 0]
            return ScoreReport.Group(by: zip(dimensions, key).map { (name: $0.name, value: $1) },
                                     responses: state.responses, scores: results(state))
        }
        return ScoreReport(questionnaire: questionnaire.id,
                           responses: .init(read: counts.read, scored: counts.accepted, rejected: counts.rejected),
                           groupNames: dimensions.map(\.name), weight: options.weight, interval: options.interval,
                           overall: overall, groups: groups)
    }

    func results(_ state: GroupState) -> [ScoreResult] {
        let weighted = isWeighted
        return plans.map { plan in
            let slot = plan.slot
            let outcome: ScoreResult.Outcome
            switch plan.kind {
            case .nps:
                let totals = state.nps[slot]
                outcome = .nps(n: totals.n, totals.estimate(weighted: weighted, interval: options.interval))
            case .box, .percent:
                let totals = state.shares[slot]
                outcome = .share(n: totals.n, count: totals.hits, totals.estimate(weighted: weighted))
            case .scale(_, _, _, let alpha):
                let totals = state.moments[slot]
                outcome = .mean(n: totals.n, totals.estimate(weighted: weighted), alpha: alpha ? state.alphas[slot].estimate : nil)
            case .drivers(_, let items):
                let drivers = items.enumerated().map { index, layout in
                    let totals = state.correlations[slot][index]
                    return ScoreResult.Driver(item: layout.readers[0].name, n: totals.n, estimate: totals.estimate(weighted: weighted))
                }
                outcome = .drivers(n: state.targets[slot], Self.sorted(drivers))
            case .usability(let usability):
                outcome = usability.outcome(state, slot: slot, weighted: weighted)
            case .unavailable(let reason):
                outcome = .unavailable(reason)
            }
            return ScoreResult(id: plan.definition.id, method: plan.definition.method, outcome: outcome)
        }
    }

    /// Strongest r first; items whose r is undefined last; ties keep the questionnaire's order.
    private static func sorted(_ drivers: [ScoreResult.Driver]) -> [ScoreResult.Driver] {
        drivers.enumerated().sorted { lhs, rhs in
            switch (lhs.element.estimate?.value, rhs.element.estimate?.value) {
            case let (a?, b?): return a != b ? a > b : lhs.offset < rhs.offset
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return lhs.offset < rhs.offset
            }
        }.map(\.element)
    }
}
