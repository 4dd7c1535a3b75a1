extension CheckedQuestionnaire {
    /// What a checked questionnaire works out from the items alone, before names are resolved: the interview
    /// order by position, the loops, the computes, each question's answer rule and the parsed piping templates.
    ///
    /// It needs neither the symbol table nor the validator's verdict, so the validator works it out on another
    /// core while it checks names (and drops it when the file has errors).
    struct Derived: Sendable {
        var order: [SourcePosition: Int] = [:]
        var loopQuestion: [String: String] = [:]
        var computeIDs: [String] = []
        var rules: [String: AnswerRule] = [:]
        var metaRules: [String: AnswerRule] = [:]
        var templates: [String: [Placeholder.Piece]] = [:]

        init(questionnaire: Questionnaire, flow: [FlowItem]) {
            order.reserveCapacity(flow.count)
            rules.reserveCapacity(flow.count)
            for f in flow {
                order[f.item.position] = f.order
                switch f.item {
                case .section(let s):
                    if let name = s.forEach { loopQuestion[s.id] = name }
                    addTemplates(s.title)
                case .compute(let c):
                    computeIDs.append(c.id)
                case .question(let q):
                    rules[q.id] = AnswerRule(q)
                    addTemplates(q.text)
                    addTemplates(q.help)
                    for row in q.rows { addTemplates(row.text) }
                    for check in q.checks { addTemplates(check.message) }
                case .end(let e):
                    addTemplates(e.text)
                }
            }
            for field in questionnaire.meta { metaRules[field.key] = AnswerRule(field.question) }
        }

        private mutating func addTemplates(_ text: LocalizedText?) {
            guard let text else { return }
            for string in text.allTexts where string.utf8.contains(UInt8(ascii: "{")) || string.utf8.contains(UInt8(ascii: "}")) {
                if templates[string] == nil { templates[string] = Placeholder.pieces(string) }
            }
        }
    }
}
