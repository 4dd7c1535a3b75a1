import TouchpointCore
import TouchpointTerminal

extension PromptRenderer {
    /// The lines just above the readline prompt: what the question takes (scale labels, yes/no, a number,
    /// a date, several options) and, when asked for, the commands.
    ///
    /// Wrapped to `width` at spaces; `N = label` and each command stay whole on a line. After a resize
    /// the reader draws these again at the new width.
    func hintLines(for p: Prompt, showCommandsHint: Bool) -> [String] {
        var out: [String] = []
        let q = p.question
        switch q.type {
        case .multi where !p.key.isOtherText:
            out += TextWrapper.wrap(EngineText.text(.chooseSeveral, p.language), width: max(width, 20), indent: 2, continuationIndent: 3)
        case .scale, .nps, .grid where p.options.isEmpty:
            let range = q.scalePoints ?? 0...10
            let labels = q.labels.compactMap { k, v in Int(k).map { ($0, clean(v.text(p.language))) } }.sorted { $0.0 < $1.0 }
            var units = ["\(range.lowerBound)-\(range.upperBound)" + (labels.isEmpty ? "" : ":")]
            units += labels.enumerated().map { i, l in "\(l.0) = \(l.1)" + (i + 1 < labels.count ? " ·" : "") }
            out += TextWrapper.wrap(units: units, width: max(width, 20), indent: 2, continuationIndent: 4)
        case .yesNo:
            let yes = q.labels["yes"].map { clean($0.text(p.language)) } ?? EngineText.text(.yes, p.language)
            let no = q.labels["no"].map { clean($0.text(p.language)) } ?? EngineText.text(.no, p.language)
            out += TextWrapper.wrap(units: ["y = \(yes) ·", "n = \(no)"], width: max(width, 20), indent: 2, continuationIndent: 4)
        case .number:
            var hint = EngineText.text(.aNumber, p.language)
            if let lo = q.min, let hi = q.max { hint += " \(NumberText.format(lo))-\(NumberText.format(hi))" }
            if let unit = q.unit { hint += " (\(clean(unit.text(p.language))))" }
            out += TextWrapper.wrap(hint, width: max(width, 20), indent: 2, continuationIndent: 4)
        case .date:
            out.append("  YYYY-MM-DD")
        default:
            break
        }
        if showCommandsHint {
            out += TextWrapper.wrap(units: commands(for: p), width: max(width, 20), indent: 2, spacing: 2)
        }
        return out.map { style.dim($0) }
    }

    /// The commands allowed at the prompt, as the hint names them.
    func commands(for p: Prompt) -> [String] {
        var commands = ["? " + EngineText.text(.help, p.language), "< " + EngineText.text(.back, p.language)]
        if p.canSkip { commands.append(":skip") }
        if p.canDontKnow { commands.append(":dk") }
        if p.canRefuse { commands.append(":rf") }
        commands.append(":quit")
        return commands
    }
}
