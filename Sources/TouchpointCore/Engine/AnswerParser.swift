import Foundation

/// Reads answers typed at a prompt (SPEC section 2 table) and checks them with the question's one `AnswerRule`,
/// the rule headless answers, simulated answers and stored records are held to as well.
public enum AnswerParser {
    /// The value typed for one prompt, or a message saying what is accepted.
    public static func parse(_ line: String, rule: AnswerRule, isOtherText: Bool = false,
                             shown options: [ChoiceOption], language: String) -> Result<Value, AnswerProblem> {
        let q = rule.question
        let typed = line.trimmingCharacters(in: .whitespaces)
        if isOtherText {
            return typed.isEmpty ? .failure(AnswerProblem(EngineText.text(.answerRequired, language))) : .success(.text(typed))
        }
        // Full-width digits and punctuation from an input method count as ASCII, except in free text.
        let input = q.type == .text ? typed : InputFolding.folded(typed).trimmingCharacters(in: .whitespaces)
        if input.isEmpty && q.type != .note {
            var message = EngineText.text(.answerRequired, language)
            if !q.required { message += " " + EngineText.text(.skipHint, language) }
            return .failure(AnswerProblem(message))
        }
        let parsed: Result<Value, AnswerProblem>
        switch q.type {
        case .note:
            return .success(.null)
        case .single:
            parsed = choose(input, options, language).map { Value.of($0.value) }
        case .grid where q.gridUsesOptions:
            parsed = choose(input, options, language).map { Value.of($0.value) }
        case .multi:
            parsed = chooseMany(input, options, language).map { .list($0.map { Value.of($0.value) }) }
        case .scale, .nps, .grid:
            guard let n = Int(input) else {
                parsed = labelPoint(input, q, language).map { .number(Double($0)) }
                break
            }
            parsed = .success(.number(Double(n)))
        case .number:
            guard let d = Double(input.replacingOccurrences(of: "_", with: "")), d.isFinite, input.first != "." || input.count > 1 else {
                return .failure(AnswerProblem(EngineText.text(q.integer ? .wholeNumber : .number, language)))
            }
            parsed = .success(.number(d))
        case .text:
            parsed = .success(.text(input))
        case .yesNo:
            guard let b = yesNo(input, q, language) else { return .failure(AnswerProblem(EngineText.text(.yesOrNo, language))) }
            parsed = .success(.bool(b))
        case .date:
            parsed = .success(.text(input))
        }
        return parsed.flatMap { value in
            if let problem = rule.problem(with: value, language: language) { return .failure(problem) }
            return .success(rule.normalized(value))
        }
    }

    /// An option picked by value, number in the shown order, label, or unambiguous label prefix.
    static func choose(_ token: String, _ options: [ChoiceOption], _ language: String) -> Result<ChoiceOption, AnswerProblem> {
        let t = token.trimmingCharacters(in: .whitespaces)
        let lower = t.lowercased()
        if let exact = options.first(where: { $0.value.description == t }) { return .success(exact) }
        if let n = Int(t), n >= 1, n <= options.count { return .success(options[n - 1]) }
        if let exact = options.first(where: { InputFolding.folded($0.label.text(language)).lowercased() == lower }) { return .success(exact) }
        let prefixed = options.filter {
            InputFolding.folded($0.label.text(language)).lowercased().hasPrefix(lower) || $0.value.description.lowercased().hasPrefix(lower)
        }
        if prefixed.count == 1, !lower.isEmpty { return .success(prefixed[0]) }
        if prefixed.count > 1 {
            let names = prefixed.map { "\"\($0.label.text(language))\"" }.joined(separator: " / ")
            return .failure(AnswerProblem(EngineText.text(.ambiguous, language, t, names)))
        }
        return .failure(AnswerProblem(EngineText.text(.notAnOption, language, t, String(options.count))))
    }

