/// Names one prompt of an interview: a question, in a loop iteration, a grid row, or an `other` text.
///
/// Its `description` is the form used in a response's `path` and in checkpoints: `recommend`,
/// `channel_sat[app]`, `service.speed` (a grid row), `used_other` (the text of an `other` choice).
public struct AnswerPath: Hashable, Sendable, CustomStringConvertible {
    public var question: String
    /// The chosen options of the loops around the question, outermost first.
    public var loop: [OptionValue]
    /// The grid row, for a grid question.
    public var row: String?
    /// Whether this prompt asks for the text of the `other` option.
    public var isOtherText: Bool

    public init(question: String, loop: [OptionValue] = [], row: String? = nil, isOtherText: Bool = false) {
        self.question = question
        self.loop = loop
        self.row = row
        self.isOtherText = isOtherText
    }

    public var description: String {
        var s = isOtherText ? question + "_other" : question
        for value in loop { s += "[\(value)]" }
        if let row { s += ".\(row)" }
        return s
    }
}

/// Why a question has no answer (SPEC section 5, `missing`).
public enum MissingReason: String, Sendable, Hashable, CaseIterable {
    case skipped
    case dontKnow = "dont_know"
    case refused
}

/// What was recorded for one prompt: an answer or the reason there is none.
public enum StepOutcome: Sendable, Hashable {
    case answer(Value)
    case missing(MissingReason)
    /// A note was shown and acknowledged.
    case seen

    public var value: Value {
        if case .answer(let v) = self { return v }
        return .null
    }
}
