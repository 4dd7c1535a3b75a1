extension Tabulation {
    /// `tab --format json`: `{"question", "type", "label", "by", "weight", "multi_response", "test",
    /// "tables": [{"row", "label", "columns": [{"key", "label", "letter", "responses", "base", "asked_base",
    /// "effective_base", "small_base", "missing": {...}}], "categories": [{"value", "label", "count": [...],
    /// "percent": [...], "valid_percent": [...], "higher_than": [[letters]...]}]}]}`; arrays follow the columns.
    public var json: JSONValue {
        var object = JSONObject()
        object["question"] = .string(question)
        object["type"] = .string(type.rawValue)
        object["label"] = .string(label)
        object["by"] = .array(by.map(JSONValue.string))
        object["weight"] = weight.map(JSONValue.string) ?? .null
        object["multi_response"] = .bool(isMultiResponse)
        object["test"] = .string("column proportions z (pooled), two-sided, p < 0.05, valid bases of 30 or more, no correction for multiple comparisons")
        object["tables"] = .array(parts.map { part in
            var entry = JSONObject()
            entry["row"] = part.row.map(JSONValue.string) ?? .null
            entry["label"] = .string(part.label)
            entry["columns"] = .array(part.columns.map { column in
                var c = JSONObject()
                c["key"] = .string(column.key)
                c["label"] = .string(column.label)
                c["letter"] = .string(column.letter)
                c["responses"] = ScoreNumber.json(column.responses)
                c["base"] = ScoreNumber.json(column.validBase)
                c["asked_base"] = ScoreNumber.json(column.askedBase)
                c["effective_base"] = ScoreNumber.json(column.effectiveBase)
                c["small_base"] = .bool(column.isSmallBase)
                c["missing"] = .object(JSONObject(["dont_know", "refused", "skipped", "not_asked"].map { ($0, ScoreNumber.json(column.missing[$0] ?? 0)) }))
                return .object(c)
            })
            entry["categories"] = .array(part.categories.map { category in
                var c = JSONObject()
                c["value"] = .string(category.value)
                c["label"] = .string(category.label)
                c["count"] = .array(category.counts.map { ScoreNumber.json($0) })
                c["percent"] = .array(category.percent.map { ScoreNumber.json($0) })
                c["valid_percent"] = .array(category.validPercent.map { ScoreNumber.json($0) })
                c["higher_than"] = .array(category.higherThan.map { .array($0.map(JSONValue.string)) })
                return .object(c)
            })
            return .object(entry)
        })
        return .object(object)
    }

    /// `tab --format csv`: one row per table, category and column (tidy, for pivoting):
    /// `question,row,value,label,column,column_label,letter,base,small_base,count,percent,valid_percent,higher_than`,
    /// with the missing kinds as categories `(dont_know)`, `(refused)`, `(skipped)`, `(not_asked)`.
    public var csv: String {
        var lines = ["question,row,value,label,column,column_label,letter,base,small_base,count,percent,valid_percent,higher_than"]
        func number(_ value: Double?) -> String { value.map { ScoreNumber.compact($0) } ?? "" }
        for part in parts {
            for category in part.categories {
                for (index, column) in part.columns.enumerated() {
                    let fields = [question, part.row ?? "", category.value, category.label, column.key, column.label, column.letter,
                                  number(column.validBase), column.isSmallBase ? "1" : "0", number(category.counts[index]),
                                  number(category.percent[index]), number(category.validPercent[index]), category.higherThan[index].joined()]
                    lines.append(fields.map { CSVExportWriter.field(CSVExportWriter.neutralized($0)) }.joined(separator: ","))
                }
            }
            for kind in ["dont_know", "refused", "skipped", "not_asked"] {
                for column in part.columns {
                    let count = column.missing[kind] ?? 0
                    let percent = kind == "not_asked" || column.askedBase == 0 ? nil : 100 * count / column.askedBase
                    let fields = [question, part.row ?? "", "(\(kind))", kind, column.key, column.label, column.letter,
                                  number(column.validBase), column.isSmallBase ? "1" : "0", number(count), number(percent), "", ""]
                    lines.append(fields.map { CSVExportWriter.field(CSVExportWriter.neutralized($0)) }.joined(separator: ","))
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
