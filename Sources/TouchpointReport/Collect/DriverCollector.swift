import TouchpointCore

/// Gathers what the key-drivers quadrant needs beyond the `drivers` score's correlations: each driver's mean
/// (its performance) and the experience index, the mean of the drivers each put on 0-100, paired with the
/// loyalty target (the experience-loyalty correlation).
struct DriverCollector: Sendable {
    /// Where a driver's or target's values are in a record, and the scale they are on.
    struct Source: Sendable {
        var name: String
        var id: String
        var row: String?
        var isComputed: Bool
        /// The scale's ends from the questionnaire, or nil when only the data can tell.
        var range: ClosedRange<Double>?
        var text: LocalizedText?

        func values(in record: CheckedResponse) -> [Double] {
            guard let root = isComputed ? record.computed[id] : record.answers[id] else { return [] }
            guard let row else { return RecordValues.numbers(root) }
            if let cell = root[row] { return RecordValues.numbers(cell) }
            guard case .object(let keyed) = root else { return [] }
            return keyed.members.compactMap { $0.value[row].flatMap(RecordValues.number) }
        }
    }

    /// One `drivers` score and its running totals.
    struct Plan: Sendable {
        var score: String
        var target: Source
        var items: [Source]
        var moments: [Moments]
        var observed: [(low: Double, high: Double)?]
        var index: [Double] = []
        var loyalty: [Double] = []
    }

    private(set) var plans: [Plan]

    init(questionnaire: Questionnaire) {
        var questions: [String: Question] = [:]
        var computes: [String: Compute] = [:]
        Self.walk(questionnaire.items, questions: &questions, computes: &computes)
        plans = questionnaire.scores.compactMap { definition in
            guard definition.method == .drivers, let target = definition.target else { return nil }
            let resolve = { (item: ScoreItem) in Self.source(item.name, questions: questions, computes: computes) }
            let items = definition.items.map(resolve)
            return Plan(score: definition.id, target: resolve(target), items: items,
                        moments: Array(repeating: Moments(), count: items.count),
                        observed: Array(repeating: nil, count: items.count))
        }
    }

    private static func walk(_ items: [Item], questions: inout [String: Question], computes: inout [String: Compute]) {
        for item in items {
            switch item {
            case .question(let question): questions[question.id] = question
            case .section(let section): walk(section.items, questions: &questions, computes: &computes)
            case .compute(let compute): computes[compute.id] = compute
            case .end: break
            }
        }
    }

    private static func source(_ name: String, questions: [String: Question], computes: [String: Compute]) -> Source {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        let id = parts.first ?? name
        let row = parts.count == 2 ? parts[1] : nil
        if let question = questions[id] {
            let text = row.flatMap { row in question.rows.first { $0.id == row }?.text } ?? question.text
            return Source(name: name, id: id, row: row, isComputed: false, range: Self.range(of: question), text: text)
        }
        let computedRange = computes[id]?.value.expr.flatMap { Self.range(of: $0, questions: questions) }
        return Source(name: name, id: id, row: nil, isComputed: true, range: computedRange, text: nil)
    }

    /// The ends of a question's answers: 0-1 for yes/no, the scale's points, a number's min and max.
    static func range(of question: Question) -> ClosedRange<Double>? {
        if question.type == .yesNo { return 0...1 }
        if let points = question.scalePoints, points.lowerBound < points.upperBound {
            return Double(points.lowerBound)...Double(points.upperBound)
        }
        if question.type == .number, let low = question.min, let high = question.max, low < high { return low...high }
        return nil
    }

    /// The ends of a compute: those of the one question it averages, or 0-1 for a condition.
    static func range(of expr: Expr, questions: [String: Question]) -> ClosedRange<Double>? {
        switch expr {
        case .name(let name, _):
            return name.parts.count == 1 ? questions[name.parts[0]].flatMap(range(of:)) : nil
        case .call(let function, let arguments, _):
            let averages: Set<String> = ["mean", "min", "max", "median"]
            return averages.contains(function) && arguments.count == 1 ? range(of: arguments[0], questions: questions) : nil
        case .binary(let op, _, _, _):
            let conditions: [BinaryOperator] = [.and, .or, .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .in]
            return conditions.contains(op) ? 0...1 : nil
        case .unary(.not, _, _):
            return 0...1
        default:
            return nil
        }
    }

    mutating func add(_ record: CheckedResponse) {
        for p in plans.indices {
            var rescaled: [Double] = []
            var complete = true
            for (i, item) in plans[p].items.enumerated() {
                let values = item.values(in: record)
                for value in values {
                    plans[p].moments[i].add(value)
                    let seen = plans[p].observed[i]
                    plans[p].observed[i] = (min(seen?.low ?? value, value), max(seen?.high ?? value, value))
                }
                guard let range = item.range else { continue }
                guard !values.isEmpty else {
                    complete = false
                    continue
                }
                let mean = values.reduce(0, +) / Double(values.count)
                rescaled.append(100 * (mean - range.lowerBound) / (range.upperBound - range.lowerBound))
            }
            let target = plans[p].target.values(in: record)
            if complete, !rescaled.isEmpty, target.count == 1 {
                plans[p].index.append(rescaled.reduce(0, +) / Double(rescaled.count))
                plans[p].loyalty.append(target[0])
            }
        }
    }

    /// The quadrants, with the correlations of the `drivers` scores in `report`.
    func maps(report: ScoreReport, language: String) -> [DriverMap] {
        plans.map { plan in
            let result = report.overall.scores.first { $0.id == plan.score }
            var correlations: [ScoreResult.Driver] = []
            if case .drivers(_, let drivers)? = result?.outcome { correlations = drivers }
            var drivers = plan.items.enumerated().map { i, item in
                let moments = plan.moments[i]
                let observed = plan.observed[i]
                let low = item.range?.lowerBound ?? observed?.low ?? 0
                let high = item.range?.upperBound ?? observed?.high ?? 0
                let mean: Double? = moments.n > 0 ? moments.mean : nil
                let performance = mean.flatMap { high > low ? 100 * ($0 - low) / (high - low) : nil }
                return DriverMap.Driver(item: item.name, text: item.text?.text(language) ?? item.name,
                                        importance: correlations.first { $0.item == item.name }?.estimate,
                                        performance: performance, mean: mean, low: low, high: high,
                                        observedRange: item.range == nil, n: moments.n)
            }
            let order = correlations.map(\.item)
            drivers.sort { (order.firstIndex(of: $0.item) ?? .max) < (order.firstIndex(of: $1.item) ?? .max) }
            return DriverMap(score: plan.score, target: plan.target.name,
                             targetText: plan.target.text?.text(language) ?? plan.target.name, drivers: drivers,
                             experienceLoyalty: Correlation.pearson(x: plan.index, y: plan.loyalty))
        }
    }
}
