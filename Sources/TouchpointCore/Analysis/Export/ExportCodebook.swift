/// The codebook of an export: each column with its label, question, type, value labels and missing codes.
public struct ExportCodebook: Sendable {
    public var table: ExportTable

    public init(table: ExportTable) {
        self.table = table
    }

    /// The codebook as JSON: `{"columns": [{"name", "label", "question", "type", "storage", "measure",
    /// "values": [{"code", "label"}], "missing": {"dont_know": -97, ...}}]}`.
    public func json() -> JSONValue {
        var columns: [JSONValue] = []
        for column in table.columns {
            var object = JSONObject()
            object.append(key: "name", value: .string(column.name))
            object.append(key: "label", value: .string(column.label))
            object.append(key: "question", value: column.question.map(JSONValue.string) ?? .null)
            object.append(key: "type", value: .string(column.type))
            object.append(key: "storage", value: .string(column.storage.rawValue))
            object.append(key: "measure", value: .string(column.measure.rawValue))
            let valueOf = Dictionary(column.codes.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
            object.append(key: "values", value: .array(column.valueLabels.map { label in
                var entry = JSONObject([("code", .number(label.code)), ("label", .string(label.label))])
                if let value = valueOf[label.code] { entry.append(key: "value", value: .string(value)) }
                return .object(entry)
            }))
            object.append(key: "missing", value: .object(JSONObject(column.missingCodes.map { ($0.reason.rawValue, .number($0.code)) })))
            object.append(key: "source", value: Self.source(column.source))
            columns.append(.object(object))
        }
        return .object(JSONObject([("columns", .array(columns))]))
    }

    /// Where a column's value is read in a response record: `{"from": "field"|"meta"|"answers"|"computed",
    /// "key", "loop": [option values], "part": "value"|"row"|"option"|"other_text", "of": row id or option}`.
    static func source(_ source: ExportColumn.Source) -> JSONValue {
        var object = JSONObject()
        switch source {
        case .field(let name):
            object.append(key: "from", value: "field")
            object.append(key: "key", value: .string(name))
        case .meta(let key):
            object.append(key: "from", value: "meta")
            object.append(key: "key", value: .string(key))
        case .computed(let id, let keys):
            object.append(key: "from", value: "computed")
            object.append(key: "key", value: .string(id))
            object.append(key: "loop", value: .array(keys.map(JSONValue.string)))
        case .answer(let id, let keys, let leaf):
            object.append(key: "from", value: "answers")
            object.append(key: "key", value: .string(id))
            object.append(key: "loop", value: .array(keys.map(JSONValue.string)))
            switch leaf {
            case .value: object.append(key: "part", value: "value")
            case .row(let row):
                object.append(key: "part", value: "row")
                object.append(key: "of", value: .string(row))
            case .option(let option):
                object.append(key: "part", value: "option")
                object.append(key: "of", value: .string(option))
            case .otherText: object.append(key: "part", value: "other_text")
            }
        }
        return .object(object)
    }

    /// The codebook as CSV: `name,label,question,type,storage,measure,values,missing`, value labels as
    /// `[1] Website; [2] Shop`, missing codes as `[-97] dont_know; [-98] refused; [-99] skipped`.
    public func csv() -> [UInt8] {
        var lines = ["name,label,question,type,storage,measure,values,missing"]
        for column in table.columns {
            let values = column.valueLabels.map { "[\(NumberText.format($0.code))] \($0.label)" }.joined(separator: "; ")
            let missing = column.missingCodes.map { "[\(NumberText.format($0.code))] \($0.reason.rawValue)" }.joined(separator: "; ")
            let fields = [column.name, CSVExportWriter.neutralized(column.label), column.question ?? "", column.type,
                          column.storage.rawValue, column.measure.rawValue, CSVExportWriter.neutralized(values), CSVExportWriter.neutralized(missing)]
            lines.append(fields.map(CSVExportWriter.field).joined(separator: ","))
        }
        return Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }
}
