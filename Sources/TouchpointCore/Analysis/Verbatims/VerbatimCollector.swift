/// Gathers the open-text answers to one question (a text question, or `ID_other` for the text of an
/// `other` choice) from complete and screened-out responses alike, in file order, with their groups and
/// the values named by `--with`: a score id (an `nps` score gives the rating and its category, a box score
/// the item's answer, a `percent` score whether its rule holds, `mean`/`sum` the respondent's value), a
/// question, a compute or `meta.x`.
public struct VerbatimCollector: Sendable {
    public var questionnaire: Questionnaire
    public var table: SymbolTable
    public var language: String

    public init(questionnaire: Questionnaire, table: SymbolTable, language: String? = nil) {
        self.questionnaire = questionnaire
        self.table = table
        self.language = language ?? questionnaire.defaultLanguage
    }

    public func collect(_ question: String, records: [AnalysisRecord], by: [String] = [], when filter: AnalysisFilter? = nil,
                        with names: [String] = []) throws(TabError) -> [Verbatim] {
        let isOther = question.hasSuffix("_other") && table.question(question) == nil
        let base = isOther ? String(question.dropLast(6)) : question
        guard let asked = table.question(base), isOther ? asked.other : asked.type == .text else {
            if let asked = table.question(base) {
                throw TabError("`\(question)` is a \(asked.type.rawValue) question; verbatims lists text answers (a text question, or ID_other for an `other` choice's text; counts are for `touchpoint tab`)")
            }
            throw TabError("`\(question)` is not a question of `\(questionnaire.id)`")
        }
        for name in names { try checkWith(name) }
        let loops = table.symbols[base]?.loops.count ?? 0
        var result: [Verbatim] = []
        for record in records {
            if let filter, !filter.accepts(record) { continue }
            var texts: [(String?, String)] = []
            func walk(_ value: JSONValue?, _ depth: Int, _ item: String?) {
                guard let value else { return }
                if depth == 0 {
                    if let text = value.stringValue { texts.append((item, text)) }
                    return
                }
                guard case .object(let keyed) = value else { return }
                for member in keyed.members { walk(member.value, depth - 1, item.map { "\($0)/\(member.key)" } ?? member.key) }
            }
            walk(record.answers[question], loops, nil)
            guard !texts.isEmpty else { continue }
            let groups = by.map { label($0, record.groupValue($0)) }
            let with = names.map { value(of: $0, in: record) }
            for (item, text) in texts {
                result.append(Verbatim(responseID: record.responseID, respondent: record.respondent, item: item, text: text,
                                       groups: groups, with: with))
            }
        }
        return result
    }

    private func checkWith(_ name: String) throws(TabError) {
        if questionnaire.scores.contains(where: { $0.id == name }) || table.symbols[name] != nil { return }
        if name.hasPrefix("meta."), questionnaire.meta.contains(where: { $0.key == String(name.dropFirst(5)) }) { return }
        throw TabError("--with \(name): name a score, a question, a compute or meta.x of `\(questionnaire.id)`")
    }

    private func value(of name: String, in record: AnalysisRecord) -> String {
        if let score = questionnaire.scores.first(where: { $0.id == name }) {
            switch score.method {
            case .nps:
                guard let item = score.item?.name, let rating = record.answers[item]?.doubleValue else { return "" }
                let category = rating >= 9 ? "promoter" : rating >= 7 ? "passive" : "detractor"
                return "\(NumberText.format(rating)) (\(category))"
            case .topBox, .bottomBox:
                return score.item.map { display($0.name, record.answers[$0.name]) } ?? ""
            case .percent:
                guard let rule = score.rule?.expr else { return "" }
                return Evaluator.evaluate(rule, in: AnalysisEnvironment(record: record, table: table)).isTruthy ? "true" : "false"
            case .mean, .sum:
                let values = score.items.compactMap { item -> Double? in
                    guard let x = record.answers[item.name]?.doubleValue else { return nil }
                    guard item.reverse, let q = table.question(item.name), let lo = q.min, let hi = q.max else { return x }
                    return lo + hi - x
                }
                guard !values.isEmpty else { return "" }
                let total = values.reduce(0, +)
                return ScoreNumber.compact(score.method == .sum ? total : total / Double(values.count), places: 2)
            default:
                // drivers, and the usability methods (sus, umux_lite, completion, time_on_task): no one value.
                return ""
            }
        }
        if name.hasPrefix("meta.") { return label(name, record.meta[String(name.dropFirst(5))]) }
        if let value = record.answers[name] { return display(name, value) }
        if let value = record.computed[name] { return ExportLayout.keyText(value) }
        return ""
    }

    private func display(_ name: String, _ value: JSONValue?) -> String {
        guard let value else { return "" }
        if value.objectValue != nil || value.arrayValue != nil { return JSONWriter().string(value) }
        return label(name, value)
    }

    private func label(_ name: String, _ value: JSONValue?) -> String {
        ValueLabel.text(name, value, questionnaire: questionnaire, table: table, language: language)
    }
}
