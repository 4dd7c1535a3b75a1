/// A question's own rules prepared for checking stored JSON answers quickly, a million times over.
///
/// `accepts` is a fast path that only ever says yes when `AnswerParser.validate` would accept the same
/// value: option sets are hashed once, ranges read once, and the JSON value is looked at directly instead of
/// being converted. Anything it is not sure of (a date, a pattern, a value of the wrong kind) goes to
/// `problem(with:)`, which asks `AnswerParser.validate` itself, so both paths accept exactly the same answers.
final class AnswerRule: Sendable {
    let question: Question
    private let kind: Kind
    private let textOptions: Set<String>
    private let numberOptions: Set<Double>
    private let exclusiveText: Set<String>
    private let exclusiveNumbers: Set<Double>
    private let range: ClosedRange<Double>?
    private let minCount: Double?
    private let maxCount: Double?

    private enum Kind: Sendable {
        case choice, multi, point, number, yesNo, text, note, other
    }

    init(_ question: Question) {
        self.question = question
        let options = question.type == .grid ? question.options : question.allOptions
        var textOptions = Set<String>()
        var numberOptions = Set<Double>()
        var exclusiveText = Set<String>()
        var exclusiveNumbers = Set<Double>()
        for option in options {
            switch option.value {
            case .text(let text):
                textOptions.insert(text)
                if option.exclusive { exclusiveText.insert(text) }
            case .integer(let value):
                numberOptions.insert(Double(value))
                if option.exclusive { exclusiveNumbers.insert(Double(value)) }
            }
        }
        self.textOptions = textOptions
        self.numberOptions = numberOptions
        self.exclusiveText = exclusiveText
        self.exclusiveNumbers = exclusiveNumbers
        minCount = question.min
        maxCount = question.max
        switch question.type {
        case .single:
            kind = .choice
            range = nil
        case .grid where question.gridUsesOptions:
            kind = .choice
            range = nil
        case .multi:
            kind = .multi
            range = nil
        case .scale, .nps, .grid:
            kind = .point
            let points = question.scalePoints ?? 0...10
            range = Double(points.lowerBound)...Double(points.upperBound)
        case .number:
            kind = .number
            range = nil
        case .yesNo:
            kind = .yesNo
            range = nil
        case .text:
            kind = question.pattern == nil ? .text : .other
            range = nil
        case .note:
            kind = .note
            range = nil
        case .date:
            kind = .other
            range = nil
        }
    }

    /// What is wrong with `value` as an answer (or grid cell) of the question, or `nil` when it is valid.
    func problem(with value: JSONValue) -> AnswerProblem? {
        if accepts(value) { return nil }
        return AnswerParser.validate(Value(json: value), question: question, language: "en")
    }

    /// Whether `value` is certainly valid; `false` means "ask `AnswerParser`", not "invalid".
    private func accepts(_ value: JSONValue) -> Bool {
        switch (kind, value) {
        case (.choice, .string(let text)): return textOptions.contains(text)
        case (.choice, .number(let number)): return numberOptions.contains(number)
        case (.multi, .array(let items)):
            guard !items.isEmpty, items.count <= 64 else { return false }
            var seenText = Set<String>()
            var seenNumbers = Set<Double>()
            var exclusive = false
            for item in items {
                switch item {
                case .string(let text):
                    guard textOptions.contains(text), seenText.insert(text).inserted else { return false }
                    if exclusiveText.contains(text) { exclusive = true }
                case .number(let number):
                    guard numberOptions.contains(number), seenNumbers.insert(number).inserted else { return false }
                    if exclusiveNumbers.contains(number) { exclusive = true }
                default:
                    return false
                }
            }
            if exclusive, items.count > 1 { return false }
            let count = Double(items.count)
            if let minCount, count < minCount { return false }
            if let maxCount, count > maxCount { return false }
            return true
        case (.point, .number(let number)):
            guard let range else { return false }
            return number == number.rounded() && range.contains(number)
        case (.number, .number(let number)):
            if question.integer, number != number.rounded() { return false }
            if let min = question.min, number < min { return false }
            if let max = question.max, number > max { return false }
            return true
        case (.yesNo, .bool):
            return true
        case (.text, .string(let text)):
            guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else { return false }
            if let maxLength = question.maxLength, text.utf8.count > maxLength, text.count > maxLength { return false }
            if let minLength = question.minLength, text.count < minLength { return false }
            return true
        case (.note, _):
            return true
        default:
            return false
        }
    }
}
