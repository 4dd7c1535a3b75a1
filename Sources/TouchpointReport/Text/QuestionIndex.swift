import TouchpointCore

/// Every question of a questionnaire by id, sections and loops included, and short texts for labels.
struct QuestionIndex: Sendable {
    let questions: [String: Question]

    init(_ questionnaire: Questionnaire) {
        var found: [String: Question] = [:]
        func walk(_ items: [Item]) {
            for item in items {
                switch item {
                case .question(let question): found[question.id] = question
                case .section(let section): walk(section.items)
                case .end, .compute: break
                }
            }
        }
        walk(questionnaire.items)
        for field in questionnaire.meta { found["meta." + field.key] = field.question }
        questions = found
    }

    /// The question's text in `language`, each `{placeholder}` shown as `…`, or the name itself.
    func text(_ name: String, language: String) -> String {
        let id = name.split(separator: ".").first.map(String.init) ?? name
        guard let question = questions[name] ?? questions[id] else { return name }
        let text = Self.withoutPlaceholders(question.text.text(language))
        return text.isEmpty ? name : text
    }

    /// `text` with each `{...}` replaced by an ellipsis: a label has no answers to pipe in.
    static func withoutPlaceholders(_ text: String) -> String {
        var out = ""
        var inside = false
        for character in text {
            if character == "{" { inside = true; out += "…"; continue }
            if inside { if character == "}" { inside = false }; continue }
            out.append(character)
        }
        return inside ? text : out
    }
}
