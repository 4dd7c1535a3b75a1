/// The SQL engines `touchpoint sql` writes for, and how their syntax differs.
///
/// The query is otherwise the same text for both: standard aggregates, `UNION ALL`, joins and `CASE`.
/// Numbers are written as DOUBLE literals (`2.5E0`) because both engines read `2.5` as a DECIMAL.
public enum SQLDialect: String, Sendable, CaseIterable {
    case duckdb
    case spark

    /// A quoted identifier: `"name"` in DuckDB, `` `name` `` in Spark.
    func identifier(_ name: String) -> String {
        switch self {
        case .duckdb: "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        case .spark: "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
        }
    }

    /// A string literal; Spark also reads backslashes as escapes.
    func string(_ text: String) -> String {
        var escaped = text.replacingOccurrences(of: "'", with: "''")
        if self == .spark { escaped = escaped.replacingOccurrences(of: "\\", with: "\\\\") }
        return "'" + escaped + "'"
    }

    /// A DOUBLE literal that reads back as exactly `value`.
    func number(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "CAST('NaN' AS DOUBLE)" : (value > 0 ? "CAST('Infinity' AS DOUBLE)" : "CAST('-Infinity' AS DOUBLE)") }
        let text = "\(value)".uppercased()
        return text.contains("E") ? text : text + "E0"
    }

    /// The name of a text type.
    var text: String { self == .duckdb ? "VARCHAR" : "STRING" }

    /// `array[...]`: a list of values.
    func array(_ items: [String]) -> String {
        switch self {
        case .duckdb: "[" + items.joined(separator: ", ") + "]"
        case .spark: "array(" + items.joined(separator: ", ") + ")"
        }
    }

    /// A struct value with named fields.
    func structValue(_ fields: [(String, String)]) -> String {
        switch self {
        case .duckdb: "{" + fields.map { "\(string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
        case .spark: "named_struct(" + fields.map { "\(string($0.0)), \($0.1)" }.joined(separator: ", ") + ")"
        }
    }

    /// One row per element of a list, in a select list.
    func explode(_ list: String) -> String {
        switch self {
        case .duckdb: "unnest(\(list))"
        case .spark: "explode(\(list))"
        }
    }

    /// Whether a list holds a value.
    func contains(_ list: String, _ value: String) -> String {
        switch self {
        case .duckdb: "list_contains(\(list), \(value))"
        case .spark: "array_contains(\(list), \(value))"
        }
    }

    /// The number of elements of a list.
    func count(_ list: String) -> String {
        switch self {
        case .duckdb: "len(\(list))"
        case .spark: "size(\(list))"
        }
    }

    /// The number of characters of a text.
    func length(_ text: String) -> String {
        switch self {
        case .duckdb: "length(\(text))"
        case .spark: "char_length(\(text))"
        }
    }

    /// A text read as a number, or NULL when it is not one (never an error).
    func tryDouble(_ text: String) -> String {
        "TRY_CAST(\(text) AS DOUBLE)"
    }
}
