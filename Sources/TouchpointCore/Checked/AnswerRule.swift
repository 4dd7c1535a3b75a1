/// The one rule a question's answers obey (type, options, range, lengths, pattern, exclusive options), built
/// once per question by the checked questionnaire and used by every command: `run` (typed and headless),
/// `simulate` (which generates only what the rule accepts), `verify` and `score`.
///
/// It checks expression values (`problem(with: Value)`) and stored JSON (`problem(with: JSONValue)`): the JSON
/// check has a fast path that only ever says yes when the value check would, and asks the value check for
/// anything it is not sure of (a date, a pattern, a value of the wrong kind), so both accept exactly the same
/// answers. `checks:` are not part of it: the interview applies them with the other answers in scope.
public final class AnswerRule: Sendable {
    public let question: Question
    private let kind: Kind
    private let textOptions: StringLookup<Void>
    private let numberOptions: Set<Double>
    private let exclusiveText: StringLookup<Void>
    private let exclusiveNumbers: Set<Double>
    private let range: ClosedRange<Double>?
    private let minCount: Double?
    private let maxCount: Double?
    /// The options an answer may name, in the questionnaire's order (`other` last): a multi answer is stored
    /// in this order, whatever order it was typed or given in.
    public let options: [ChoiceOption]

    private enum Kind: Sendable {
        case choice, multi, point, number, yesNo, text, note, other
    }

    public init(_ question: Question) {
        self.question = question
        let options = question.type == .grid ? question.options : question.allOptions
        self.options = options
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

    // MARK: Values

    /// Why `value` breaks the question's own rules, in `language`; nil when it obeys them.
    public func problem(with value: Value, language: String) -> AnswerProblem? {
        let q = question
        switch (q.type, value) {
        case (let type, _) where type == .single || (type == .grid && q.gridUsesOptions):
            guard options.contains(where: { Value.of($0.value) == value }) else {
                return AnswerProblem(EngineText.text(.notAnOption, language, value.display, String(options.count)))
            }
            return nil
        case (.multi, .list(let items)):
            // Few selections: a look back for repeats costs less than building a set.
            var seen = Set<Value>()
            let small = items.count <= 16
            for (index, item) in items.enumerated() {
                guard options.contains(where: { Value.of($0.value) == item }) else {
                    return AnswerProblem(EngineText.text(.notAnOption, language, item.display, String(options.count)))
                }
                let repeated = small ? items[..<index].contains(item) : !seen.insert(item).inserted
                if repeated { return AnswerProblem(EngineText.text(.noDuplicate, language, item.display)) }
            }
            if items.count > 1, let ex = options.first(where: { $0.exclusive && items.contains(Value.of($0.value)) }) {
                return AnswerProblem(EngineText.text(.exclusiveAlone, language, ex.label.text(language)))
            }
            if items.isEmpty { return AnswerProblem(EngineText.text(.answerRequired, language)) }
            if let lo = q.min, Double(items.count) < lo { return AnswerProblem(EngineText.text(.atLeastChoices, language, NumberText.format(lo))) }
            if let hi = q.max, Double(items.count) > hi { return AnswerProblem(EngineText.text(.atMostChoices, language, NumberText.format(hi))) }
            return nil
        case (.scale, .number(let n)), (.nps, .number(let n)), (.grid, .number(let n)):
            let range = q.scalePoints ?? 0...10
            guard n == n.rounded(), n >= Double(range.lowerBound), n <= Double(range.upperBound) else {
                return AnswerProblem(EngineText.text(.wholeNumberBetween, language, String(range.lowerBound), String(range.upperBound)))
            }
            return nil
        case (.number, .number(let n)):
            if q.integer && n != n.rounded() { return AnswerProblem(EngineText.text(.wholeNumber, language)) }
            if (q.min.map { n < $0 } ?? false) || (q.max.map { n > $0 } ?? false) {
                let lo = q.min.map(NumberText.format) ?? "−∞", hi = q.max.map(NumberText.format) ?? "∞"
                return AnswerProblem(EngineText.text(q.integer ? .wholeNumberBetween : .numberBetween, language, lo, hi))
            }
            return nil
        case (.text, .text(let s)):
            let count = s.count
            // A text starting with a visible ASCII character is not blank; only others need the full test.
            let visibleFirst = s.utf8.first.map { $0 > 0x20 && $0 < 0x7F } ?? false
            if !visibleFirst, s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                return AnswerProblem(EngineText.text(.answerRequired, language))
            }
            if let lo = q.minLength, count < lo { return AnswerProblem(EngineText.text(.tooShort, language, String(lo))) }
            if let hi = q.maxLength, count > hi { return AnswerProblem(EngineText.text(.tooLong, language, String(hi), String(count))) }
            if let pattern = q.pattern, !pattern.matches(s) { return AnswerProblem(EngineText.text(.patternMismatch, language)) }
            return nil
        case (.yesNo, .bool):
            return nil
        case (.date, .text(let s)):
            if let problem = DateProblem.of(s) { return AnswerProblem(problem.message(language)) }
            if (q.minDate.map { s < $0 } ?? false) || (q.maxDate.map { s > $0 } ?? false) {
                return AnswerProblem(EngineText.text(.dateBetween, language, q.minDate ?? "…", q.maxDate ?? "…"))
            }
            return nil
        case (.note, _):
            return nil
        default:
            return AnswerProblem("expected \(expected), not \(value.display)")
        }
    }

    /// The answer as it is stored: a multi answer in option order (`other` included), other answers as given.
    public func normalized(_ value: Value) -> Value {
        guard kind == .multi, case .list(let items) = value, items.count > 1 else { return value }
        var chosen = items
        chosen.sort { rank($0) < rank($1) }
        return .list(chosen)
    }

    private func rank(_ item: Value) -> Int {
        options.firstIndex { Value.of($0.value) == item } ?? options.count
    }

    /// What a JSON answer must look like, for rejection messages.
    public var expected: String {
        switch question.type {
        case .single: "one of the option values \(options.map { "`\($0.value)`" }.joined(separator: ", "))"
        case .multi: "a list of option values"
        case .scale, .nps: "a whole number"
        case .number: "a number"
        case .text: "a text"
        case .yesNo: "true or false"
        case .date: "a date \"YYYY-MM-DD\""
        case .grid: "an object from row id to answer"
        case .note: "nothing"
        }
    }

    // MARK: JSON

    /// What is wrong with `value` as an answer (or grid cell) of the question, or `nil` when it is valid.
    public func problem(with value: JSONValue) -> AnswerProblem? {
        if accepts(value) { return nil }
        return problem(with: Value(json: value), language: "en")
    }

    /// Whether `value` is certainly valid; `false` means "ask `problem(with: Value)`", not "invalid".
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

    /// Whether `text` has a character other than white space, as a text answer needs:
    /// answered from its first bytes when they are plain ASCII, from Unicode's White_Space property otherwise.
    static func hasVisibleCharacter(_ text: String) -> Bool {
        for byte in text.utf8 {
            if byte > 0x20, byte < 0x7F { return true }
            if byte >= 0x80 { break }
        }
        return text.unicodeScalars.contains { !$0.properties.isWhitespace }
    }
}
