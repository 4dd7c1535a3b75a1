extension ScriptRenderer {
    /// An interviewer's instruction as the script shows it: a quoted, bracketed line of its own, as written
    /// (instructions are never piped).
    func instructionLine(_ instruction: LocalizedText) -> String {
        let text = Markdown.inline(instruction.text(language, fallback: questionnaire.defaultLanguage))
        return "> **[\(w("Interviewer", "访员"))]** *\(text)*"
    }

    /// What a usability-test score computes, for the score table.
    func taskScoreDefinition(_ s: ScoreDefinition) -> String {
        let items = s.items.map { "`\($0.name)`" }.joined(separator: ", ")
        switch s.method {
        case .sus:
            return w("System Usability Scale 0-100 (odd items x − 1, even items 5 − x, sum × 2.5) of ",
                     "系统可用性量表 0-100（奇数题 x − 1，偶数题 5 − x，总和 × 2.5）：") + items
        case .umuxLite:
            return w("UMUX-Lite 0-100 ((a − 1) + (b − 1)) / 12 × 100, adjusted 0.65 × value + 22.9, of ",
                     "UMUX-Lite 0-100（((a − 1) + (b − 1)) / 12 × 100，校正值 0.65 × 值 + 22.9）：") + items
        case .completion:
            let values = (s.task.success.isEmpty ? TaskOutcomeReader.defaultSuccess : s.task.success).map { "`\($0)`" }.joined(separator: ", ")
            return w("% of attempts at ", "任务完成率：") + (s.item.map { "`\($0.name)`" } ?? "") + w(" that are ", "，成功值 ") + values
        case .timeOnTask:
            let which: String
            switch s.task.successful {
            case .all?: which = w("every attempt", "所有尝试")
            case .successfulBy(let id)?: which = w("attempts that succeed by `\(id)`", "按 `\(id)` 成功的尝试")
            case nil: which = w("successful attempts", "成功的尝试")
            }
            return w("geometric mean time (s) of ", "几何平均用时（秒）：") + items + w(", over ", "，范围：") + which
        default:
            return s.method.rawValue
        }
    }
}
