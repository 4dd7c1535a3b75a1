/// The kinds of question a questionnaire can ask (SPEC section 2).
public enum QuestionType: String, Sendable, Hashable, CaseIterable {
    case single, multi, scale, nps, number, text
    case yesNo = "yes_no"
    case date, grid, note

    /// Whether answers are chosen from `options`.
    public var hasOptions: Bool { self == .single || self == .multi }
}
