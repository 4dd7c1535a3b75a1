/// What a response record of one questionnaire may contain, worked out once before reading any line.
///
/// Every question, compute and meta key, with the loops around it and the option values that key each
/// loop level, so that checking and scoring a line needs dictionary lookups only. Entries are classes so
/// that looking one up per answer costs a reference, not a copy of a whole `Question`.
final class ResponseSchema: Sendable {
    /// One level of `for_each` looping: answers at this level are keyed by the options of `question`.
    final class LoopLevel: Sendable {
        /// The `for_each` section.
        let section: String
        /// The question whose chosen options the section loops over.
        let question: String
        /// Its option values as they appear as keys (`app`, `3`), `other` included when it has one.
        let keys: Set<String>
        let orderedKeys: [String]

        init(section: String, question: String, orderedKeys: [String]) {
            self.section = section
            self.question = question
            self.keys = Set(orderedKeys)
            self.orderedKeys = orderedKeys
        }
    }

    /// A question (or meta field) as responses see it.
    final class QuestionEntry: Sendable {
        let question: Question
        let loops: [LoopLevel]
        /// Row ids, for a grid.
        let rows: Set<String>
        let rule: AnswerRule

        init(question: Question, loops: [LoopLevel]) {
            self.question = question
            self.loops = loops
            self.rows = Set(question.rows.map(\.id))
            self.rule = AnswerRule(question)
        }
    }

    let questionnaire: Questionnaire
    let table: SymbolTable
    let questions: [String: QuestionEntry]
    /// Computes with their loops.
    let computes: [String: [LoopLevel]]
    /// Declared meta fields by key.
    let meta: [String: QuestionEntry]

    init(questionnaire: Questionnaire, table: SymbolTable) {
        self.questionnaire = questionnaire
        self.table = table
        var loopQuestion: [String: String] = [:]
        for flow in FlowItem.flatten(questionnaire.items) {
            if case .section(let section) = flow.item, let name = section.forEach { loopQuestion[section.id] = name }
        }
        var levels: [String: LoopLevel] = [:]
        for (section, name) in loopQuestion {
            let options = table.question(name)?.allOptions.map(\.value.description) ?? []
            levels[section] = LoopLevel(section: section, question: name, orderedKeys: options)
        }
        func loops(_ sections: [String]) -> [LoopLevel] { sections.compactMap { levels[$0] } }
        var questions: [String: QuestionEntry] = [:]
        var computes: [String: [LoopLevel]] = [:]
        for (id, symbol) in table.symbols {
            switch symbol.kind {
            case .question:
                guard let question = symbol.question else { continue }
                questions[id] = QuestionEntry(question: question, loops: loops(symbol.loops))
            case .compute:
                computes[id] = loops(symbol.loops)
            case .section, .meta:
                continue
            }
        }
        self.questions = questions
        self.computes = computes
        var meta: [String: QuestionEntry] = [:]
        for field in questionnaire.meta { meta[field.key] = QuestionEntry(question: field.question, loops: []) }
        self.meta = meta
    }

    /// The question an `answers` key names: a question id, or `<id>_other` for the text of an `other` choice.
    func answerTarget(_ key: String) -> (entry: QuestionEntry, isOtherText: Bool)? {
        if let entry = questions[key] { return (entry, false) }
        if key.hasSuffix("_other"), let base = questions[String(key.dropLast(6))], base.question.other {
            return (base, true)
        }
        return nil
    }
}
