/// A command typed at a prompt instead of an answer (SPEC section 4): `:back` (or `<`), `:skip`, `:dk`, `:rf`,
/// `?` (or `:help`) and `:quit`.
///
/// Which of them a prompt allows is `Prompt.commands`; the engine and the meta prompts read typed lines with
/// `parse`, so a command means the same at every prompt.
public enum PromptCommand: String, Sendable, Hashable, CaseIterable {
    case back, skip, dontKnow, refused, help, quit

    /// The command a trimmed line names, if it names one (case does not matter, nor full-width forms typed
    /// with an input method: `：ｄｋ`, `？`).
    public static func parse(_ line: String) -> PromptCommand? {
        switch InputFolding.folded(line).trimmingCharacters(in: .whitespaces).lowercased() {
        case ":back", "<": .back
        case ":skip": .skip
        case ":dk": .dontKnow
        case ":rf": .refused
        case "?", ":help", ":h": .help
        case ":quit", ":q": .quit
        default: nil
        }
    }

    /// How the command is typed, as help and Tab completion show it.
    public var typed: String {
        switch self {
        case .back: ":back"
        case .skip: ":skip"
        case .dontKnow: ":dk"
        case .refused: ":rf"
        case .help: ":help"
        case .quit: ":quit"
        }
    }

    /// The command with what it does, for the help of a prompt: ":dk don't know".
    public func described(_ language: String) -> String {
        switch self {
        case .back: EngineText.text(.commandBack, language)
        case .skip: EngineText.text(.commandSkip, language)
        case .dontKnow: EngineText.text(.commandDontKnow, language)
        case .refused: EngineText.text(.commandRefused, language)
        case .help: EngineText.text(.commandHelp, language)
        case .quit: EngineText.text(.commandQuit, language)
        }
    }
}
