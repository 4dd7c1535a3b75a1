/// The columns of a respondent-level export of one questionnaire (SPEC section 8), and how each record fills them.
///
/// Columns, in order: the record fields, each meta key as `meta_KEY`, then the questions in interview order
/// (a loop answer `ID_ITEM`, a grid row `ID_ROW`, a multi one 0/1 column per option `ID_VALUE`, an `other`
/// text `ID_other_text`; a grid in a loop `ID_ITEM_ROW`), then the computes. Notes ask nothing and have no column.
///
/// Codes: an integer option value is its own code; text option values are coded 1..n in option order
/// (`other` included); yes/no is 1 yes, 0 no; a multi option column is 1 chosen, 0 not chosen. Every
/// question column declares three user-missing codes, -97 don't know, -98 refused, -99 skipped (multiplied
/// by 10 until they clash with no allowed or observed value of the column); not asked is empty
/// (system-missing).
public struct ExportLayout: Sendable {
    public private(set) var columns: [ExportColumn] = []
    /// The language labels are taken in.
    public let language: String

    /// The record fields, in the order the SPEC lists them.
    public static let recordFields = ["response_id", "status", "respondent", "interviewer", "mode", "language",
                                      "started_at", "completed_at"]

    /// The base user-missing codes.
    public static let baseMissingCodes: [(reason: MissingReason, code: Double)] = [
        (.dontKnow, -97), (.refused, -98), (.skipped, -99),
    ]

    /// The layout of `questionnaire`, labelled in `language` (default: the questionnaire's first).
    public init(questionnaire: Questionnaire, table: SymbolTable, language: String? = nil) {
        self.language = language ?? questionnaire.defaultLanguage
        let lang = self.language
        for field in Self.recordFields {
            columns.append(ExportColumn(name: field, label: field, question: nil, type: "field", storage: .string,
                                        decimals: 0, measure: .nominal, valueLabels: [], missingCodes: [], codes: [:],
                                        source: .field(field)))
        }
        for field in questionnaire.meta {
            var column = Self.valueColumn(field.question, name: "meta_\(field.key)", label: field.question.text.text(lang),
                                          language: lang, source: .meta(field.key))
            column.type = "meta"
            column.missingCodes = []
            column.valueLabels = Self.choiceLabels(field.question, language: lang, codes: column.codes)
            columns.append(column)
        }
        var computes: [ExportColumn] = []
        for flow in FlowItem.flatten(questionnaire.items) {
            let loops = flow.loops.compactMap { section -> LoopAxis? in
                guard let name = section.forEach, let question = table.question(name) else { return nil }
                return LoopAxis(options: question.allOptions.map { ($0.value.description, $0.label.text(lang)) })
            }
            for combination in Self.combinations(loops) {
                let keys = combination.map(\.key)
                let suffix = keys.isEmpty ? "" : "_" + keys.joined(separator: "_")
                let itemLabel = combination.map(\.label).joined(separator: ", ")
                switch flow.item {
                case .question(let question):
                    columns += Self.questionColumns(question, suffix: suffix, loopKeys: keys, itemLabel: itemLabel, language: lang)
                case .compute(let compute):
                    computes.append(Self.computeColumn(compute, type: table.computeTypes[compute.id], suffix: suffix,
                                                       loopKeys: keys, itemLabel: itemLabel))
                case .section, .end:
                    break
                }
            }
        }
        columns += computes
        columns = Self.uniqueNames(columns)
    }

    // MARK: Building

    private struct LoopAxis {
        var options: [(key: String, label: String)]
    }

    private static func combinations(_ loops: [LoopAxis]) -> [[(key: String, label: String)]] {
        var result: [[(key: String, label: String)]] = [[]]
        for loop in loops {
            result = result.flatMap { prefix in loop.options.map { prefix + [$0] } }
        }
        return result
    }

    private static func labelled(_ text: String, item: String) -> String {
        guard !item.isEmpty else { return text }
        return text.contains("{item}") ? text.replacingOccurrences(of: "{item}", with: item) : "\(text) [\(item)]"
    }

