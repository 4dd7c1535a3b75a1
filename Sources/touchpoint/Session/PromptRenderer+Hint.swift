import TouchpointCore
import TouchpointTerminal

extension PromptRenderer {
    /// The lines just above the readline prompt: what the question takes (scale labels, yes/no, a number,
    /// a date, several options), then what the prompt allows besides an answer (`allowances`).
    ///
    /// Wrapped to `width` at spaces; `N = label` and each allowance stay whole on a line. After a resize
    /// the reader draws these again at the new width.
    func hintLines(for p: Prompt) -> [String] {
        var out: [String] = []
        let q = p.question
        switch q.type {
        case .multi where !p.key.isOtherText:
            out += TextWrapper.wrap(EngineText.text(.chooseSeveral, p.language), width: max(width, 20), indent: 2, continuationIndent: 3)
        case let type where type == .scale || type == .nps || (type == .grid && p.options.isEmpty):
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
        out += TextWrapper.wrap(units: allowances(for: p), width: max(width, 20), indent: 2)
        return out.map { style.dim($0) }
    }

    /// What the prompt allows besides an answer, on every prompt: what Enter does there, `:dk` and `:rf`
    /// where the question allows them, and `?` for the rest (`Enter to skip · :dk don't know · :rf refused ·
    /// ? help`), each unit but the last ending in the separator.
    func allowances(for p: Prompt) -> [String] {
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
        let separator = EngineText.text(.hintSeparator, l).trimmingCharacters(in: .whitespaces)
        return parts.enumerated().map { i, part in i + 1 < parts.count ? part + " " + separator : part }
    }
}
