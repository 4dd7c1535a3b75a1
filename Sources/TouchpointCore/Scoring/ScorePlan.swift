/// One score definition resolved against the questionnaire: what to read from each record and how.
final class ScorePlan: Sendable {
    /// Which cases are in the box of a `top_box` / `bottom_box` score.
    struct Box: Sendable {
        /// Top box: values at or above `threshold`; bottom box: at or below it.
        var threshold: Double
        var isTop: Bool

        func contains(_ x: Double) -> Bool { isTop ? x >= threshold : x <= threshold }
    }

    enum Kind: Sendable {
        case nps(ItemReader)
        case box(ItemReader, Box)
        /// The rule, and the questions and computes it names: a record is in the base when one of them was
        /// asked (every record when it names only meta keys).
        case percent(Expr, questions: [NamedSlot], computes: [NamedSlot])
        case scale(CaseLayout, isSum: Bool, minAnswered: Int, alpha: Bool)
        /// One layout per item, each pairing the item (first) with the target (second).
        case drivers(target: ItemReader, items: [CaseLayout])
        /// `sus`, `umux_lite`, `completion`, `time_on_task`.
        case usability(UsabilityPlan)
        case unavailable(String)
    }

    /// A question or compute a rule names, with its slot in `CheckedResponse.values` (-1: none).
    struct NamedSlot: Sendable {
        var id: String
        var slot: Int
    }

    /// The slots a questionnaire's scores and the options read: every scored item, rule name, quota name, `--by`
    /// and `--weight`, so that the checker hands them over by index.
    static func slots(for questionnaire: Questionnaire, options: ScoreOptions, schema: ResponseSchema) -> ResponseSchema.Slots {
        var slots = ResponseSchema.Slots()
        // Questions read only through `ItemReader`s, and those read some other way too (a rule, a quota, a
        // grouping, a weight), which need their values as JSON.
        var itemQuestions = Set<String>()
        var otherQuestions = Set<String>()
        func name(_ written: String, byItem: Bool = false) {
            let text = ScoreItemName(written)?.base ?? written
            let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard let head = parts.first else { return }
            if head == "meta", parts.count == 2 {
                if schema.meta[parts[1]] != nil { slots.meta(parts[1]) }
            } else if schema.questions[head] != nil {
                slots.answer(head)
                if byItem { itemQuestions.insert(head) } else { otherQuestions.insert(head) }
            } else if schema.computes[head] != nil {
                slots.computed(head)
            }
        }
        for definition in questionnaire.scores {
            // Only these methods read their items through `ItemReader`'s numbers (`forEachValue`, `CaseLayout`);
            // the usability methods read answers as JSON (a task's outcome may be an option's text).
            let readsNumbers: Bool = switch definition.method {
            case .nps, .topBox, .bottomBox, .mean, .sum, .drivers: true
            case .percent, .sus, .umuxLite, .completion, .timeOnTask: false
            }
            for item in [definition.item, definition.target].compactMap({ $0 }) + definition.items {
                name(item.name, byItem: readsNumbers)
            }
            for used in definition.rule?.expr?.names ?? [] { name(used.description) }
        }
        // A quota's fill is counted from the same values (`QuotaTally.filled`), so its names are read too.
        for quota in questionnaire.quotas {
            for used in quota.when.expr?.names ?? [] { name(used.description) }
        }
        options.groupBy.forEach { name($0) }
        options.weight.map { name($0) }
        slots.numbered = itemQuestions.subtracting(otherQuestions)
        return slots
    }

    /// `kind` with its objects unretained, as the loop over records reads it: a copy of `kind` retains every
    /// object it holds, atomically, on every record, which cost more than the scoring itself. `kind` keeps
    /// the objects alive as long as the plan.
    enum Unretained {
        case nps(Unmanaged<ItemReader>)
        case box(Unmanaged<ItemReader>, Box)
        /// The rule is one question or compute (`percentName`), true or not (`rule: solved`).
        case simplePercent(slot: Int, isQuestion: Bool)
        case scale(Unmanaged<CaseLayout>, isSum: Bool, minAnswered: Int, alpha: Bool)
        case drivers(target: Unmanaged<ItemReader>)
        /// Read from `kind`.
        case other
    }

    let definition: ScoreDefinition
    let kind: Kind
    /// The index of this score's accumulator in its family's array of a `GroupState`.
    let slot: Int
    let unretained: Unretained
    /// A drivers score's layouts, unretained (see `Unretained`).
    let driverLayouts: [Unmanaged<CaseLayout>]
    /// The question or compute of a `simplePercent` rule.
    let percentName: String
    /// `definition.dontKnowInBase`, kept apart so that the loop over records does not copy the definition.
    let dontKnowInBase: Bool

