/// The type of a field of the explicit record schema.
indirect enum SQLType: Hashable, Sendable {
    case double
    case bigint
    case boolean
    case text
    case array(SQLType)
    case structure([Field])

    struct Field: Hashable, Sendable {
        var name: String
        var type: SQLType
    }

    /// The type as DuckDB writes it in `read_json(columns = ...)` or Spark in a DDL schema.
    func render(_ dialect: SQLDialect) -> String {
        switch (self, dialect) {
        case (.double, _): return "DOUBLE"
        case (.bigint, _): return "BIGINT"
        case (.boolean, _): return "BOOLEAN"
        case (.text, _): return dialect.text
        case (.array(let element), .duckdb): return element.render(dialect) + "[]"
        case (.array(let element), .spark): return "ARRAY<" + element.render(dialect) + ">"
        case (.structure(let fields), .duckdb):
            return "STRUCT(" + fields.map { "\(dialect.identifier($0.name)) \($0.type.render(dialect))" }.joined(separator: ", ") + ")"
        case (.structure(let fields), .spark):
            return "STRUCT<" + fields.map { "\(dialect.identifier($0.name)): \($0.type.render(dialect))" }.joined(separator: ", ") + ">"
        }
    }
}
