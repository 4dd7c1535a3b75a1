/// A question's own rules prepared for checking stored JSON answers quickly, a million times over.
///
/// `accepts` is a fast path that only ever says yes when `AnswerParser.validate` would accept the same
/// value: option sets are hashed once, ranges read once, and the JSON value is looked at directly instead of
/// being converted. Anything it is not sure of (a date, a pattern, a value of the wrong kind) goes to
/// `problem(with:)`, which asks `AnswerParser.validate` itself, so both paths accept exactly the same answers.
final class AnswerRule: Sendable {
    let question: Question
    private let kind: Kind
    private let textOptions: StringLookup<Void>
    private let numberOptions: Set<Double>
    private let exclusiveText: StringLookup<Void>
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
        self.textOptions = StringLookup(textOptions.sorted())
        self.numberOptions = numberOptions
        self.exclusiveText = StringLookup(exclusiveText.sorted())
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
            // Few selections: a pairwise look for repeats costs less than building a set.
            guard !items.isEmpty, items.count <= 16 else { return false }
            var exclusive = false
            for (index, item) in items.enumerated() {
                switch item {
                case .string(let text):
                    guard textOptions.contains(text) else { return false }
                    if exclusiveText.contains(text) { exclusive = true }
                case .number(let number):
                    guard numberOptions.contains(number) else { return false }
                    if exclusiveNumbers.contains(number) { exclusive = true }
                default:
                    return false
                }
                for earlier in items[..<index] where earlier == item { return false }
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
            guard Self.hasVisibleCharacter(text) else { return false }
            if let maxLength = question.maxLength, text.utf8.count > maxLength, text.count > maxLength { return false }
            if let minLength = question.minLength, text.count < minLength { return false }
            return true
        case (.note, _):
            return true
        default:
            return false
        }
    }

    /// Why `value` breaks the question's rules, said about stored data rather than as a prompt would
    /// (`not a whole number from 1 to 7`); `problem` is what `AnswerParser` said, used when nothing more
    /// specific fits.
    func explanation(of value: JSONValue, problem: AnswerProblem) -> String {
        let q = question
        let options = (q.type == .grid ? q.options : q.allOptions).map(\.value.description)
        let optionList = options.count <= 12 ? options.joined(separator: ", ") : options.prefix(12).joined(separator: ", ") + ", …"
        func isOption(_ item: JSONValue) -> Bool {
            switch item {
            case .string(let text): textOptions.contains(text)
            case .number(let number): numberOptions.contains(number)
            default: false
            }
        }
        switch (kind, value) {
        case (.choice, _):
            return "which is not one of its options (\(optionList))"
        case (.multi, .array(let items)):
            if items.isEmpty { return "an empty list; leave the question out of `answers` when nothing was chosen" }
            if let stranger = items.first(where: { !isOption($0) }) {
                return "and \(RecordChecker.show(stranger)) is not one of its options (\(optionList))"
            }
            for (index, item) in items.enumerated() where items[..<index].contains(item) {
                return "which lists \(RecordChecker.show(item)) twice"
            }
            if items.count > 1, let alone = items.first(where: { item in
                if case .string(let text) = item { return exclusiveText.contains(text) }
                if case .number(let number) = item { return exclusiveNumbers.contains(number) }
                return false
            }) {
                return "which combines \(RecordChecker.show(alone)), an option that must be chosen alone, with others"
            }
            if let minCount, Double(items.count) < minCount { return "\(items.count) choices, fewer than the \(NumberText.format(minCount)) it needs" }
            if let maxCount, Double(items.count) > maxCount { return "\(items.count) choices, more than the \(NumberText.format(maxCount)) it allows" }
        case (.multi, _):
            return "which is not a list of its options (\(optionList))"
        case (.point, _):
            if let range { return "which is not a whole number from \(NumberText.format(range.lowerBound)) to \(NumberText.format(range.upperBound))" }
        case (.number, _):
            let what = q.integer ? "a whole number" : "a number"
            switch (q.min, q.max) {
            case let (low?, high?): return "which is not \(what) from \(NumberText.format(low)) to \(NumberText.format(high))"
            case let (low?, nil): return "which is not \(what) of at least \(NumberText.format(low))"
            case let (nil, high?): return "which is not \(what) of at most \(NumberText.format(high))"
            case (nil, nil): return "which is not \(what)"
            }
        case (.yesNo, _):
            return "which is not true or false"
        default:
            break
        }
        if q.type == .date { return "which is not a date \"YYYY-MM-DD\" the question allows (\(problem.message))" }
        if q.type == .text, case .string = value { return "which the question does not accept (\(problem.message))" }
        if q.type == .text { return "which is not a text" }
        return "which the question does not accept (\(problem.message))"
    }

    /// Whether `text` has a character other than white space, as `AnswerParser` requires of a text answer:
    /// answered from its first bytes when they are plain ASCII, from Unicode's White_Space property otherwise.
    static func hasVisibleCharacter(_ text: String) -> Bool {
        for byte in text.utf8 {
            if byte > 0x20, byte < 0x7F { return true }
            if byte >= 0x80 { break }
        }
        return text.unicodeScalars.contains { !$0.properties.isWhitespace }
    }
}
