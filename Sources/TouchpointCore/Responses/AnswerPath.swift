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
        guard !loop.isEmpty || row != nil || isOtherText else { return question }
        var s = question
        if isOtherText { s += "_other" }
        for value in loop {
            s += "["
            s += value.description
            s += "]"
        }
        if let row {
            s += "."
            s += row
        }
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

extension AnswerPath {
    /// Reads back a `description` (`channel_sat[app]`, `service.speed`, `used_other`) against the checked
    /// questionnaire, which says which ids exist and which option each loop key stands for; nil when the text
    /// names no prompt of it.
    public init?(parsing text: String, in checked: CheckedQuestionnaire) {
        var head = Substring(text)
        var row: String?
        if let dot = head.lastIndex(of: "."), !head[dot...].contains("]") {
            row = String(head[head.index(after: dot)...])
            head = head[..<dot]
        }
        var keys: [String] = []
        while head.last == "]", let open = head.lastIndex(of: "[") {
            keys.insert(String(head[head.index(after: open)..<head.index(before: head.endIndex)]), at: 0)
            head = head[..<open]
        }
        var id = String(head)
        var isOther = false
        if checked.table.question(id) == nil, id.hasSuffix("_other"), checked.table.question(String(id.dropLast(6)))?.other == true {
            id = String(id.dropLast(6))
            isOther = true
        }
        guard let symbol = checked.table.symbols[id], keys.count == symbol.loops.count else { return nil }
        var loop: [OptionValue] = []
        for (section, key) in zip(symbol.loops, keys) {
            guard let name = checked.loopQuestion[section],
                  let option = checked.rule(name)?.options.first(where: { $0.value.description == key }) else { return nil }
            loop.append(option.value)
        }
        self.init(question: id, loop: loop, row: row, isOtherText: isOther)
    }
}