    private static func questionColumns(_ question: Question, suffix: String, loopKeys: [String], itemLabel: String,
                                        language: String) -> [ExportColumn] {
        let text = labelled(question.text.text(language), item: itemLabel)
        let id = question.id
        switch question.type {
        case .note:
            return []
        case .multi:
            var result = question.allOptions.map { option -> ExportColumn in
                let value = option.value.description
                return ExportColumn(name: "\(id)\(suffix)_\(value)", label: "\(text): \(option.label.text(language))",
                                    question: id, type: "multi", storage: .numeric, decimals: 0, measure: .nominal,
                                    valueLabels: [(0, AnalysisWords.notChosen(language)), (1, option.label.text(language))] + missingLabels(language),
                                    missingCodes: baseMissingCodes, codes: [:],
                                    source: .answer(id: id, loopKeys: loopKeys, leaf: .option(value)))
            }
            if question.other { result.append(otherTextColumn(question, suffix: suffix, loopKeys: loopKeys, text: text, language: language)) }
            return result
        case .grid:
            return question.rows.map { row in
                var column = valueColumn(question, name: "\(id)\(suffix)_\(row.id)", label: "\(text): \(row.text.text(language))",
                                         language: language, source: .answer(id: id, loopKeys: loopKeys, leaf: .row(row.id)))
                column.type = "grid"
                return column
            }
        default:
            var result = [valueColumn(question, name: "\(id)\(suffix)", label: text, language: language,
                                      source: .answer(id: id, loopKeys: loopKeys, leaf: .value))]
            if question.type == .single, question.other {
                result.append(otherTextColumn(question, suffix: suffix, loopKeys: loopKeys, text: text, language: language))
            }
            return result
        }
    }

    private static func otherTextColumn(_ question: Question, suffix: String, loopKeys: [String], text: String,
                                        language: String) -> ExportColumn {
        ExportColumn(name: "\(question.id)\(suffix)_other_text", label: "\(text): \(AnalysisWords.otherText(language))",
                     question: question.id, type: "text", storage: .string, decimals: 0, measure: .nominal,
                     valueLabels: [], missingCodes: baseMissingCodes, codes: [:],
                     source: .answer(id: question.id, loopKeys: loopKeys, leaf: .otherText))
    }

    /// A column holding one answer value of `question` (or a meta value, or a grid cell).
    static func valueColumn(_ question: Question, name: String, label: String, language: String,
                            source: ExportColumn.Source) -> ExportColumn {
        var storage = ExportColumn.Storage.numeric
        var measure = ExportColumn.Measure.nominal
        var codes: [String: Double] = [:]
        var decimals = 0
        switch question.type {
        case .yesNo:
            codes = ["true": 1, "false": 0]
        case .single:
            codes = choiceCodes(question.allOptions)
        case .grid where question.gridUsesOptions:
            codes = choiceCodes(question.allOptions)
        case .grid, .scale, .nps:
            measure = .ordinal
        case .number:
            measure = .scale
            decimals = question.integer ? 0 : 2
        case .date:
            storage = .date
            measure = .scale
        case .text, .multi, .note:
            storage = .string
        }
        var labels = storage == .string ? [] : choiceLabels(question, language: language, codes: codes)
        if storage == .numeric { labels += missingLabels(language) }
        return ExportColumn(name: name, label: label, question: question.id, type: question.type.rawValue, storage: storage,
                            decimals: decimals, measure: measure, valueLabels: labels, missingCodes: baseMissingCodes,
                            codes: codes, source: source)
    }

    /// Integer values are their own code; text values 1..n in option order, skipping codes integers took.
    static func choiceCodes(_ options: [ChoiceOption]) -> [String: Double] {
        var codes: [String: Double] = [:]
        var taken = Set(options.compactMap { option -> Int? in
            if case .integer(let value) = option.value { return value }
            return nil
        })
        var next = 1
        for option in options {
            switch option.value {
            case .integer(let value):
                codes[option.value.description] = Double(value)
            case .text:
                while taken.contains(next) { next += 1 }
                codes[option.value.description] = Double(next)
                taken.insert(next)
            }
        }
        return codes
    }

    static func choiceLabels(_ question: Question, language: String, codes: [String: Double]) -> [(code: Double, label: String)] {
        switch question.type {
        case .yesNo:
            return [(1, question.labels["yes"]?.text(language) ?? AnalysisWords.yes(language)),
                    (0, question.labels["no"]?.text(language) ?? AnalysisWords.no(language))]
        case let type where type == .single || type == .multi || (type == .grid && question.gridUsesOptions):
            return question.allOptions.compactMap { option in
                codes[option.value.description].map { ($0, option.label.text(language)) }
            }
        case .scale, .nps, .grid:
            return question.labels.compactMap { key, text -> (code: Double, label: String)? in
                Double(key).map { ($0, text.text(language)) }
            }.sorted { $0.code < $1.code }
        default:
            return []
        }
    }

    static func missingLabels(_ language: String) -> [(code: Double, label: String)] {
        baseMissingCodes.map { ($0.code, AnalysisWords.missingReason($0.reason, language)) }
    }

