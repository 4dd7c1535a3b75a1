/// A questionnaire that passed validation with no errors, with everything the commands derive from it,
/// worked out once: the flow in interview order, the loops, the computes, each question's one `AnswerRule`,
/// and the parsed piping templates.
///
/// Only the validator makes one (`Validator.Report.checked`), and only when the file has no errors, so the
/// engine, simulator, test runner, verifier, score engine, `show` and checkpoint restore can rely on names
/// being defined, expressions being well typed and options existing. It is a class: an interview, a
/// simulated respondent and a scored line each hold a reference to it, never a copy.
public final class CheckedQuestionnaire: Sendable {
    public let questionnaire: Questionnaire
    /// Every name with its type and loops.
    public let table: SymbolTable
    /// Every item in interview order, with the sections around it.
    public let flow: [FlowItem]
    /// The effort range over all paths, when the flow analysis ran.
    public let effort: EffortEstimate?
    /// Interview order of each item, by where it is written.
    let order: [SourcePosition: Int]
    /// The question each `for_each` section loops over, by section id.
    public let loopQuestion: [String: String]
    /// Ids of the computes, in interview order (the order of `computed` in a record).
    public let computeIDs: [String]
    /// Number of items in the flow (at least 1), the denominator of the progress marker.
    let flowCount: Int
    private let rules: [String: AnswerRule]
    private let metaRules: [String: AnswerRule]
    /// The pieces of every text that pipes a value (`{recommend}`), parsed once.
    private let templates: [String: [Placeholder.Piece]]
    /// Every `when`, compute value, loop and check rule compiled against the answers' slots.
    let compiled: CompiledExpressions
    /// The questionnaire's items with their compiled conditions and orders, for the interview's walk.
    let plan: FlowPlan

    init(questionnaire: Questionnaire, table: SymbolTable, flow: [FlowItem], effort: EffortEstimate?,
         derived: Derived? = nil, compiled: CompiledExpressions? = nil, plan: FlowPlan? = nil) {
        self.questionnaire = questionnaire
        self.table = table
        self.flow = flow
        self.effort = effort
        let derived = derived ?? Derived(questionnaire: questionnaire, flow: flow)
        self.order = derived.order
        self.loopQuestion = derived.loopQuestion
        self.computeIDs = derived.computeIDs
        self.flowCount = max(flow.count, 1)
        self.rules = derived.rules
        self.metaRules = derived.metaRules
        self.templates = derived.templates
        self.compiled = compiled ?? CompiledExpressions(flow: flow, table: table, quotas: questionnaire.quotas)
        self.plan = plan ?? FlowPlan(questionnaire.items, compiled: self.compiled, order: derived.order)
    }

    /// The rule of the question `id`.
    public func rule(_ id: String) -> AnswerRule? { rules[id] }

    /// The rule of the meta key `key`.
    public func metaRule(_ key: String) -> AnswerRule? { metaRules[key] }

    /// The pieces of `text`, parsed once when the questionnaire was checked (or now, for a text it does not hold).
    func pieces(_ text: String) -> [Placeholder.Piece] {
        templates[text] ?? Placeholder.pieces(text)
    }

    /// The questionnaire's default language.
    public var defaultLanguage: String { questionnaire.defaultLanguage }
}
