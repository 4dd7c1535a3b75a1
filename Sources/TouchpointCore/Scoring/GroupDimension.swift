/// One way of grouping responses: a `--by` name (a meta key or a single / yes_no question), or the period.
struct GroupDimension: Sendable {
    enum Source: Sendable {
        case meta(String, slot: Int)
        case question(String, slot: Int)
        case period(ScorePeriod)
        /// The record's `language` (`--by language`).
        case language
    }

    /// The name as given (`meta.segment`, `solved`), or `period`.
    let name: String
    let source: Source
    /// Known values in their natural order (option order; yes before no), for ordering groups.
    let knownOrder: [JSONValue]

    /// The dimension `--by name` asks for, or why it cannot be used.
    init(name: String, schema: ResponseSchema, reservingPeriod: Bool) throws(ScoreSetupError) {
        self.name = name
        let option = "--by \(name)"
        if reservingPeriod, name == ScoreOptions.periodKey {
            throw ScoreSetupError(option: option, message: "`period` is the name of the --period grouping; drop one of them")
        }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 2, parts[0] == "meta" {
            guard let field = schema.meta[parts[1]] else {
                throw ScoreSetupError(option: option, message: Self.unknownMeta(parts[1], schema: schema))
            }
            source = .meta(parts[1], slot: field.slot)
            knownOrder = Self.order(of: field.question)
            return
        }
        if name == "language", schema.questions[name] == nil {
            source = .language
            knownOrder = schema.questionnaire.languages.map(JSONValue.string)
            return
        }
        guard parts.count == 1, let entry = schema.questions[name] else {
            var message = "`\(name)` is neither a question nor a meta key of `\(schema.questionnaire.id)`"
            if schema.meta[name] != nil {
                message += "; meta keys are written `meta.\(name)`"
            } else if let close = TextSimilarity.closest(to: name, in: schema.questions.keys.sorted() + schema.meta.keys.sorted().map { "meta.\($0)" }) {
                message += "; did you mean `\(close)`?"
            }
            throw ScoreSetupError(option: option, message: message)
        }
        guard entry.question.type == .single || entry.question.type == .yesNo else {
            throw ScoreSetupError(option: option, message: "`\(name)` is a \(entry.question.type.rawValue) question; group by a meta key (meta.x) or a single or yes_no question")
        }
        guard entry.loops.isEmpty else {
            throw ScoreSetupError(option: option, message: "`\(name)` is asked inside a loop, so a response can have several values; group by a question outside loops")
        }
        source = .question(name, slot: entry.slot)
        knownOrder = Self.order(of: entry.question)
    }

    /// The period dimension.
    init(period: ScorePeriod) {
        name = ScoreOptions.periodKey
        source = .period(period)
        knownOrder = []
    }

    /// The record's value for this dimension.
    func value(of record: CheckedResponse) -> GroupValue {
        let found: JSONValue?
        switch source {
        case .meta(let key, let slot):
            if let slotted = record.slotted(slot) { found = slotted } else { found = record.meta[key] }
        case .question(let id, let slot):
            if let slotted = record.slotted(slot) { found = slotted } else { found = record.answers[id] }
        case .period(let period):
            guard let time = record.completedAt, let key = period.key(of: time) else { return .missing }
            return .value(.string(key))
        case .language:
            found = record.language.map(JSONValue.string)
        }
        return Self.value(found)
    }

    /// The group of a value the record holds for the name (nil or null: missing).
    static func value(_ found: JSONValue?) -> GroupValue {
        guard let found, !found.isNull else { return .missing }
        return .value(found)
    }

    /// Whether groups with `a` come before groups with `b`: known values in their order, then others
    /// (false before true, numbers by value, then text by its characters), `(missing)` last.
    func orders(_ a: GroupValue, before b: GroupValue) -> Bool {
        rank(a) < rank(b)
    }

    private func rank(_ value: GroupValue) -> GroupRank {
        guard case .value(let json) = value else { return GroupRank(tier: 3, index: 0, number: 0, text: "") }
        if let index = knownOrder.firstIndex(of: json) { return GroupRank(tier: 0, index: index, number: 0, text: "") }
        switch json {
        case .bool(let flag): return GroupRank(tier: 1, index: flag ? 1 : 0, number: 0, text: "")
        case .number(let number): return GroupRank(tier: 1, index: 2, number: number, text: "")
        case .string(let text): return GroupRank(tier: 2, index: 0, number: 0, text: text)
        default: return GroupRank(tier: 2, index: 1, number: 0, text: JSONWriter().string(json))
        }
    }

    private static func order(of question: Question) -> [JSONValue] {
        switch question.type {
        case .yesNo: return [.bool(true), .bool(false)]
        case .single: return question.allOptions.map(\.value.json)
        default: return []
        }
    }

    static func unknownMeta(_ key: String, schema: ResponseSchema) -> String {
        let declared = schema.meta.keys.sorted()
        guard !declared.isEmpty else { return "`\(schema.questionnaire.id)` declares no meta keys" }
        var message = "`meta.\(key)` is not declared under `meta:` in `\(schema.questionnaire.id)`"
        if let close = TextSimilarity.closest(to: key, in: declared) {
            message += "; did you mean `meta.\(close)`?"
        } else {
            message += " (declared: \(declared.map { "meta.\($0)" }.joined(separator: ", ")))"
        }
        return message
    }
}

/// The sort key of a group value.
private struct GroupRank: Comparable {
    var tier: Int
    var index: Int
    var number: Double
    var text: String

    static func < (lhs: GroupRank, rhs: GroupRank) -> Bool {
        (lhs.tier, lhs.index, lhs.number, lhs.text) < (rhs.tier, rhs.index, rhs.number, rhs.text)
    }
}
