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
        let keys: StringLookup<Void>
        let orderedKeys: [String]

        init(section: String, question: String, orderedKeys: [String]) {
            self.section = section
            self.question = question
            self.keys = StringLookup(orderedKeys)
            self.orderedKeys = orderedKeys
        }
    }

    /// A question (or meta field) as responses see it.
    final class QuestionEntry: Sendable {
        let question: Question
        let loops: [LoopLevel]
        /// Row ids, for a grid.
        let rows: StringLookup<Void>
        let rule: AnswerRule
        /// Where the checker puts this question's answer (or meta value) in `CheckedResponse.values`, or -1
        /// when no score reads it.
        let slot: Int
        /// Whether the scanner keeps this question's answers among `CheckedResponse.numbers`: a question in
        /// one loop, not a grid, in a slot below 64, that scores read only as numbers (`Slots.numbered`).
        let isNumbered: Bool

        init(rule: AnswerRule, loops: [LoopLevel], slot: Int, numbered: Bool = false) {
            self.question = rule.question
            self.loops = loops
            self.rows = StringLookup(rule.question.rows.map(\.id))
            self.rule = rule
            self.slot = slot
            isNumbered = numbered && slot >= 0 && slot < 64 && loops.count == 1 && rule.question.type != .grid
        }
    }

    /// The record values scoring reads, each given a slot in `CheckedResponse.values`, so that scores find
    /// them by index instead of searching the record's objects.
    struct Slots: Sendable {
        var answers: [String: Int] = [:]
        var computed: [String: Int] = [:]
        var meta: [String: Int] = [:]
        /// Questions whose values are read only as numbers by `ItemReader`s (the items of nps, box, mean, sum
        /// and drivers scores, named nowhere else): the scanner may keep a loop question's answers among
        /// `CheckedResponse.numbers` instead of building their JSON.
        var numbered: Set<String> = []
        var count = 0

        init() {}

        mutating func answer(_ id: String) {
            if answers[id] == nil { answers[id] = next() }
        }

        mutating func computed(_ id: String) {
            if computed[id] == nil { computed[id] = next() }
        }

        mutating func meta(_ key: String) {
            if meta[key] == nil { meta[key] = next() }
        }

        private mutating func next() -> Int {
            count += 1
            return count - 1
        }
    }

    let checked: CheckedQuestionnaire
    var questionnaire: Questionnaire { _read { yield checked.questionnaire } }
    var table: SymbolTable { _read { yield checked.table } }
    let questions: [String: QuestionEntry]
    /// `questions` again, for the lookup of every answer of every line.
    private let questionLookup: StringLookup<QuestionEntry>
    /// Computes with their loops.
    let computes: [String: [LoopLevel]]
    /// Declared meta fields by key.
    let meta: [String: QuestionEntry]
    /// `meta` again, for the lookup of every meta value of every line.
    let metaLookup: StringLookup<QuestionEntry>
    /// Slots of the computes that scores read.
    let computeSlots: [String: Int]
    /// How many values `CheckedResponse.values` holds.
    let slotCount: Int

    init(_ checked: CheckedQuestionnaire, slots: Slots = Slots()) {
        self.checked = checked
        let table = checked.table, questionnaire = checked.questionnaire
        var levels: [String: LoopLevel] = [:]
        for (section, name) in checked.loopQuestion {
            let options = table.question(name)?.allOptions.map(\.value.description) ?? []
            levels[section] = LoopLevel(section: section, question: name, orderedKeys: options)
        }
        func loops(_ sections: [String]) -> [LoopLevel] { sections.compactMap { levels[$0] } }
        var questions: [String: QuestionEntry] = [:]
        var computes: [String: [LoopLevel]] = [:]
        for (id, symbol) in table.symbols {
            switch symbol.kind {
            case .question:
                guard let rule = checked.rule(id) else { continue }
                questions[id] = QuestionEntry(rule: rule, loops: loops(symbol.loops), slot: slots.answers[id] ?? -1,
                                              numbered: slots.numbered.contains(id))
            case .compute:
                computes[id] = loops(symbol.loops)
            case .section, .meta:
                continue
            }
        }
        self.questions = questions
        questionLookup = StringLookup(questions.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        self.computes = computes
        var meta: [String: QuestionEntry] = [:]
        for field in questionnaire.meta {
            meta[field.key] = QuestionEntry(rule: checked.metaRule(field.key) ?? AnswerRule(field.question), loops: [],
                                            slot: slots.meta[field.key] ?? -1)
        }
        self.meta = meta
        metaLookup = StringLookup(meta.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        computeSlots = slots.computed.filter { computes[$0.key] != nil }
        slotCount = slots.count
    }

    /// The question an `answers` key names: a question id, or `<id>_other` for the text of an `other` choice.
    func answerTarget(_ key: String) -> (entry: QuestionEntry, isOtherText: Bool)? {
        if let entry = questionLookup[key] { return (entry, false) }
        if key.hasSuffix("_other"), let base = questionLookup[String(key.dropLast(6))], base.question.other {
            return (base, true)
        }
        return nil
    }
}
