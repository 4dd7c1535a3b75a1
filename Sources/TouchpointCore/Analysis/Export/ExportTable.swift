/// Every response of an export in memory, with its columns settled: missing codes that clash with no
/// value, decimals and string widths that fit every value.
public struct ExportTable: Sendable {
    public private(set) var columns: [ExportColumn]
    public private(set) var rows: [[ExportCell]]

    /// The rows of `records` under `layout`.
    public init(layout: ExportLayout, records: [AnalysisRecord], questionnaire: Questionnaire) {
        columns = layout.columns
        rows = records.map { layout.cells(of: $0) }
        settle(questionnaire: questionnaire)
    }

    /// The widest value of string column `index`, in UTF-8 bytes (at least 1).
    public func byteWidth(ofColumn index: Int) -> Int {
        var width = 1
        for row in rows {
            switch row[index] {
            case .text(let text): width = max(width, text.utf8.count)
            case .missing: width = max(width, 3)
            default: break
            }
        }
        if let code = columns[index].missingCodes.map({ NumberText.format($0.code).utf8.count }).max() {
            width = max(width, code)
        }
        return width
    }

    private mutating func settle(questionnaire: Questionnaire) {
        let questions = Dictionary(FlowItem.flatten(questionnaire.items).compactMap { flow -> (String, Question)? in
            if case .question(let question) = flow.item { return (question.id, question) }
            return nil
        }, uniquingKeysWith: { first, _ in first })
        for index in columns.indices {
            var lowest = Double.infinity
            var decimals = 0
            for row in rows {
                if case .number(let value) = row[index] {
                    lowest = min(lowest, value)
                    decimals = max(decimals, Self.decimals(of: value))
                }
            }
            if columns[index].storage == .numeric, columns[index].measure == .scale {
                columns[index].decimals = decimals
            }
            guard !columns[index].missingCodes.isEmpty, columns[index].storage == .numeric else { continue }
            if let id = columns[index].question, let question = questions[id], question.type == .number {
                lowest = min(lowest, question.min ?? -.infinity)
            }
            var factor = 1.0
            while ExportLayout.baseMissingCodes.contains(where: { $0.code * factor >= lowest }), factor < 1e12 {
                factor *= 10
            }
            guard factor > 1 else { continue }
            let old = columns[index].missingCodes
            columns[index].missingCodes = old.map { ($0.reason, $0.code * factor) }
            columns[index].valueLabels = columns[index].valueLabels.map { label in
                old.contains { $0.code == label.code } ? (label.code * factor, label.label) : label
            }
        }
    }

    /// Digits after the point needed to write `value` exactly (at most 10).
    static func decimals(of value: Double) -> Int {
        let text = NumberText.format(value)
        guard let dot = text.firstIndex(of: "."), !text.contains("e") else { return 0 }
        return min(text.distance(from: dot, to: text.endIndex) - 1, 10)
    }
}