    private static func computeColumn(_ compute: Compute, type: ValueType?, suffix: String, loopKeys: [String],
                                      itemLabel: String) -> ExportColumn {
        var inner = type ?? .unknown
        while case .keyed(let element) = inner { inner = element }
        let label = itemLabel.isEmpty ? compute.id : "\(compute.id) [\(itemLabel)]"
        let source = ExportColumn.Source.computed(id: compute.id, loopKeys: loopKeys)
        switch inner {
        case .boolean:
            return ExportColumn(name: compute.id + suffix, label: label, question: compute.id, type: "compute", storage: .numeric,
                                decimals: 0, measure: .nominal, valueLabels: [(0, "false"), (1, "true")], missingCodes: [],
                                codes: ["true": 1, "false": 0], source: source)
        case .number:
            return ExportColumn(name: compute.id + suffix, label: label, question: compute.id, type: "compute", storage: .numeric,
                                decimals: 2, measure: .scale, valueLabels: [], missingCodes: [], codes: [:], source: source)
        default:
            return ExportColumn(name: compute.id + suffix, label: label, question: compute.id, type: "compute", storage: .string,
                                decimals: 0, measure: .nominal, valueLabels: [], missingCodes: [], codes: [:], source: source)
        }
    }

    /// Names made safe for SPSS as well as CSV: letters, digits and `_`, starting with a letter, at most 64
    /// bytes, not a reserved word, unique whatever the case.
    private static func uniqueNames(_ columns: [ExportColumn]) -> [ExportColumn] {
        let reserved: Set<String> = ["ALL", "AND", "BY", "EQ", "GE", "GT", "LE", "LT", "NE", "NOT", "OR", "TO", "WITH"]
        var seen = Set<String>()
        return columns.map { column in
            var base = String(column.name.unicodeScalars.map { scalar -> Character in
                scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_") ? Character(scalar) : "_"
            })
            if base.first.map({ !$0.isLetter }) ?? true { base = "v_" + base }
            if reserved.contains(base.uppercased()) { base += "_" }
            if base.utf8.count > 60 { base = String(base.prefix(60)) }
            var name = base
            var counter = 2
            while seen.contains(name.uppercased()) {
                name = "\(base)_\(counter)"
                counter += 1
            }
            seen.insert(name.uppercased())
            var renamed = column
            renamed.name = name
            return renamed
        }
    }

    // MARK: Cells

    /// The cells of `record`, one per column.
    public func cells(of record: AnalysisRecord) -> [ExportCell] {
        columns.map { Self.cell($0, record) }
    }

    static func cell(_ column: ExportColumn, _ record: AnalysisRecord) -> ExportCell {
        switch column.source {
        case .field(let name):
            let text: String? = switch name {
            case "response_id": record.responseID
            case "status": record.status
            case "respondent": record.respondent
            case "interviewer": record.interviewer
            case "mode": record.mode
            case "language": record.language
            case "started_at": record.startedAt
            case "completed_at": record.completedAt
            default: nil
            }
            return text.map(ExportCell.text) ?? .empty
        case .meta(let key):
            guard let value = record.meta[key], !value.isNull else { return .empty }
            return convert(value, column)
        case .computed(let id, let keys):
            guard let value = descend(record.computed[id], keys), !value.isNull else { return .empty }
            return convert(value, column)
        case .answer(let id, let keys, let leaf):
            let key = leaf.isOtherText ? "\(id)_other" : id
            if let value = descend(record.answers[key], keys) {
                switch leaf {
                case .value, .otherText:
                    return convert(value, column)
                case .row(let row):
                    if let cell = value[row] { return convert(cell, column) }
                case .option(let option):
                    let chosen = value.arrayValue?.contains { keyText($0) == option } ?? false
                    return .number(chosen ? 1 : 0)
                }
            }
            guard let reason = descend(record.missing[key], keys) else { return .empty }
            if case .row(let row) = leaf, case .object = reason {
                return reason[row]?.stringValue.flatMap(MissingReason.init(rawValue:)).map(ExportCell.missing) ?? .empty
            }
            return reason.stringValue.flatMap(MissingReason.init(rawValue:)).map(ExportCell.missing) ?? .empty
        }
    }

    private static func descend(_ value: JSONValue?, _ keys: [String]) -> JSONValue? {
        var current = value
        for key in keys { current = current?[key] }
        return current
    }

    /// A value as written in a response (`app`, `3`, `true`), as option values and loop keys are compared.
    static func keyText(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        case .number(let number): NumberText.format(number)
        case .bool(let flag): flag ? "true" : "false"
        default: JSONWriter().string(value)
        }
    }

    private static func convert(_ value: JSONValue, _ column: ExportColumn) -> ExportCell {
        switch column.storage {
        case .string:
            if case .string(let text) = value { return .text(text) }
            return .text(keyText(value))
        case .date:
            return value.stringValue.map(ExportCell.date) ?? .empty
        case .numeric:
            if !column.codes.isEmpty { return column.codes[keyText(value)].map(ExportCell.number) ?? .empty }
            if let number = value.doubleValue { return .number(number) }
            if let flag = value.boolValue { return .number(flag ? 1 : 0) }
            return .empty
        }
    }
}

extension ExportColumn.Leaf {
    var isOtherText: Bool {
        if case .otherText = self { return true }
        return false
    }
}
