/// Builds a `Tabulation` from accepted records.
///
/// Decisions: only complete responses are tabulated (screen-outs are counted by `score`'s status line);
/// a loop question counts one answer per loop item; a grid gives one table per row; `percent` has all who
/// were asked as its base, `valid %` only those who answered (don't know, refused and skipped left out);
/// significance is the column-proportions z test (pooled two-proportion z on valid percentages, two-sided,
/// 5%, no correction for multiple comparisons), run only between columns whose valid bases are 30 or
/// more, and marked as market-research tables do: a cell carries the letters of the columns it is
/// significantly higher than. Weighted, counts are sums of weights and the test uses Kish's effective base.
public struct TabBuilder: Sendable {
    public var questionnaire: Questionnaire
    public var table: SymbolTable
    public var language: String

    public init(questionnaire: Questionnaire, table: SymbolTable, language: String? = nil) {
        self.questionnaire = questionnaire
        self.table = table
        self.language = language ?? questionnaire.defaultLanguage
    }

    /// The tabulation of `questionID` over `records`, by the `by` names, weighted by `weight`.
    public func build(_ questionID: String, records: [AnalysisRecord], by: [String] = [], weight: String? = nil) throws(TabError) -> Tabulation {
        guard let question = table.question(questionID) else {
            var message = "`\(questionID)` is not a question of `\(questionnaire.id)`"
            if let close = TextSimilarity.closest(to: questionID, in: table.symbols.keys.sorted()) { message += "; did you mean `\(close)`?" }
            throw TabError(message)
        }
        let categories = try Self.categories(question, language: language)
        for name in by { try checkGrouping(name) }
        if let weight { try checkWeight(weight) }
        let complete = records.filter { $0.status == "complete" }
        var weights: [Double] = []
        var kept: [AnalysisRecord] = []
        var unweightable = 0
        for record in complete {
            if let weight {
                guard let value = Self.weight(of: record, name: weight) else { unweightable += 1; continue }
                weights.append(value)
            } else {
                weights.append(1)
            }
            kept.append(record)
        }
        let groupKeys = kept.map { record in by.map { record.groupValue($0) } }
        var order: [[JSONValue?]] = []
        for key in groupKeys where !order.contains(key) { order.append(key) }
        order.sort { a, b in
            for (name, (x, y)) in zip(by, zip(a, b)) where x != y { return rank(name, x) < rank(name, y) }
            return false
        }
        let loops = table.symbols[questionID]?.loops.count ?? 0
        let rows: [GridRow?] = question.type == .grid ? question.rows.map { $0 } : [nil]
        let text = question.text.text(language)
        var parts: [Tabulation.Part] = []
        for row in rows {
            var columns: [Tabulation.Column] = []
            var counts: [[Double]] = []
            let columnKeys: [[JSONValue?]?] = [nil] + (by.isEmpty ? [] : order.map { $0 })
            for (index, key) in columnKeys.enumerated() {
                var tally = Tally(categories: categories.map(\.value))
                for (recordIndex, record) in kept.enumerated() where key == nil || groupKeys[recordIndex] == key {
                    tally.add(Self.observations(of: record, question: question, row: row?.id, loops: loops), weight: weights[recordIndex])
                }
                let label = key.map { values in zip(by, values).map { self.label($0, $1) }.joined(separator: " / ") } ?? AnalysisWords.total(language)
                let stored = key.map { values in values.map { $0.map(ExportLayout.keyText) ?? GroupValue.missingLabel }.joined(separator: " / ") } ?? "total"
                columns.append(Tabulation.Column(key: stored, label: label, letter: index == 0 ? "" : Self.letter(index - 1),
                                                 responses: tally.responses, validBase: tally.valid, unweightedValidBase: tally.unweightedValid,
                                                 effectiveBase: tally.effectiveValid, missing: tally.missing))
                counts.append(tally.counts)
            }
            var result: [Tabulation.Category] = []
            for (c, category) in categories.enumerated() {
                let cells = counts.map { $0[c] }
                let percent = zip(cells, columns).map { count, column in column.askedBase > 0 ? 100 * count / column.askedBase : nil }
                let valid = zip(cells, columns).map { count, column in column.validBase > 0 ? 100 * count / column.validBase : nil }
                result.append(Tabulation.Category(value: category.value, label: category.label, counts: cells, percent: percent,
                                                  validPercent: valid, higherThan: Self.letters(valid, columns)))
            }
            parts.append(Tabulation.Part(row: row?.id, label: row.map { "\(text): \($0.text.text(language))" } ?? text,
                                         columns: columns, categories: result))
        }
        return Tabulation(question: questionID, type: question.type, label: text, by: by, weight: weight,
                          isMultiResponse: question.type == .multi, parts: parts, unweightable: unweightable)
    }

