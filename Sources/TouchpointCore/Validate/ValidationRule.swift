/// What every validation rule sees: the questionnaire, its items in interview order, and its names.
public struct ValidationContext: Sendable {
    public let questionnaire: Questionnaire
    public let flow: [FlowItem]
    public let table: SymbolTable
    /// Every question in interview order, with its place in the flow; gathered once, since most rules walk it.
    public let questions: [(question: Question, flow: FlowItem)]

    public init(questionnaire: Questionnaire, flow: [FlowItem], table: SymbolTable) {
        self.questionnaire = questionnaire
        self.flow = flow
        self.table = table
        self.questions = flow.compactMap { f in
            if case .question(let q) = f.item { return (q, f) }
            return nil
        }
    }
}

/// One check over a questionnaire, reporting its findings into a bag; one rule a file, named after it.
protocol ValidationRule {
    static func check(_ context: ValidationContext, into bag: inout DiagnosticBag)
}