    init(definition: ScoreDefinition, kind: Kind, slot: Int) {
        self.definition = definition
        self.kind = kind
        self.slot = slot
        dontKnowInBase = definition.dontKnowInBase
        var name = ""
        var layouts: [Unmanaged<CaseLayout>] = []
        switch kind {
        case .nps(let item): unretained = .nps(.passUnretained(item))
        case .box(let item, let box): unretained = .box(.passUnretained(item), box)
        case .percent(.name(let ruleName, _), let questions, let computes)
            where ruleName.parts.count == 1 && questions.count + computes.count == 1:
            let named = questions.first ?? computes[0]
            unretained = .simplePercent(slot: named.slot, isQuestion: !questions.isEmpty)
            name = named.id
        case .scale(let layout, let isSum, let minAnswered, let alpha):
            unretained = .scale(.passUnretained(layout), isSum: isSum, minAnswered: minAnswered, alpha: alpha)
        case .drivers(let target, let items):
            unretained = .drivers(target: .passUnretained(target))
            layouts = items.map { Unmanaged.passUnretained($0) }
        default: unretained = .other
        }
        percentName = name
        driverLayouts = layouts
    }

    /// The plan of `definition`; a definition that records cannot support becomes `.unavailable`.
    static func kind(of definition: ScoreDefinition, schema: ResponseSchema) -> Kind {
        do {
            return try resolve(definition, schema: schema)
        } catch {
            return .unavailable(error.message)
        }
    }

    private static func resolve(_ definition: ScoreDefinition, schema: ResponseSchema) throws(ScoringPlanError) -> Kind {
        switch definition.method {
        case .nps:
            guard let item = definition.item else { throw ScoringPlanError("the score has no `item`") }
            return .nps(try ItemReader(item, schema: schema))
        case .topBox, .bottomBox:
            guard let item = definition.item else { throw ScoringPlanError("the score has no `item`") }
            let reader = try ItemReader(item, schema: schema)
            return .box(reader, try box(definition, item: item, schema: schema))
        case .percent:
            guard let expr = definition.rule?.expr else { throw ScoringPlanError("the score has no valid `rule`") }
            var questions: [NamedSlot] = []
            var computes: [NamedSlot] = []
            for name in expr.names {
                guard let head = name.parts.first, head != "meta" else { continue }
                if let entry = schema.questions[head], !questions.contains(where: { $0.id == head }) {
                    questions.append(NamedSlot(id: head, slot: entry.slot))
                }
                if schema.computes[head] != nil, !computes.contains(where: { $0.id == head }) {
                    computes.append(NamedSlot(id: head, slot: schema.computeSlots[head] ?? -1))
                }
            }
            return .percent(expr, questions: questions, computes: computes)
        case .mean, .sum:
            guard !definition.items.isEmpty else { throw ScoringPlanError("the score has no `items`") }
            var readers: [ItemReader] = []
            for item in definition.items { readers.append(try ItemReader(item, schema: schema)) }
            let layout = try CaseLayout(readers)
            let minAnswered = min(max(definition.minAnswered ?? readers.count, 1), readers.count)
            return .scale(layout, isSum: definition.method == .sum, minAnswered: minAnswered, alpha: readers.count >= 2)
        case .drivers:
            guard let targetItem = definition.target else { throw ScoringPlanError("the score has no `target`") }
            let target = try ItemReader(targetItem, schema: schema)
            var layouts: [CaseLayout] = []
            for item in definition.items { layouts.append(try CaseLayout([try ItemReader(item, schema: schema), target])) }
            return .drivers(target: target, items: layouts)
        case .sus, .umuxLite, .completion, .timeOnTask:
            return .usability(try UsabilityPlan(definition, schema: schema))
        }
    }

    /// The box of a `top_box` / `bottom_box` item: the top (or bottom) `box` points of its scale, or of
    /// its whole-number options in numeric order.
    private static func box(_ definition: ScoreDefinition, item: ScoreItem, schema: ResponseSchema) throws(ScoringPlanError) -> Box {
        let isTop = definition.method == .topBox
        let size = max(definition.box, 1)
        let head = ScoreItemName(item.name)?.id ?? item.name
        guard let question = schema.questions[head]?.question else {
            throw ScoringPlanError("`\(item.name)` is not a question with scale points or whole-number options")
        }
        var points: [Double]
        if let range = question.scalePoints {
            points = range.map(Double.init)
        } else {
            points = question.options.compactMap { option in
                if case .integer(let value) = option.value { return Double(value) }
                return nil
            }
            guard points.count == question.options.count, !points.isEmpty else {
                throw ScoringPlanError("`\(item.name)` has no scale points or whole-number options to put in a box")
            }
        }
        points.sort()
        if item.reverse { points = points.map { (points[0] + points[points.count - 1]) - $0 }.sorted() }
        let index = min(size, points.count)
        return Box(threshold: isTop ? points[points.count - index] : points[index - 1], isTop: isTop)
    }
}