    // MARK: Categories

    static func categories(_ question: Question, language: String) throws(TabError) -> [(value: String, label: String)] {
        switch question.type {
        case .single, .multi:
            return question.allOptions.map { ($0.value.description, $0.label.text(language)) }
        case .yesNo:
            return [("true", question.labels["yes"]?.text(language) ?? AnalysisWords.yes(language)),
                    ("false", question.labels["no"]?.text(language) ?? AnalysisWords.no(language))]
        case .scale, .nps, .grid:
            if question.gridUsesOptions { return question.allOptions.map { ($0.value.description, $0.label.text(language)) } }
            guard let points = question.scalePoints, points.count <= 101 else {
                throw TabError("`\(question.id)` has no scale points to tabulate (give it `min` and `max`)")
            }
            return points.map { point in (String(point), question.labels[String(point)]?.text(language) ?? String(point)) }
        case .number, .text, .date, .note:
            throw TabError("`\(question.id)` is a \(question.type.rawValue) question; tab counts single, multi, scale, nps, yes_no and grid answers (read text answers with `touchpoint verbatims`)")
        }
    }

    // MARK: Observations

    enum Observation {
        case answer([String])
        case missing(String)
    }

    /// The answers (one per loop item) and missing reasons a record holds for the question (or grid row).
    static func observations(of record: AnalysisRecord, question: Question, row: String?, loops: Int) -> [Observation] {
        var result: [Observation] = []
        func leaves(_ value: JSONValue?, depth: Int, _ visit: (JSONValue) -> Void) {
            guard let value else { return }
            if depth == 0 { visit(value); return }
            guard case .object(let keyed) = value else { return }
            for member in keyed.members { leaves(member.value, depth: depth - 1, visit) }
        }
        leaves(record.answers[question.id], depth: loops) { leaf in
            var value = leaf
            if let row {
                guard let cell = leaf[row] else { return }
                value = cell
            }
            if let items = value.arrayValue {
                result.append(.answer(items.map(ExportLayout.keyText)))
            } else {
                result.append(.answer([ExportLayout.keyText(value)]))
            }
        }
        leaves(record.missing[question.id], depth: loops) { leaf in
            if let row, case .object = leaf {
                if let reason = leaf[row]?.stringValue { result.append(.missing(reason)) }
            } else if let reason = leaf.stringValue {
                result.append(.missing(reason))
            }
        }
        return result
    }

    // MARK: Significance

    static func letter(_ index: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return index < 26 ? String(letters[index]) : String(letters[index / 26 - 1]) + String(letters[index % 26])
    }

    /// For each group column, the letters of the group columns it is significantly higher than.
    static func letters(_ percents: [Double?], _ columns: [Tabulation.Column]) -> [[String]] {
        var result = Array(repeating: [String](), count: columns.count)
        guard columns.count > 2 else { return result }
        for i in 1..<columns.count {
            for j in 1..<columns.count where i != j {
                guard let pi = percents[i], let pj = percents[j], pi > pj,
                      columns[i].unweightedValidBase >= Tabulation.smallBase, columns[j].unweightedValidBase >= Tabulation.smallBase,
                      let test = Difference.proportions(pi / 100, size: columns[i].effectiveBase, versus: pj / 100, size: columns[j].effectiveBase),
                      test.p < Tabulation.significanceLevel else { continue }
                result[i].append(columns[j].letter)
            }
        }
        return result
    }

