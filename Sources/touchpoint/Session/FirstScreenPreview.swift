import TouchpointCore
import TouchpointTerminal

/// The first screen of `run`, drawn from the head of a large questionnaire while the whole file is still being
/// checked on another thread (`EarlyCheck`), so that the first question appears at once.
///
/// Nothing is decided from the head: it is checked as a questionnaire of its own and only draws. Once the whole
/// file has passed, the session lays out its real first screen; the preview stays only if it is the same, line
/// for line at the same width, and is erased otherwise (as it is before any error, usage message or early end).
/// No line is read before that, so every answer is taken against the whole checked file.
final class FirstScreenPreview {
    /// The lines drawn above the prompt, the prompt itself, and the width they were laid out for.
    let lines: [String]
    let prompt: String
    let columns: Int
    private var withdrawn = false

    private init(lines: [String], prompt: String, columns: Int) {
        self.lines = lines
        self.prompt = prompt
        self.columns = columns
    }

    /// How far into the file the head is cut: enough for the first questions of any file, and cheap to check.
    static let headBytes = 8 * 1024

    /// Draws the first screen of `setup`'s interview from the head of `path`, when the head checks and the
    /// interview would ask something; nil (and nothing drawn) otherwise.
    /// `setup` makes the run's setup for a questionnaire, as the command does for the whole file.
    static func show(path: String, metaPairs: [String], setup: (LoadedQuestionnaire) -> RunSetup) -> FirstScreenPreview? {
        guard let (bytes, _) = try? FileReader.read(path, maxBytes: 8 * headBytes),
              let head = QuestionnaireHead.cut(bytes, atLeast: headBytes) else { return nil }
        let report = Validator.validate(Array(head), analyseFlow: false, keepsChecked: true)
        guard !report.hasErrors, let checked = report.checked,
              // Quotas read the response file to decide the first screen: left to the whole file.
              checked.questionnaire.quotas.isEmpty else { return nil }
        let q = checked.questionnaire
        var headSetup = setup(LoadedQuestionnaire(path: path, bytes: [], report: report, checked: checked, sha256: ""))
        if let language = headSetup.language, !q.languages.isEmpty, !q.languages.contains(language) { return nil }
        guard let meta = try? MetaArguments.parse(metaPairs, checked: checked) else { return nil }
        headSetup.meta = meta
        let session = InterviewSession(setup: headSetup, reader: PlainLineReader(catchesInterrupts: false), interactive: true)
        let columns = TerminalSize.columns()
        guard let screen = session.firstScreen(columns: columns) else { return nil }
        for line in screen.lines { Console.out(line) }
        Console.out(screen.prompt, terminator: "")
        Console.flush()
        return FirstScreenPreview(lines: screen.lines, prompt: screen.prompt, columns: columns)
    }

    /// Whether the session's first screen is the one drawn.
    func shows(_ lines: [String], prompt: String, columns: Int) -> Bool {
        lines == self.lines && prompt == self.prompt && columns == self.columns
    }

    /// Erases the preview (once): back to the start of its first line, and everything below cleared.
    func withdraw() {
        guard !withdrawn else { return }
        withdrawn = true
        var rows = 0
        for line in lines { rows += max(1, (Self.visibleWidth(line) + columns - 1) / max(columns, 1)) }
        Console.out("\r" + (rows > 0 ? "\u{1B}[\(rows)A" : "") + "\u{1B}[J", terminator: "")
        Console.flush()
    }

    /// The columns a styled line takes: its display width without the style's escape sequences.
    static func visibleWidth(_ line: String) -> Int {
        var plain = ""
        var inEscape = false
        for scalar in line.unicodeScalars {
            if inEscape {
                // A CSI sequence ends with a byte from @ to ~.
                if scalar.value >= 0x40 && scalar.value <= 0x7E && scalar != "[" { inEscape = false }
            } else if scalar == "\u{1B}" {
                inEscape = true
            } else {
                plain.unicodeScalars.append(scalar)
            }
        }
        return DisplayWidth.of(plain)
    }
}
