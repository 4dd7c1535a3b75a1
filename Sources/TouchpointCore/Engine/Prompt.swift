/// What the runner shows for the current question: texts already piped and in the interview's language.
public struct Prompt: Sendable {
    public var key: AnswerPath
    public var question: Question
    /// The question text with `{placeholders}` filled in.
    public var text: String
    /// The grid row being asked, or the `other` prompt's label.
    public var subtext: String?
    public var help: String?
    /// The options in the order shown (shuffled where the question says so).
    public var options: [ChoiceOption]
    /// The answer given before `:back`, in the form one would type it; Enter accepts it (see `enterAction`).
    public var defaultText: String?
    /// How far through the interview this prompt is, from 0 to 1: the `ProgressMarker`'s fraction, which never
    /// goes backwards (0 at meta prompts).
    public var progress: Double
    /// Number of prompts answered so far.
    public var answeredCount: Int
    public var sectionTitle: String?
    public var canSkip: Bool
    public var canDontKnow: Bool
    public var canRefuse: Bool
    /// A soft check waiting for confirmation of the answer just given.
    public var pendingWarning: String?
    /// Whether `:back` has somewhere to go: false at the very first prompt.
    public var canGoBack = true
    /// The meta key asked, when this prompt asks a meta value before the first question (`ask: true`).
    public var metaKey: String?

    /// What Enter on an empty line does here.
    public var enterAction: EnterAction {
        if pendingWarning != nil { return .keepAnswer }
        if question.type == .note && !key.isOtherText && metaKey == nil { return .continueOn }
        if let defaultText, !defaultText.isEmpty { return .keepEarlier }
        return canSkip ? .skip : .needsAnswer
    }

    /// The commands this prompt allows, in the order help lists them: no `:back` at the first prompt, no
    /// `:skip` at a required question, no `:dk` or `:rf` where the question does not allow them.
    public var commands: [PromptCommand] {
        PromptCommand.allCases.filter { command in
            switch command {
            case .back: canGoBack
            case .skip: canSkip
            case .dontKnow: canDontKnow
            case .refused: canRefuse
            case .help, .quit: true
            }
        }
    }

    /// What `?` shows: the question's help, then the commands allowed here.
    public var helpText: String {
        let listed = commands.map { command in
            // Before the first answer there is nothing to save: `:quit` only stops.
            command == .quit && answeredCount == 0 ? EngineText.text(.commandQuitUnsaved, language) : command.described(language)
        }.joined(separator: EngineText.text(.commandSeparator, language))
        return [help, EngineText.text(.commandsHere, language, listed)].compactMap { $0 }.joined(separator: "\n")
    }

    /// The answer to a line that looks like a command but is none: what it is not, and what is allowed here.
    public func unknownCommand(_ typed: String) -> String {
        let allowed = commands.map { $0 == .help ? "?" : $0.typed }.joined(separator: " ")
        return EngineText.text(.unknownCommand, language, typed, allowed)
    }

    /// Words Tab may complete at this prompt: the labels a person may type, in the interview's language (option
    /// labels, yes/no labels, scale labels; never option values), then the commands allowed here.
    public var completions: [String] {
        var words: [String] = []
        if !key.isOtherText {
            words += options.map { $0.label.text(language) }
            switch question.type {
            case .yesNo:
                words += [question.labels["yes"]?.text(language) ?? EngineText.text(.yes, language),
                          question.labels["no"]?.text(language) ?? EngineText.text(.no, language)]
            case let type where type == .scale || type == .nps || (type == .grid && options.isEmpty):
                words += question.labels.compactMap { k, v in Int(k).map { ($0, v.text(language)) } }
                    .sorted { $0.0 < $1.0 }.map(\.1)
            default:
                break
            }
        }
        words += commands.map(\.typed)
        return words
    }

    /// Whether the answer is a list (a multi question), so that Tab completes the answer being typed after
    /// a comma or a space rather than the whole line.
    public var completesListItems: Bool { question.type == .multi && !key.isOtherText }

    public var language: String
}

/// What Enter on an empty line does at a prompt; each prompt says it in its hint line.
public enum EnterAction: Sendable, Hashable {
    /// A soft check asked about the answer just given: Enter keeps it.
    case keepAnswer
    /// After `:back`: Enter keeps the earlier answer, offered as the default.
    case keepEarlier
    /// A note: Enter goes on.
    case continueOn
    /// An optional question: Enter records `skipped`, as `:skip` does.
    case skip
    /// A required question: Enter is refused with a message.
    case needsAnswer
}

/// Where an interview stands: asking a prompt, or finished.
public enum InterviewState: Sendable {
    case asking(Prompt)
    case finished(EndStatus, text: String?)
}

/// What happened to a line typed at a prompt.
public enum Feedback: Sendable, Hashable {
    /// The answer (or skip, don't know, refused) was recorded.
    case accepted
    /// The line was not an acceptable answer; the message says what is.
    case invalid(String)
    /// A soft check failed; Enter keeps the answer, another line replaces it.
    case confirm(String)
    case help(String)
    /// Went back one question.
    case back
    /// The person asked to stop; the interview is to be saved for resumption.
    case quit
}