    // MARK: Groups and weights

    private func checkGrouping(_ name: String) throws(TabError) {
        if ["language", "status", "interviewer", "mode"].contains(name) { return }
        if name.hasPrefix("meta.") {
            guard questionnaire.meta.contains(where: { $0.key == String(name.dropFirst(5)) }) else {
                throw TabError("--by \(name): `\(name.dropFirst(5))` is not declared under `meta:` (declared: \(questionnaire.meta.map { "meta.\($0.key)" }.joined(separator: ", ")))")
            }
            return
        }
        guard let question = table.question(name), let symbol = table.symbols[name], symbol.loops.isEmpty,
              question.type == .single || question.type == .yesNo else {
            throw TabError("--by \(name): group by a meta key (meta.x), language, or a single or yes_no question asked once")
        }
    }

    private func checkWeight(_ name: String) throws(TabError) {
        if name.hasPrefix("meta."), questionnaire.meta.contains(where: { $0.key == String(name.dropFirst(5)) }) { return }
        guard let question = table.question(name), [.number, .scale, .nps].contains(question.type) else {
            throw TabError("--weight \(name): weight by a meta key (meta.x) or a numeric question")
        }
    }

    static func weight(of record: AnalysisRecord, name: String) -> Double? {
        let value = name.hasPrefix("meta.") ? record.meta[String(name.dropFirst(5))] : record.answers[name]
        let number: Double?
        switch value {
        case .number(let n)?: number = n
        case .string(let text)?: number = Double(text)
        default: number = nil
        }
        guard let number, number.isFinite, number >= 0 else { return nil }
        return number
    }

    private func label(_ name: String, _ value: JSONValue?) -> String {
        ValueLabel.text(name, value, questionnaire: questionnaire, table: table, language: language)
    }

    private func rank(_ name: String, _ value: JSONValue?) -> Int {
        guard let value else { return Int.max }
        let key = ExportLayout.keyText(value)
        if name == "language" { return questionnaire.languages.firstIndex(of: key) ?? 1000 }
        let question: Question? = name.hasPrefix("meta.")
            ? questionnaire.meta.first { $0.key == String(name.dropFirst(5)) }?.question
            : table.question(name)
        if question?.type == .yesNo { return key == "true" ? 0 : 1 }
        return question?.allOptions.firstIndex { $0.value.description == key } ?? 1000
    }
}

/// Running counts for one column of one table.
struct Tally {
    var index: [String: Int]
    var counts: [Double]
    var responses = 0.0
    var valid = 0.0
    var unweightedValid = 0
    var weightSum = 0.0
    var weightSquares = 0.0
    var missing: [String: Double] = ["dont_know": 0, "refused": 0, "skipped": 0, "not_asked": 0]

    init(categories: [String]) {
        index = Dictionary(categories.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        counts = Array(repeating: 0, count: categories.count)
    }

    var effectiveValid: Double { weightSquares > 0 ? weightSum * weightSum / weightSquares : 0 }

    mutating func add(_ observations: [TabBuilder.Observation], weight: Double) {
        responses += weight
        if observations.isEmpty { missing["not_asked", default: 0] += weight }
        for observation in observations {
            switch observation {
            case .answer(let values):
                valid += weight
                unweightedValid += 1
                weightSum += weight
                weightSquares += weight * weight
                for value in values { if let slot = index[value] { counts[slot] += weight } }
            case .missing(let reason):
                missing[reason, default: 0] += weight
            }
        }
    }
}
