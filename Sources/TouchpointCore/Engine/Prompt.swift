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
    /// The answer given before `:back`, in the form one would type it; Enter accepts it.
    public var defaultText: String?
    /// How far through the questionnaire this prompt is, from 0 to 1.
    public var progress: Double
    /// Number of prompts answered so far.
    public var answeredCount: Int
    public var sectionTitle: String?
    public var canSkip: Bool
    public var canDontKnow: Bool
    public var canRefuse: Bool
    /// A soft check waiting for confirmation of the answer just given.
    public var pendingWarning: String?

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
            case .scale, .nps, .grid where options.isEmpty:
                words += question.labels.compactMap { k, v in Int(k).map { ($0, v.text(language)) } }
                    .sorted { $0.0 < $1.0 }.map(\.1)
            default:
                break
            }
        }
        words += [":back", ":help", ":quit"]
        if canSkip { words.append(":skip") }
        if canDontKnow { words.append(":dk") }
        if canRefuse { words.append(":rf") }
        return words
    }

    /// Whether the answer is a list (a multi question), so that Tab completes the answer being typed after
    /// a comma or a space rather than the whole line.
    public var completesListItems: Bool { question.type == .multi && !key.isOtherText }

    public var language: String
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
