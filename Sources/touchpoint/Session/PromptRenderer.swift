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
            out += wrap(clean(p.text), indent: 0).map { style.bold($0) }
            if let last = out.popLast() { out.append(last + style.dim(" (meta.\(key))")) }
            out += answerHints(for: p)
            out += hint(for: p).map { style.dim($0) }
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
        out += answerHints(for: p)
        out += hint(for: p).map { style.dim($0) }
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

    /// The line saying what this prompt allows besides an answer: what Enter does, `:dk` and `:rf` where
    /// allowed, and `?` for the rest (`Enter to skip · :dk don't know · :rf refused · ? help`); on a narrow
    /// terminal it breaks between its parts.
    func hint(for p: Prompt) -> [String] {
        let l = p.language
        var parts: [String] = []
        switch p.enterAction {
        case .skip: parts.append(EngineText.text(.hintSkip, l))
        case .keepEarlier:
            parts.append(EngineText.text(.hintKeepEarlier, l)
                         + (lineEditing ? EngineText.text(.commandSeparator, l) + EngineText.text(.hintReplace, l) : ""))
        case .keepAnswer: parts.append(EngineText.text(.hintKeepAnswer, l))
        case .continueOn: parts.append(EngineText.text(.hintContinue, l))
        case .needsAnswer: parts.append(EngineText.text(.hintRequired, l))
        }
        if p.enterAction != .continueOn {
            if p.canDontKnow { parts.append(EngineText.text(.hintDontKnow, l)) }
            if p.canRefuse { parts.append(EngineText.text(.hintRefused, l)) }
        }
        parts.append(EngineText.text(.hintHelp, l))
        let separator = EngineText.text(.hintSeparator, l)
        var lines: [String] = []
        var line = ""
        for part in parts.map(clean) {
            let joined = line.isEmpty ? "  " + part : line + separator + part
            if !line.isEmpty && DisplayWidth.of(joined) > max(width, 20) {
                lines.append(line)
                line = "  " + part
            } else {
                line = joined
            }
        }
        lines.append(line)
        return lines
    }

    /// What an answer looks like: the options, the scale and its labels, the range of a number.
    private func answerHints(for p: Prompt) -> [String] {
        var out: [String] = []
        let q = p.question
        switch q.type {
        case .single, .multi:
            if !p.key.isOtherText {
                for (i, o) in p.options.enumerated() {
                    out += wrap(clean(o.label.text(p.language)), indent: 6, first: String(repeating: " ", count: i + 1 < 10 ? 2 : 1) + "\(i + 1)) ")
                }
                if q.type == .multi { out.append(style.dim("  " + EngineText.text(.chooseSeveral, p.language))) }
            }
        case .grid where !p.options.isEmpty:
            for (i, o) in p.options.enumerated() {
                out += wrap(clean(o.label.text(p.language)), indent: 6, first: "  \(i + 1)) ")
            }
        case .scale, .nps, .grid:
            let range = q.scalePoints ?? 0...10
            var scale = "  \(range.lowerBound)-\(range.upperBound)"
            let labels = q.labels.compactMap { k, v in Int(k).map { ($0, clean(v.text(p.language))) } }.sorted { $0.0 < $1.0 }
            if !labels.isEmpty { scale += ": " + labels.map { "\($0.0) = \($0.1)" }.joined(separator: " · ") }
            out += wrap(scale, indent: 4).map { style.dim($0) }
        case .yesNo:
            let yes = q.labels["yes"].map { clean($0.text(p.language)) } ?? EngineText.text(.yes, p.language)
            let no = q.labels["no"].map { clean($0.text(p.language)) } ?? EngineText.text(.no, p.language)
            out.append(style.dim("  y = \(yes) · n = \(no)"))
        case .number:
            var hint = "  " + EngineText.text(.aNumber, p.language)
            if let lo = q.min, let hi = q.max { hint += " \(NumberText.format(lo))-\(NumberText.format(hi))" }
            if let unit = q.unit { hint += " (\(clean(unit.text(p.language))))" }
            out.append(style.dim(hint))
        case .date:
            out.append(style.dim("  YYYY-MM-DD"))
        default:
            break
        }
        return out
    }

    /// The text of the readline prompt itself.
    func promptString(for p: Prompt) -> String {
        style.accent("› ")
    }

    private func clean(_ s: String) -> String { TerminalSanitizer.neutralize(s) }

    private func wrap(_ text: String, indent: Int, first: String? = nil) -> [String] {
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
