import TouchpointCore
import TouchpointTerminal

/// Shows a group value as people read it: the option label (or yes / no label) in the chosen language
/// when the grouping is a single or yes_no question or a meta choice; the value as stored otherwise.
struct GroupLabeler {
    var questionnaire: Questionnaire
    var table: SymbolTable
    var language: String

    init(questionnaire: Questionnaire, table: SymbolTable, language: String?) {
        self.questionnaire = questionnaire
        self.table = table
        self.language = language ?? questionnaire.defaultLanguage
    }

    func label(_ name: String, _ value: GroupValue) -> String {
        guard case .value(let json) = value else { return value.description }
        let question: Question?
        if name.hasPrefix("meta.") {
            question = questionnaire.meta.first { $0.key == String(name.dropFirst(5)) }?.question
        } else {
            question = table.question(name)
        }
        guard let question else { return value.description }
        if question.type == .yesNo, case .bool(let flag) = json {
            return question.labels[flag ? "yes" : "no"]?.text(language) ?? AnalysisWords.yesNo(flag, language)
        }
        let written = value.description
        return question.allOptions.first { $0.value.description == written }?.label.text(language) ?? written
    }
}
