import TouchpointCore

/// How the values of a `--by` name read on the page: the option's label in the page's language.
struct GroupLabels: Sendable {
    private let options: [ChoiceOption]
    private let isYesNo: Bool
    private let text: ReportText
    private let language: String

    init(name: String, questionnaire: Questionnaire, language: String, text: ReportText) {
        self.text = text
        self.language = language
        var question: Question?
        if name.hasPrefix("meta.") {
            let key = String(name.dropFirst(5))
            question = questionnaire.meta.first { $0.key == key }?.question
        } else {
            question = Self.find(name, in: questionnaire.items)
        }
        options = question?.allOptions ?? []
        isYesNo = question?.type == .yesNo
    }

    private static func find(_ id: String, in items: [Item]) -> Question? {
        for item in items {
            switch item {
            case .question(let question) where question.id == id: return question
            case .section(let section): if let found = find(id, in: section.items) { return found }
            default: continue
            }
        }
        return nil
    }

    func label(_ value: GroupValue) -> String {
        guard case .value(let json) = value else { return text.missing }
        if isYesNo, let flag = json.boolValue { return flag ? text.yes : text.no }
        let key = value.description
        return options.first { $0.value.description == key }?.label.text(language) ?? key
    }
}