    /// Several options, separated by commas, or by spaces where the words around them are not one option:
    /// `3 Finding out about us` is option 3 and the label `Finding out about us` (the longest run of words
    /// that names an option is taken first).
    static func chooseMany(_ input: String, _ options: [ChoiceOption], _ language: String) -> Result<[ChoiceOption], AnswerProblem> {
        var tokens: [String] = []
        // A run longer than the longest label cannot name an option.
        let longestLabel = options.map { $0.label.text(language).split(whereSeparator: \.isWhitespace).count }.max() ?? 1
        for part in input.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == ";" || $0 == "、" }) {
            let piece = part.trimmingCharacters(in: .whitespaces)
            if piece.isEmpty { continue }
            if case .success = choose(piece, options, language) { tokens.append(piece); continue }
            let words = piece.split(whereSeparator: \.isWhitespace).map(String.init)
            var start = 0
            while start < words.count {
                var end = min(words.count, start + max(1, longestLabel))
                while end > start + 1, case .failure = choose(words[start..<end].joined(separator: " "), options, language) {
                    end -= 1
                }
                tokens.append(words[start..<end].joined(separator: " "))
                start = end
            }
        }
        var chosen: [ChoiceOption] = []
        for token in tokens {
            switch choose(token, options, language) {
            case .success(let o): if !chosen.contains(o) { chosen.append(o) }
            case .failure(let p): return .failure(p)
            }
        }
        // In the order typed; the rule puts them in the questionnaire's option order.
        return .success(chosen)
    }

    static func yesNo(_ input: String, _ q: Question, _ language: String) -> Bool? {
        let s = input.lowercased()
        if EngineText.yesWords.contains(s) { return true }
        if EngineText.noWords.contains(s) { return false }
        if let yes = q.labels["yes"].map({ InputFolding.folded($0.text(language)).lowercased() }), yes == s { return true }
        if let no = q.labels["no"].map({ InputFolding.folded($0.text(language)).lowercased() }), no == s { return false }
        return nil
    }

    /// A scale point typed as its label (`Strongly agree`) or an unambiguous start of one; a start that several
    /// labels share (`Strongly`) is refused naming them, as an ambiguous option is.
    static func labelPoint(_ input: String, _ q: Question, _ language: String) -> Result<Int, AnswerProblem> {
        let s = input.lowercased()
        let labels = q.labels.compactMap { key, text in Int(key).map { ($0, text.text(language)) } }.sorted { $0.0 < $1.0 }
        if let exact = labels.first(where: { InputFolding.folded($0.1).lowercased() == s }) { return .success(exact.0) }
        let hits = s.isEmpty ? [] : labels.filter { InputFolding.folded($0.1).lowercased().hasPrefix(s) }
        if hits.count == 1 { return .success(hits[0].0) }
        if hits.count > 1 {
            let names = hits.map { "\"\($0.1)\" (\($0.0))" }.joined(separator: " / ")
            return .failure(AnswerProblem(EngineText.text(.ambiguousPoint, language, input, names)))
        }
        let range = q.scalePoints ?? 0...10
        return .failure(AnswerProblem(EngineText.text(.wholeNumberBetween, language, String(range.lowerBound), String(range.upperBound))))
    }

}

/// Why an answer was not accepted, in the interview's language.
public struct AnswerProblem: Error, Sendable, Hashable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

extension Value {
    /// The expression value of an option value.
    static func of(_ option: OptionValue) -> Value {
        switch option {
        case .integer(let i): .number(Double(i))
        case .text(let s): .text(s)
        }
    }

    /// The value as a person would type it.
    var display: String {
        switch self {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .number(let n): NumberText.format(n)
        case .text(let s): s
        case .list(let items): items.map(\.display).joined(separator: ", ")
        case .keyed(let map): map.keys.sorted().map { "\($0): \(map[$0]?.display ?? "")" }.joined(separator: ", ")
        }
    }
}
