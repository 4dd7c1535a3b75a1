/// The meta values asked before the first question (`ask: true` and not given with `--set`), one prompt each.
///
/// Their prompts take the commands of any prompt: `?` and `:help` show the field's help and the commands
/// allowed, `:quit` stops (before the first answer nothing is saved), `<` goes back to the meta prompt before,
/// with what was typed there as the default, and Enter leaves an optional field unset. Meta values have no
/// missing reasons, so `:dk` and `:rf` are refused. `InterviewRun` returns here from the first question on `<`.
public struct MetaQuestions: Sendable {
    public let checked: CheckedQuestionnaire
    public let language: String
    /// The meta values so far: those given, then those typed.
    public private(set) var values: [String: Value]
    /// The fields asked, in the order of the file.
    public let fields: [MetaField]
    /// The field being asked; `fields.count` once all have been.
    public private(set) var index = 0
    /// What was typed for each field, offered again after `<`.
    private var typed: [String: String] = [:]

    /// The fields of `checked` to ask in `language`, those not in `given`.
    public init(_ checked: CheckedQuestionnaire, language: String, given: [String: Value]) {
        self.checked = checked
        self.language = language
        values = given
        fields = checked.questionnaire.meta.filter { $0.ask && given[$0.key] == nil }
    }

    /// Whether every field has been asked.
    public var isFinished: Bool { index >= fields.count }

    /// The prompt of the field being asked, if one is.
    public var prompt: Prompt? {
        guard index < fields.count else { return nil }
        let field = fields[index]
        let q = field.question
        let fallback = checked.defaultLanguage
        return Prompt(key: AnswerPath(question: "meta." + field.key), question: q,
                      text: q.text.text(language, fallback: fallback), subtext: nil,
                      help: q.help.map { $0.text(language, fallback: fallback) }, options: q.allOptions,
                      defaultText: typed[field.key], progress: 0, answeredCount: 0, sectionTitle: nil,
                      canSkip: !q.required, canDontKnow: false, canRefuse: false, pendingWarning: nil,
                      canGoBack: index > 0, metaKey: field.key, language: language)
    }

    /// Handles one typed line at the current meta prompt.
    public mutating func submit(_ line: String) -> Feedback {
        guard let prompt, let key = prompt.metaKey else { return .invalid("the meta values have all been asked") }
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        switch PromptCommand.parse(trimmed) {
        case .back?:
            guard index > 0 else { return .invalid(EngineText.text(.atStart, language)) }
            index -= 1
            values[fields[index].key] = nil
            return .back
        case .quit?: return .quit
        case .help?: return .help(prompt.helpText)
        case .skip?:
            guard prompt.canSkip else { return .invalid(EngineText.text(.cannotSkip, language)) }
            return leave(key)
        case .dontKnow?: return .invalid(EngineText.text(.noDontKnow, language))
        case .refused?: return .invalid(EngineText.text(.noRefuse, language))
        case nil: break
        }
        if trimmed.isEmpty {
            switch prompt.enterAction {
            case .keepEarlier: return submit(prompt.defaultText ?? "")
            case .skip: return leave(key)
            default: return .invalid(EngineText.text(.answerRequired, language))
            }
        }
        if trimmed.hasPrefix(":") && prompt.question.type != .text {
            return .invalid(prompt.unknownCommand(trimmed))
        }
        let rule = checked.metaRule(key) ?? AnswerRule(prompt.question)
        switch AnswerParser.parse(line, rule: rule, shown: prompt.options, language: language) {
        case .failure(let problem):
            return .invalid(problem.message)
        case .success(let value):
            values[key] = value
            typed[key] = trimmed
            index += 1
            return .accepted
        }
    }

    /// Goes back from the first question to the last meta prompt, its earlier value as the default.
    public mutating func reopenLast() {
        guard !fields.isEmpty else { return }
        index = fields.count - 1
        values[fields[index].key] = nil
    }

    /// Leaves an optional field unset.
    private mutating func leave(_ key: String) -> Feedback {
        values[key] = nil
        typed[key] = nil
        index += 1
        return .accepted
    }
}
