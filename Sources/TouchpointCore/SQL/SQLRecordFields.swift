/// The fields of response records that a query reads, with their SQL types: the explicit schema.
///
/// Only what the scores, `--by` and `--weight` read is declared, so that nothing is inferred from a sample
/// and nothing else is parsed. Loop answers are structs keyed by the loop's option values (every key is
/// known from the questionnaire), grids structs keyed by row id.
final class SQLRecordFields {
    let schema: ResponseSchema
    let table: SymbolTable
    let dialect: SQLDialect
    private(set) var answers: [SQLType.Field] = []
    private(set) var missing: [SQLType.Field] = []
    private(set) var meta: [SQLType.Field] = []
    private(set) var computed: [SQLType.Field] = []
    var completedAt = false
    var language = false

    init(schema: ResponseSchema, table: SymbolTable, dialect: SQLDialect) {
        self.schema = schema
        self.table = table
        self.dialect = dialect
    }

    /// The SQL type of an answer (or meta value) to `question`, inside any loops.
    static func leafType(_ question: Question) -> SQLType {
        switch question.type {
        case .yesNo: return .boolean
        case .scale, .nps, .number: return .double
        case .single: return isWhole(question.allOptions) ? .bigint : .text
        case .multi: return .array(isWhole(question.allOptions) ? .bigint : .text)
        case .text, .date, .note: return .text
        case .grid:
            let cell: SQLType = question.options.isEmpty ? .double : (isWhole(question.options) ? .bigint : .text)
            return .structure(question.rows.map { SQLType.Field(name: $0.id, type: cell) })
        }
    }

    /// The SQL type of a compute's value, from its static type.
    static func type(of value: ValueType) -> SQLType {
        switch value {
        case .boolean: return .boolean
        case .number: return .double
        case .choice(let options): return options.allSatisfy { if case .integer = $0 { true } else { false } } && !options.isEmpty ? .bigint : .text
        case .choices(let options): return .array(options.allSatisfy { if case .integer = $0 { true } else { false } } && !options.isEmpty ? .bigint : .text)
        default: return .text
        }
    }

    private static func isWhole(_ options: [ChoiceOption]) -> Bool {
        !options.isEmpty && options.allSatisfy { if case .integer = $0.value { true } else { false } }
    }

    private static func wrapped(_ leaf: SQLType, in loops: [ResponseSchema.LoopLevel]) -> SQLType {
        loops.reversed().reduce(leaf) { inner, level in
            .structure(level.orderedKeys.map { SQLType.Field(name: $0, type: inner) })
        }
    }

    private static func add(_ field: SQLType.Field, to fields: inout [SQLType.Field]) {
        if !fields.contains(where: { $0.name == field.name }) { fields.append(field) }
    }

    /// `answers.<id>`, declared with the question's whole type (loops and grid rows included).
    func answer(_ entry: ResponseSchema.QuestionEntry) -> String {
        let id = entry.question.id
        Self.add(SQLType.Field(name: id, type: Self.wrapped(Self.leafType(entry.question), in: entry.loops)), to: &answers)
        return "answers." + dialect.identifier(id)
    }

    /// `missing.<id>` as text: only whether it is there is read.
    func missingReason(_ id: String) -> String {
        Self.add(SQLType.Field(name: id, type: .text), to: &missing)
        return "missing." + dialect.identifier(id)
    }

    /// `meta.<key>`.
    func metaValue(_ key: String, entry: ResponseSchema.QuestionEntry) -> String {
        Self.add(SQLType.Field(name: key, type: Self.leafType(entry.question)), to: &meta)
        return "meta." + dialect.identifier(key)
    }

    /// `computed.<id>`.
    func computedValue(_ id: String) -> String {
        let loops = schema.computes[id] ?? []
        let leaf = Self.type(of: table.computeTypes[id] ?? .number)
        Self.add(SQLType.Field(name: id, type: Self.wrapped(leaf, in: loops)), to: &computed)
        return "computed." + dialect.identifier(id)
    }

    /// The top-level fields of a record, in a fixed order: the record fields the query reads.
    var topLevel: [SQLType.Field] {
        var fields = [SQLType.Field(name: "questionnaire", type: .text), SQLType.Field(name: "response_id", type: .text),
                      SQLType.Field(name: "status", type: .text)]
        if completedAt { fields.append(SQLType.Field(name: "completed_at", type: .text)) }
        if language { fields.append(SQLType.Field(name: "language", type: .text)) }
        for (name, members) in [("meta", meta), ("answers", answers), ("missing", missing), ("computed", computed)] where !members.isEmpty {
            fields.append(SQLType.Field(name: name, type: .structure(members)))
        }
        return fields
    }
}
