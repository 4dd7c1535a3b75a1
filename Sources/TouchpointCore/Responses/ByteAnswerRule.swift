/// An `AnswerRule` compiled for `RecordScanner`: the checks of the rule's fast path, done on the answer's
/// bytes, for the kinds of answer that fill most records (whole numbers in a range, yes/no, option values,
/// lists of options, plain text).
///
/// Like `AnswerRule.accepts`, it only ever says yes when `AnswerRule.problem(with:)` would find nothing;
/// whatever it is not sure of (another kind, a non-ASCII text, an exclusive option with others) it hands to
/// the rule itself, on the value parsed by `JSONParser`, so both paths accept exactly the same answers.
final class ByteAnswerRule: Sendable {
    enum Kind: Sendable {
        /// A whole number from `low` to `high` (scale, nps, grid cells).
        case point(low: Double, high: Double)
        case yesNo
        /// One option value (single; grid cells with options).
        case choice
        /// A list of distinct option values.
        case multi
        /// A number with the question's bounds.
        case number(integer: Bool, min: Double?, max: Double?)
        /// A text without a pattern.
        case text(minLength: Int?, maxLength: Int?)
        /// Anything else: the rule decides on the parsed value.
        case parsed
    }

    let rule: AnswerRule
    let kind: Kind
    /// Text option values by their bytes; position = index in `rule.options`.
    let textOptions: ByteTable
    /// Whether the option at each position is exclusive.
    let exclusive: [Bool]
    /// Whole-number option values, with their positions in `rule.options`.
    let numberOptions: [(value: Double, position: Int)]
    let minCount: Double?
    let maxCount: Double?

    init(_ rule: AnswerRule) {
        self.rule = rule
        let question = rule.question
        let options = rule.options
        textOptions = ByteTable(options.map { option in
            if case .text(let text) = option.value { return text }
            // A whole-number option never matches text: no string is the empty key of a NUL byte run.
            return "\u{0}#\(option.value.description)"
        })
        exclusive = options.map(\.exclusive)
        numberOptions = options.enumerated().compactMap { position, option in
            if case .integer(let value) = option.value { return (Double(value), position) }
            return nil
        }
        minCount = question.min
        maxCount = question.max
        // Options whose texts are not plain ASCII could be equal as strings under different bytes; such
        // lists go to the rule, which compares them as strings.
        let plainOptions = options.allSatisfy { option in
            if case .text(let text) = option.value { return text.utf8.allSatisfy { $0 < 0x80 } }
            return true
        }
        switch question.type {
        case .single:
            kind = .choice
        case .grid where question.gridUsesOptions:
            kind = .choice
        case .multi:
            kind = plainOptions ? .multi : .parsed
        case .scale, .nps, .grid:
            let points = question.scalePoints ?? 0...10
            kind = .point(low: Double(points.lowerBound), high: Double(points.upperBound))
        case .number:
            kind = .number(integer: question.integer, min: question.min, max: question.max)
        case .yesNo:
            kind = .yesNo
        case .text:
            kind = question.pattern == nil ? .text(minLength: question.minLength, maxLength: question.maxLength) : .parsed
        case .note, .date:
            kind = .parsed
        }
    }

    /// The position in `rule.options` of the whole-number option `value`, if it is one.
    @inline(__always)
    func numberOption(_ value: Double) -> Int? {
        for option in numberOptions where option.value == value { return option.position }
        return nil
    }
}
