/// How the analysis outputs (`tab`, `verbatims`) show a value of a column: a choice's option label, a yes/no
/// question's label, in the output's language; otherwise the value as text, and missing as `(missing)`.
enum ValueLabel {
    /// The label of `value` in the column `name` (a question id, `meta.key`, or another record column).
    static func text(_ name: String, _ value: JSONValue?, questionnaire: Questionnaire, table: SymbolTable,
                     language: String) -> String {
        guard let value else { return GroupValue.missingLabel }
        let question: Question? = name.hasPrefix("meta.")
            ? questionnaire.meta.first { $0.key == String(name.dropFirst(5)) }?.question
            : table.question(name)
        if let question {
            if question.type == .yesNo, case .bool(let flag) = value {
                return question.labels[flag ? "yes" : "no"]?.text(language) ?? AnalysisWords.yesNo(flag, language)
            }
            let key = ExportLayout.keyText(value)
            if let option = question.allOptions.first(where: { $0.value.description == key }) { return option.label.text(language) }
        }
        return ExportLayout.keyText(value)
    }
}
