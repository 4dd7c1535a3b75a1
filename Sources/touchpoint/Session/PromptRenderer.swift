import TouchpointCore
import TouchpointTerminal

/// Lays out a prompt for the terminal: progress, section, wrapped text, options, hints.
///
/// Every text from the questionnaire or an answer passes through `TerminalSanitizer` first, so a file can
/// never send escape sequences to the terminal; widths count East Asian wide characters as two columns.
struct PromptRenderer {
    var width: Int
    var style: Style

    /// Whether answers are typed with line editing (readline), where a default is shown in the edit buffer and
    /// typing replaces it.
    var lineEditing = false

    func lines(for p: Prompt) -> [String] {
        var out: [String] = []
        if let key = p.metaKey {
            // A meta prompt comes before the interview: no progress line.
            out += wrap(clean(p.text), indent: 0).map { style.bold($0) }
            if let last = out.popLast() { out.append(last + style.dim(" (meta.\(key))")) }
            out += optionLines(for: p)
            out += hintLines(for: p)
            return out
        }
        var header = "[\(p.answeredCount + 1)] " + progressBar(p.progress)
        if let title = p.sectionTitle { header += "  " + clean(title) }
        out.append(style.dim(header))
        // The interviewer's instruction, for their eyes only: bracketed and dim, as written (never piped).
        if let instruction = p.question.instruction, !p.key.isOtherText {
            out += wrap("[" + clean(instruction.text(p.language)) + "]", indent: 0).map { style.dim($0) }
        }
        out += wrap(clean(p.text), indent: 0).map { style.bold($0) }
        if let sub = p.subtext { out += wrap(clean(sub), indent: 2).map { style.accent($0) } }
        if let warning = p.pendingWarning { out += wrap(clean(warning), indent: 2).map { style.warning($0) } }
        out += optionLines(for: p)
        out += hintLines(for: p)
        return out
    }

    /// The numbered options of a choice or a grid with options.
    private func optionLines(for p: Prompt) -> [String] {
        var out: [String] = []
        switch p.question.type {
        case .single, .multi:
            if !p.key.isOtherText {
                for (i, o) in p.options.enumerated() {
                    out += wrap(clean(o.label.text(p.language)), indent: 6, first: String(repeating: " ", count: i + 1 < 10 ? 2 : 1) + "\(i + 1)) ")
                }
            }
        case .grid where !p.options.isEmpty:
            for (i, o) in p.options.enumerated() {
                out += wrap(clean(o.label.text(p.language)), indent: 6, first: "  \(i + 1)) ")
            }
        default:
            break
        }
        return out
    }

    /// The bar and percentage of the progress marker: the percentage rounded down, so 100% only at the end.
    func progressBar(_ fraction: Double) -> String {
        let f = min(max(fraction, 0), 1)
        let barWidth = 12
        let filled = min(barWidth, Int((f * Double(barWidth)).rounded(.down)))
        return String(repeating: "▓", count: filled) + String(repeating: "░", count: barWidth - filled)
            + " \(Int((f * 100).rounded(.down)))%"
    }

    /// The text of the readline prompt itself.
    func promptString(for p: Prompt) -> String {
        style.accent("› ")
    }

    func clean(_ s: String) -> String { TerminalSanitizer.neutralize(s) }

    func wrap(_ text: String, indent: Int, first: String? = nil) -> [String] {
        if let first {
            let lines = TextWrapper.wrap(text, width: max(width - DisplayWidth.of(first), 10))
            return lines.enumerated().map { i, l in (i == 0 ? first : String(repeating: " ", count: DisplayWidth.of(first))) + l.trimmingLeadingSpaces }
        }
        return TextWrapper.wrap(text, width: max(width, 20), indent: indent)
    }

}

extension String {
    var trimmingLeadingSpaces: String { String(drop { $0 == " " }) }
}
